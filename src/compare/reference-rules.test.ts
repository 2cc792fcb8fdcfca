import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { readPolarity } from './read-polarity.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

describe('a modal perfect', () => {
  it('should read a counterfactual judgment as asserting nothing, affirmed or negated', () => {
    const read = (text: string) => readPolarity(text, 0, { mentions: [] })!;
    expect(read('He admitted he used money that shouldn’t have been used.').irrealis).toBe(true);
    expect(read('The funds should have been spent on the new school.').irrealis).toBe(true);
    expect(read('The bill would not have passed without the votes of the opposition.').irrealis).toBe(true);
    // Not a modal perfect: an obligation ("would have to") and a plain past stay assertions.
    expect(read('He would not have to pay the fine.').irrealis).toBe(false);
    expect(read('The mayor has not used the funds.').irrealis).toBe(false);
  });

  it('should not set two judgments of the same spending against each other', () => {
    expect(
      found(
        [
          'The mayor has used public funds that should have been spent on the new school building.',
          'The mayor has used public funds that should not have been spent on the new school building.',
        ],
        'polarity',
      ),
    ).toHaveLength(0);
    expect(
      found(
        [
          'The mayor has used public funds from the city budget for the new school building.',
          'The mayor has not used public funds from the city budget for the new school building.',
        ],
        'polarity',
      ),
    ).toHaveLength(1);
  });
});

describe('a verb with a reflexive object', () => {
  it('should not be set against the same verb without one', () => {
    expect(
      found(
        [
          'The young man in the video, who identifies himself as a student, approaches the congressman.',
          'The young man is not identified in the video that shows him approaching the congressman.',
        ],
        'polarity',
      ),
    ).toHaveLength(0);
    expect(
      found(
        [
          'The young man is identified in the video that shows him approaching the congressman.',
          'The young man is not identified in the video that shows him approaching the congressman.',
        ],
        'polarity',
      ),
    ).toHaveLength(1);
  });
});

describe('a title in a reference to something of the person’s', () => {
  it('should not be read as the title the person holds now', () => {
    const late =
      'The late Sen. John Harlow asked in a letter that his interim successor not run for the seat.';
    expect(
      found([late, 'Rep. Ann Mills won the 2010 race for the open seat of Sen. John Harlow.'], 'role'),
    ).toHaveLength(0);
    expect(
      found([late, 'Rep. Ann Mills won the 2010 race after Sen. John Harlow’s seat opened.'], 'role'),
    ).toHaveLength(0);
    expect(
      found(
        [late, 'Sen. John Harlow asked in a letter that his interim successor not run for the seat.'],
        'role',
      ),
    ).toHaveLength(1);
  });
});
