import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { subjectBefore, subjectsAgree } from './clause-subject.js';
import { compareStory } from './compare-story.js';
import { readPolarity } from './read-polarity.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);
const noMentions = { mentions: [] };
const subject = (text: string, verb: string) =>
  subjectBefore(text, 0, text.indexOf(verb), noMentions)?.text ?? null;

describe('the subject of a clause', () => {
  it('should read the noun phrase before the verb, past auxiliaries, adverbs and a reporting frame', () => {
    expect(subject('The upper chamber is preparing to take up the bill.', 'preparing')).toBe('upper chamber');
    expect(subject('The lower chamber has declined to take up the bill.', 'declined')).toBe('lower chamber');
    expect(subject('Officials said that the agency had quietly dropped the plan.', 'dropped')).toBe('agency');
    expect(subject('The coach continues to reject any move abroad.', 'reject')).toBe('coach');
  });

  it('should take the speaker for a reported clause whose own subject is a pronoun or "there"', () => {
    expect(subject('The unions say there is no shortage of nurses.', 'no shortage')).toBe('unions');
  });

  it('should keep apart two different common-noun subjects but not a place and a person', () => {
    const text = 'The committee passed it. The council passed it.';
    const a = subjectBefore(text, 0, text.indexOf('passed'), noMentions);
    const b = subjectBefore(text, 0, text.lastIndexOf('passed'), noMentions);
    expect(subjectsAgree(a, b)).toBe(false);
    expect(subjectsAgree(a, a)).toBe(true);
    expect(subjectsAgree({ ...a!, kind: 'place' }, b)).toBe(true);
    expect(subjectsAgree(null, b)).toBe(true);
  });
});

describe('polarity discrepancies need the same subject and speaker', () => {
  it('should not set one body taking up a bill against another declining to', () => {
    expect(
      found(
        [
          'The committee is preparing to take up the spending bill on roads next week after months of delay.',
          'The council has declined to take up the spending bill on roads next week after months of delay.',
        ],
        'polarity',
      ),
    ).toHaveLength(0);
  });

  it('should still set the same subject affirming and denying one proposition', () => {
    expect(
      found(
        [
          'The lower chamber has taken up the spending bill on roads next week after months of delay.',
          'The lower chamber has not taken up the spending bill on roads next week after months of delay.',
        ],
        'polarity',
      ),
    ).toHaveLength(1);
  });

  it("should not set one speaker's quoted words against another speaker's", () => {
    expect(
      found(
        [
          '"The mayor has a valid permit for the new stadium," the council spokesman Tom Reeve said on Monday.',
          '"The mayor does not have a valid permit for the new stadium," the opposition leader Ann Kovac said on Monday.',
        ],
        'polarity',
      ),
    ).toHaveLength(0);
  });

  it('should read an open question, a negated command and a disputed account as asserting nothing', () => {
    const read = (text: string) => readPolarity(text, 0, noMentions);
    expect(read('He will announce whether he plans to step down or seek a second term.')!.irrealis).toBe(
      true,
    );
    expect(read('"And don\'t make faces during public events," she wrote.')).toBeNull();
    expect(read('The campaign disputed a report in the newspaper as a distortion.')).toBeNull();
  });

  it('should read a negated deny-class verb as affirmed', () => {
    expect(
      readPolarity('The senator had not dismissed the plan as too costly.', 0, noMentions)!.polarity,
    ).toBe('affirmed');
  });

  it('should read the subject after a clause-opening "no" and take the predicate as its scope', () => {
    const r = readPolarity('Neither the ministry nor the army made any comment on Saturday.', 0, noMentions)!;
    expect(r.polarity).toBe('negated');
    expect(r.subjectSpan).toBeDefined();
    expect(r.scope[0]).not.toBe(undefined);
    expect(r.scope).not.toContain('ministri');
  });
});

describe('number discrepancies across facts', () => {
  it('should tie one head noun followed by the same verb, and keep apart a bare noun with other verbs', () => {
    const tied = found(
      [
        'The mayor unveiled a housing plan on Monday that includes 23 measures that will be taken at once by the city.',
        'Council members briefed on Sunday said the mayor would lay out 19 measures the city could take without a council vote.',
      ],
      'number',
    );
    expect(tied).toHaveLength(1);
    const apart = found(
      [
        'Two states filed a lawsuit against the rule in federal court on Thursday morning.',
        'Officials noted that 23 states have enacted similar rules over the past decade.',
      ],
      'number',
    );
    expect(apart).toHaveLength(0);
  });
});
