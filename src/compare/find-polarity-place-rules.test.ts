import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { readPolarity } from './read-polarity.js';
import { splitClauses } from './split-fact-units.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

const noMentions = { mentions: [] };

describe('polarity sides', () => {
  it('should keep an article on the side of its closest clause when a looser one is negated', () => {
    const d = found(
      [
        'The senator said he supported higher pay for rural teachers in the budget. Earlier he had opposed higher pay for teachers in the cities.',
        'The senator said he opposed higher pay for rural teachers in the budget. Earlier he had opposed higher pay for teachers in the cities.',
      ],
      'polarity',
    );
    expect(d).toHaveLength(1);
    expect(d[0]!.variants.map((v) => v.articleIds)).toEqual([['a0'], ['a1']]);
  });

  it('should not take a short affirmed aside for the other side of a long negated clause', () => {
    const d = found(
      [
        'The coach announced on Friday that she is to return to lead the national team at the cup, the second time she has been asked. "I am so excited to lead the team," she said.',
        'The coach announced on Friday that she is not to return to lead the national team at the cup, the second time she has been asked. "I am so excited to lead the team," she said.',
      ],
      'polarity',
    );
    expect(d).toHaveLength(1);
  });
});

describe('wished, urged and planned clauses', () => {
  it('should read a negation after the wished-for part as asserted', () => {
    const r = readPolarity(
      'Some close to the chairman say he wants to run for another term and is not finding enough support.',
      0,
      noMentions,
    );
    expect(r).toMatchObject({ polarity: 'negated', irrealis: false });
  });

  it('should read a negation inside the wished-for part as a wish', () => {
    const r = readPolarity('Officials urged the council not to close the hospital.', 0, noMentions);
    expect(r).toMatchObject({ polarity: 'negated', irrealis: true });
  });

  it('should read an affirmed clause that ends in the wished-for part as a wish', () => {
    const r = readPolarity('The minister is under pressure to consider new taxes on steel.', 0, noMentions);
    expect(r).toMatchObject({ polarity: 'affirmed', irrealis: true });
  });

  it('should not take a noun that starts like a cue ("plank") for the cue', () => {
    const r = readPolarity(
      'A decision to accept the party plank will open his campaign to attacks from rivals.',
      0,
      noMentions,
    );
    expect(r).toMatchObject({ polarity: 'affirmed', irrealis: false });
  });

  it('should read "the rebels denied" as a denial, not as an adjective', () => {
    expect(readPolarity('The rebels denied that the airport fell.', 0, noMentions)?.polarity).toBe('negated');
    expect(readPolarity('They won the hotly contested seat.', 0, noMentions)?.polarity).toBe('affirmed');
  });
});

describe('places named only by their preposition', () => {
  it('should set a name the annotator did not type as a place against a place taken by the same word', () => {
    const d = found(
      [
        'The fire forced a lockdown at three campuses in the Fairbrook school district on Tuesday, police said.',
        'The fire forced a lockdown at three campuses in the Texas school district on Tuesday, police said.',
      ],
      'place',
    );
    expect(d).toHaveLength(1);
  });

  it('should keep a temporal "while" clause with its sentence and still split a contrast', () => {
    const clauses = (text: string) => splitClauses(text, { text, start: 0, end: text.length }).length;
    expect(
      clauses('He could not sit on the board of the agency while still serving in the state senate.'),
    ).toBe(1);
    expect(
      clauses('The mayor backed the plan for the harbour, while the council voted against it twice.'),
    ).toBe(2);
  });
});

describe('a venue named after its place', () => {
  it('lies inside it (leading whole words only)', async () => {
    const { namedAfter } = await import('./find-place-discrepancies.js');
    expect(namedAfter('Jacksonville Municipal Stadium', 'Jacksonville')).toBe(true);
    expect(namedAfter('Hamilton County Jail', 'Hamilton')).toBe(true);
    expect(namedAfter('Denver', 'Denver International Airport')).toBe(true);
    expect(namedAfter('New York', 'York')).toBe(false);
    expect(namedAfter('Portland', 'Port')).toBe(false);
    expect(namedAfter('Paris', 'Lyon')).toBe(false);
  });
});

describe('an accusation does not affirm the act', () => {
  const ann = { mentions: [] };
  it('reads "accused of", "charged with", "alleged to have" clauses as no statement', () => {
    expect(readPolarity('He is accused of firing the fatal shot', 0, ann)).toBeNull();
    expect(readPolarity('Police accused the man of starting the fire', 0, ann)).toBeNull();
    expect(readPolarity('She was charged with stealing the car', 0, ann)).toBeNull();
    expect(readPolarity('He is alleged to have taken the money', 0, ann)).toBeNull();
  });
  it('still reads the act itself, and its denial', () => {
    expect(readPolarity('He fired the fatal shot', 0, ann)?.polarity).toBe('affirmed');
    expect(readPolarity("He isn't the one who fired the fatal shot", 0, ann)?.polarity).toBe('negated');
  });
});
