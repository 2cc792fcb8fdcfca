import { describe, expect, it } from 'vitest';
import type { Story } from '../../src/model/story.js';
import { chooseStories, parseArgs, readFileName, splitByDate } from './print-polnear-stories.js';

const story = (ids: string[]): Story =>
  ({ articleIds: ids, independentGroups: ids.map((id) => [id]) }) as unknown as Story;

describe('the PolNeAR held-out set', () => {
  it('reads outlet and date from a PolNeAR file name and refuses other names', () => {
    expect(readFileName('wash-post_2016-07-13_after-review-clintons-e.txt')).toEqual({
      outlet: 'wash-post',
      date: '2016-07-13',
    });
    expect(readFileName('notes.txt')).toBeNull();
  });

  it('cuts a story where two consecutive articles are more than the gap apart', () => {
    const dates = new Map([
      ['a', '2016-01-01'],
      ['b', '2016-01-03'],
      ['c', '2016-01-09'],
      ['d', '2016-01-10'],
    ]);
    expect(splitByDate(['d', 'a', 'c', 'b'], dates, 2)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps runs with two outlets and few articles, in an order fixed by the seed', () => {
    const dates = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, '2016-01-01']));
    const outlets = new Map([
      ['a', 'nyt'],
      ['b', 'nyt'],
      ['c', 'nyt'],
      ['d', 'politico'],
      ['e', 'breitbart'],
      ['f', 'usa-today'],
    ]);
    const stories = [story(['a', 'b']), story(['c', 'd']), story(['e', 'f'])];
    const options = { stories: 10, seed: 1, maxArticles: 8 };
    const chosen = chooseStories(stories, outlets, dates, options);
    expect(chosen.map((c) => c.articleIds).sort()).toEqual([
      ['c', 'd'],
      ['e', 'f'],
    ]);
    expect(chooseStories(stories, outlets, dates, options)).toEqual(chosen);
    expect(chooseStories(stories, outlets, dates, { ...options, maxArticles: 1 })).toEqual([]);
  });

  it('rejects an unknown option with the usage', () => {
    expect(() => parseArgs(['--stories'])).toThrow(/--stories N/);
    expect(parseArgs(['--stories', '5', '--list']).stories).toBe(5);
    expect(parseArgs(['--split', 'dev', '--from', '21'])).toMatchObject({ split: 'dev', from: 21 });
    expect(() => parseArgs(['--split', 'test'])).toThrow(/--split train\|dev/);
    expect(() => parseArgs(['--from', '0'])).toThrow(/--from K/);
    expect(parseArgs(['--exclude', '20@8']).exclude).toEqual({ count: 20, maxArticles: 8 });
    expect(() => parseArgs(['--exclude', '20'])).toThrow(/--exclude N@M/);
  });
});
