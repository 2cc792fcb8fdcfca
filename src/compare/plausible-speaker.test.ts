import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { isPlausibleSpeaker } from './plausible-speaker.js';

describe('isPlausibleSpeaker', () => {
  it('takes names, resolved entities, pronouns and nouns for people, bodies and documents', () => {
    for (const source of [
      'Jane Roe',
      'he',
      'Some',
      'two witnesses',
      'the company',
      'people briefed on the matter',
      'officials there',
      'the ex-congressman',
      'a police report',
      'the original draft of the memo',
      'local authorities',
    ])
      expect(isPlausibleSpeaker(source, null), source).toBe(true);
    expect(isPlausibleSpeaker('the bridge', 'east-bridge')).toBe(true);
  });

  it('refuses things that cannot speak and stray words', () => {
    for (const source of [
      'the bridge',
      'the maintenance budget',
      'work rosters',
      'that',
      'risk',
      "'s",
      'the weekend',
    ])
      expect(isPlausibleSpeaker(source, null), source).toBe(false);
  });
});

describe('claims: only from a source that can speak', () => {
  it('should list the spokesman’s claim and not the budget’s', () => {
    const { claims } = compareStory(
      makeInput([
        'A company spokesman said the bridge had been inspected last year. The maintenance budget showed that repairs had been delayed for a year.',
        'A company spokesman said the bridge had been inspected last year. Repairs were delayed.',
      ]),
    );
    expect(claims.some((c) => /spokesman/i.test(c.speaker))).toBe(true);
    expect(claims.some((c) => /budget/i.test(c.speaker))).toBe(false);
  });
});

describe('claims: a pronoun speaker shown by the name it was resolved to', () => {
  it('should name the speaker of “…,” she said', () => {
    const { claims } = compareStory(
      makeInput([
        'Jane Roe, the union’s secretary, spoke on Monday. "The bridges were never checked," she said.',
        'Jane Roe, the union’s secretary, spoke on Monday. "The bridges were never checked," she said.',
      ]),
    );
    expect(claims.some((c) => c.speaker === 'she')).toBe(false);
    expect(claims.some((c) => c.speaker === 'Jane Roe')).toBe(true);
  });
});

describe('brief: a quotation cut before its attribution', () => {
  it('should not end a clause on the comma inside the closing quote', async () => {
    const { tidyContent } = await import('./tidy-content.js');
    expect(tidyContent('Russian assertions of victory as mere "political theater,"')).toBe(
      'Russian assertions of victory as mere "political theater"',
    );
    expect(tidyContent('the plan was dead,')).toBe('the plan was dead');
    expect(tidyContent('"it is over."')).toBe('"it is over."');
  });
});
