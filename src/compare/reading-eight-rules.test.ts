import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

describe('number: a poll’s margin of error is not a count', () => {
  it('should not set two polls’ margins of error against each other', () => {
    expect(
      found(
        [
          'The senator leads the race among likely voters in the state poll. The margin of error is plus or minus 4 percentage points.',
          'The senator leads the race among likely voters in the state poll. The margin of sampling error is plus or minus six percentage points.',
        ],
        'number',
      ),
    ).toEqual([]);
  });

  it('should still set two different shares of one poll against each other', () => {
    expect(
      found(
        [
          'The senator leads the race with 45 percent of likely voters in the state poll released Monday.',
          'The senator leads the race with 52 percent of likely voters in the state poll released Monday.',
        ],
        'number',
      ),
    ).toHaveLength(1);
  });
});

describe('date: two sentences must share more than their dates', () => {
  it('should not date one event from sentences that share only their date words', () => {
    expect(found(['Last week, it went further.', 'In the last 6 weeks it has gone wrong.'], 'date')).toEqual(
      [],
    );
  });

  it('should still find one act dated differently', () => {
    expect(
      found(
        [
          'Voters in 2009 approved a $3 million bond to buy the properties, the mayor said.',
          'Palmer voters in 2010 approved a $3 million bond to pay for purchase of the properties.',
        ],
        'date',
      ),
    ).toHaveLength(1);
  });
});

describe('number: counts in sentences about different places', () => {
  it('should not set a toll in one town against a toll in another', () => {
    expect(
      found(
        [
          'Officials said 14 people were killed in Springfield, Ill., on Wednesday.',
          'The rally came a month after a shooting in Boulder, Colo., that killed three people.',
        ],
        'number',
      ),
    ).toEqual([]);
  });

  it('should still set two tolls in one town against each other', () => {
    expect(
      found(
        [
          'Officials said 14 people were killed in Springfield, Ill., on Wednesday.',
          'Officials said nine people were killed in Springfield on Wednesday.',
        ],
        'number',
      ),
    ).toHaveLength(1);
  });
});
