import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { readPolarity } from './read-polarity.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);
const polarityOf = (text: string) => readPolarity(text, 0, { mentions: [] })?.polarity ?? null;

describe('reading polarity in real news wording', () => {
  it('should read a contracted negation as a negation', () => {
    expect(polarityOf('He couldn’t have served on the board and in the House.')).toBe('negated');
    expect(polarityOf("He couldn't have served on the board and in the House.")).toBe('negated');
  });

  it('should read bounds and idioms that only look negative as affirmed', () => {
    expect(polarityOf('He could be imprisoned not more than one year for the offence.')).toBe('affirmed');
    expect(polarityOf('"I can\'t help but think that those remarks are well over the line."')).toBe(
      'affirmed',
    );
  });

  it('should leave out a negated constituent but keep a negated predicate noun', () => {
    expect(
      polarityOf('Most killings are committed with handguns and not the rifles they target.'),
    ).toBeNull();
    expect(polarityOf('The teaching is not a free pass to cut the budget.')).toBe('negated');
  });

  it('should leave out a call to the reader', () => {
    expect(polarityOf('See the magazine cover below, and tell us what you think.')).toBeNull();
  });
});

describe('polarity discrepancies need the same statement', () => {
  it('should not set a negated clause against one that shares only its topic', () => {
    expect(
      found(
        [
          'Officials said the offer of a post on the board was made in March to the senator.',
          'Officials did not disclose the details of the offer of a post on the board to the senator.',
        ],
        'polarity',
      ),
    ).toEqual([]);
  });

  it('should not set a speaker’s quoted words against an article’s own account', () => {
    expect(
      found(
        [
          'The governor has shown the birth certificate of the child to the county officials.',
          '"The governor has not shown the birth certificate of the child to the county officials," the rival said.',
        ],
        'polarity',
      ),
    ).toEqual([]);
  });
});

describe('dates, numbers and roles on real wording', () => {
  it('should not set a quoted courtesy title against the article’s own former title', () => {
    expect(
      found(
        [
          'As a former president, Clinton could not guarantee the congressman a post.',
          '"I told President Clinton that my only concern was the voters," the congressman said.',
        ],
        'role',
      ),
    ).toEqual([]);
  });

  it('should not set an article that gives both dates of a fact against one that gives one', () => {
    const input = makeInput([
      'The senator released a statement late Tuesday saying that as he said yesterday the remarks were wrong.',
      'The senator said in a statement that as he said yesterday the remarks were wrong.',
    ]);
    expect(compareStory(input).discrepancies.filter((d) => d.kind === 'date')).toEqual([]);
  });

  it('should not set pages of emails against pages of documents', () => {
    expect(
      found(
        [
          'Officials released 100 pages of emails about the attack on Wednesday, the committee said.',
          'After 11 hearings, 25,000 pages of documents about the attack were released, the committee said.',
        ],
        'number',
      ),
    ).toEqual([]);
  });
});
