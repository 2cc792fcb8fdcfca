import { describe, expect, it } from 'vitest';
import { makeInput } from './__fixtures__/make-input.js';
import { compareStory } from './compare-story.js';

const numbers = (texts: string[]) =>
  compareStory(makeInput(texts)).discrepancies.filter((d) => d.kind === 'number');

describe('which numbers count one thing', () => {
  it('should not set the ages of two people against each other', () => {
    expect(
      numbers([
        'Police said Carl Moss, 61, shot Ben Ruiz, 40, at the office party on Friday.',
        'Police said the gunman shot Ben Ruiz, 40, at the office party on Friday.',
        'Carl Moss, 61, was charged on Saturday with murder.',
      ]),
    ).toEqual([]);
  });

  it('should still set two ages of one person against each other', () => {
    expect(
      numbers([
        'Police said the gunman shot Ben Ruiz, 40, at the office party on Friday.',
        'Police said the gunman shot Ben Ruiz, 45, at the office party on Friday.',
      ]),
    ).toHaveLength(1);
  });

  it("should not set one person's ages at two times against each other", () => {
    expect(
      numbers([
        'Carl Moss, 27, was found hiding in a house near the office hours after the shooting.',
        'On Tuesday a jury found Carl Moss, 29, guilty of murder and weapons charges.',
      ]),
    ).toEqual([]);
  });

  it('should read "N - year - old" as an age of the person named after it', () => {
    expect(
      numbers([
        'The champion knocked down the challenger in the fifth round, and the 40 - year - old visitor never recovered.',
        'The 36 - year - old champion Carl Moss knocked down the challenger in the fifth round, and the 40 - year - old visitor never recovered.',
      ]),
    ).toEqual([]);
  });

  it('should not compare decades, averages written .358 or win-loss records', () => {
    expect(
      numbers([
        'She became famous in the 1950s. He hit .358 that year and the team finished with a 38-44 mark.',
        'She returned to fame in the 1990s. He had hit .300 before, and his career closed on a 162-139 mark.',
      ]),
    ).toEqual([]);
  });

  it('should not set a count against a stretch of the series ("the next 23 games")', () => {
    expect(
      numbers([
        'The club won 40 games last season under the coach.',
        'After a poor start the club won 18 of its next 23 games under the coach.',
      ]),
    ).toEqual([]);
  });

  it('should not set the parts against the whole they sum to', () => {
    expect(
      numbers([
        'Navy commandos seized 12 Somali and 11 Yemeni pirates on the boat, the ministry said.',
        'Navy commandos seized 23 Somali and Yemeni pirates on the boat, the ministry said.',
      ]),
    ).toEqual([]);
  });

  it('should not set counts tied to different things ("seasons as director" / "seasons with the club")', () => {
    expect(
      numbers([
        'The manager spent four seasons as director of scouting before his promotion.',
        'The manager has spent 19 seasons with the club in several jobs.',
      ]),
    ).toEqual([]);
  });

  it('should not set figures belonging to different names against each other', () => {
    expect(
      numbers([
        'The poll puts Romney first (17 percent), followed by Palin (12 percent) and Gingrich (9 percent).',
        'The poll puts Romney first (17 percent), followed by Gingrich (9 percent) and Palin (12 percent).',
      ]),
    ).toEqual([]);
  });

  it('should take an article that reports both values itself for telling two counts apart', () => {
    expect(
      numbers([
        'The club won 40 games last season. In the cup the club won six games before losing the final.',
        'The club won 40 games last season, its best record.',
        'In its league the club won six games in the spring.',
      ]),
    ).toEqual([]);
  });

  it('should not read a label ("Week 11", "Channel 16") as a count', () => {
    expect(
      numbers([
        'The ship sent a distress call on Channel 16 before noon, the navy said.',
        'The ship sent a distress call on Channel 12 before noon, the navy said.',
      ]),
    ).toEqual([]);
  });

  it('should not set the counts of two doers against each other', () => {
    expect(
      numbers([
        'In the series Carl Moss hit 13 homers for the club.',
        'Over the season Ben Ruiz hit 30 homers for the club.',
      ]),
    ).toEqual([]);
  });

  it('should set one count worded alike with different values against each other', () => {
    const found = numbers([
      'The agency received nearly 235,000 comments on the proposal before it was finalised.',
      'Since May the agency has received nearly 300,000 comments, most of them opposed.',
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.variants.map((v) => v.articleIds)).toEqual([['a0'], ['a1']]);
  });

  it('should not tie counts of different kinds of one noun ("receiving yards" / "rushing yards")', () => {
    expect(
      numbers([
        'The receiver finished the season with 440 receiving yards for the team.',
        'The receiver finished the season with 404 rushing yards for the team.',
      ]),
    ).toEqual([]);
    expect(
      numbers([
        'The rookie scored three touchdowns on punt returns this season.',
        'The rookie scored two rushing touchdowns this season.',
      ]),
    ).toEqual([]);
  });

  it('should tie a count to the noun it hangs on ("catches for 440 yards" / "rushed for 404 yards")', () => {
    expect(
      numbers([
        'He had 52 catches for 440 yards in his final season.',
        'He rushed for 404 yards in his final season.',
      ]),
    ).toEqual([]);
  });

  it('should still tie one kind of count worded alike', () => {
    const found = numbers([
      'The receiver finished the season with 440 receiving yards for the team.',
      'The receiver finished the season with 640 receiving yards for the team.',
    ]);
    expect(found).toHaveLength(1);
  });
});
