import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';

const kinds = (texts: string[]) => compareStory(makeInput(texts)).discrepancies;

describe('discrepancy rules', () => {
  it('should flag a former title against the plain title of one person', () => {
    const found = kinds([
      'Former Mayor Anna Berger opened the new bridge on Tuesday. The bridge cost the city a great deal.',
      'Mayor Anna Berger opened the new bridge on Tuesday. Traffic was light in the morning.',
    ]).filter((d) => d.kind === 'role');
    expect(found).toHaveLength(1);
    expect(found[0]!.variants.map((v) => v.articleIds)).toEqual([['a0'], ['a1']]);
  });

  it('should not flag two plain titles worded differently', () => {
    const found = kinds([
      'Mayor Anna Berger opened the new bridge on Tuesday.',
      'City Mayor Anna Berger opened the new bridge on Tuesday.',
    ]).filter((d) => d.kind === 'role');
    expect(found).toEqual([]);
  });

  it('should flag a count that does not fit the other report', () => {
    const found = kinds([
      'Floods in the valley killed 40 people and destroyed hundreds of homes, officials said.',
      'Floods in the valley killed 75 people and destroyed hundreds of homes, officials said.',
    ]).filter((d) => d.kind === 'number');
    expect(found).toHaveLength(1);
  });

  it('should not flag counts that fit their qualifiers', () => {
    const found = kinds([
      'Floods in the valley killed more than 40 people and destroyed hundreds of homes, officials said.',
      'Floods in the valley killed 43 people and destroyed hundreds of homes, officials said.',
    ]).filter((d) => d.kind === 'number');
    expect(found).toEqual([]);
  });

  it('should flag a proposition one report affirms and another rejects', () => {
    const found = kinds([
      'The finance minister is considering new taxes on imported steel as part of the budget talks.',
      'The finance minister rejects any new taxes on imported steel in the budget talks.',
    ]).filter((d) => d.kind === 'polarity');
    expect(found).toHaveLength(1);
    expect(found[0]!.variants.find((v) => v.value === 'negated')!.articleIds).toEqual(['a1']);
  });

  it('should not flag a dispute that each report carries in full', () => {
    const found = kinds([
      'The army said it had captured the airport. The rebels denied that the airport had been captured.',
      'The army claimed it captured the airport. Rebel leaders denied the airport was captured.',
    ]).filter((d) => d.kind === 'polarity');
    expect(found).toEqual([]);
  });

  it('should report two header dates of one article as a date discrepancy', () => {
    const input = makeInput(
      ['The council met on Monday to approve the plan for the harbour.'],
      [
        {
          dates: [
            { value: '2024-03-01', raw: 'March 1, 2024', where: 'header' },
            { value: '2024-05-02', raw: 'May 2, 2024', where: 'header' },
          ],
          messages: [
            {
              reason: 'two dates',
              source: 'clean',
              ruleId: 'clean:conflicting-dates',
              place: 'a0',
              fatal: false,
            },
          ],
        },
      ],
    );
    const found = compareStory(input).discrepancies.filter((d) => d.kind === 'date');
    expect(found).toHaveLength(1);
    expect(found[0]!.variants.map((v) => v.value)).toEqual(['2024-03-01', '2024-05-02']);
  });

  it('should find no discrepancy between two identical reports', () => {
    const text =
      'Former Mayor Anna Berger said on Tuesday that floods killed 40 people. The council rejected any new taxes.';
    expect(kinds([text, text])).toEqual([]);
  });
});
