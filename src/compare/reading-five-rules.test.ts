import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';
import { readRole } from './find-role-discrepancies.js';
import { relativeClauseSpan, timeLimited } from './find-polarity-discrepancies.js';

const found = (texts: string[], kind: string) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === kind);

describe('role: a rank word that is the title itself', () => {
  it('should read a rank noun last in a role as the title ("Sheriff\'s Deputy"), first as a modifier', () => {
    expect(readRole("County Sheriff's Deputy").modifiers).toEqual([]);
    expect(readRole('Deputy Prime Minister').modifiers).toEqual(['deputy']);
  });

  it('should not set a deputy named by title against the same person named without one', () => {
    expect(
      found(
        [
          "Two men were arrested for the murder of County Sheriff's Deputy Juan Alba Ruiz outside his home.",
          'Two men were charged on Friday with killing Juan Alba Ruiz last summer, police said.',
        ],
        'role',
      ),
    ).toEqual([]);
  });

  it('should set "Vice President" against "former Vice President"', () => {
    expect(
      found(
        [
          'The candidate won backing from former Vice President Carl Moss on Monday.',
          'The candidate won backing from Vice President Carl Moss on Monday.',
        ],
        'role',
      ),
    ).toHaveLength(1);
  });
});

describe('polarity: limited negations', () => {
  it('should read a negation limited to a stated time', () => {
    expect(timeLimited('they declined to make an offer during that time', 5)).toBe(true);
    expect(timeLimited('she has not yet signed the deal', 8)).toBe(true);
    expect(timeLimited('they declined to make an offer for the player', 5)).toBe(false);
  });

  it('should not set a negation limited in time against a later affirmation', () => {
    expect(
      found(
        [
          'The club has made an eight-year offer to the free agent, the manager said on Friday.',
          'The club declined to make an offer to the free agent during that time, the manager said on Friday.',
        ],
        'polarity',
      ),
    ).toEqual([]);
  });

  it('should find the comma-set relative clause a negation sits in', () => {
    const text = 'Ms. Lane, who was not at the church that night, stopped by on Saturday.';
    const span = relativeClauseSpan(text, text.indexOf('not'));
    expect(span && text.slice(span[0], span[1]).trim()).toBe('who was not at the church that night');
    expect(relativeClauseSpan('Ms. Lane was not at the church.', 13)).toBeNull();
  });

  it("should not match a negated relative clause through its main clause's words", () => {
    expect(
      found(
        [
          'The governor stopped by the burned chapel on Saturday morning to speak to the pastor.',
          'The governor, who was not among the worshippers, stopped by the burned chapel on Saturday morning.',
        ],
        'polarity',
      ),
    ).toEqual([]);
  });
});

describe('polarity: a negated relative clause needs what it describes', () => {
  it('should not set "a cable, which has not been made public" against emails made public', () => {
    expect(
      found(
        [
          'The committee said the emails were made public on Wednesday after months of requests.',
          'The committee cited a classified cable, which has not been made public, that warned of threats.',
        ],
        'polarity',
      ),
    ).toEqual([]);
  });
});

describe('place: a place inside another', () => {
  it('should not set a town against the county the story itself puts it in', () => {
    expect(
      found(
        [
          'A fire destroyed a supermarket in Surrey on Tuesday night, police said.',
          'A fire destroyed a supermarket in Banstead, Surrey on Tuesday night, police said.',
        ],
        'place',
      ),
    ).toEqual([]);
  });

  it('should still set two different towns against each other', () => {
    expect(
      found(
        [
          'A fire destroyed a supermarket in Lyon on Tuesday night, police said.',
          'A fire destroyed a supermarket in Marseille on Tuesday night, police said.',
        ],
        'place',
      ),
    ).toHaveLength(1);
  });
});

describe('role: a modifier with no title after it', () => {
  it('gives no role to compare ("the former Southern Plains star")', () => {
    expect(readRole('former').base.size).toBe(0);
    expect(
      found(
        [
          'The former Southern Plains star finished his third season with the club on Sunday.',
          'The third-year star from Southern Plains finished his third season with the club on Sunday.',
        ],
        'role',
      ),
    ).toEqual([]);
  });
  it('still sets "former Mayor X" against "Mayor X"', () => {
    expect(
      found(
        [
          'Former Mayor John Carter opened the new bridge on Sunday morning.',
          'Mayor John Carter opened the new bridge on Sunday morning.',
        ],
        'role',
      ),
    ).toHaveLength(1);
  });
});
