import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

describe('number subjects', () => {
  it('should not set a count of people killed against a count of people injured', () => {
    expect(
      found(
        [
          'A gas explosion at the depot left 12 people dead on Friday, the fire service said.',
          'The gas explosion at the depot on Friday left 30 people injured, the fire service said.',
        ],
        'number',
      ),
    ).toEqual([]);
  });

  it('should still set two counts of people killed against each other', () => {
    expect(
      found(
        [
          'A gas explosion at the depot killed 12 people on Friday, the fire service said.',
          'A gas explosion at the depot killed 30 people on Friday, the fire service said.',
        ],
        'number',
      ),
    ).toHaveLength(1);
  });

  it('should read a tally such as 396-9 as fitting itself', () => {
    expect(
      found(
        [
          'The chamber passed the measure 396-9 on Thursday after a short debate.',
          'The chamber passed the measure 396-9 on Thursday after a short debate.',
        ],
        'number',
      ),
    ).toEqual([]);
  });
});

describe('place and role', () => {
  it('should flag one birthplace against another even when the clause names a third place', () => {
    expect(
      found(
        [
          'Her cousin in Portugal said the singer was born in Lisbon and raised by her aunt.',
          'Her cousin in Portugal said the singer was born in Madrid and raised by her aunt.',
        ],
        'place',
      ),
    ).toHaveLength(1);
  });

  it('should flag a former title where the title was read with the name', () => {
    const d = found(
      [
        'Supporters such as former Ohio Gov. Daniel Ferris visited the plant on Monday.',
        'Supporters such as Ohio Gov. Daniel Ferris visited the plant on Monday.',
      ],
      'role',
    );
    expect(d).toHaveLength(1);
  });
});
