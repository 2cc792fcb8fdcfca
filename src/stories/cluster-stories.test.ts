import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { clusterStories, DEFAULT_CLUSTER_OPTIONS, StoryClusterer } from './cluster-stories.js';
import { nameWords, storyFeatures } from './story-features.js';

const doc = (id: string, title: string, text: string, published: string | null = null) =>
  storyFeatures({ id, title, text, published });

const quake = (id: string, extra: string, published: string | null = null) =>
  doc(
    id,
    'Strong earthquake strikes northern Chile',
    `A magnitude 7.1 earthquake struck northern Chile near Iquique on Monday, ${extra}. Residents of Iquique fled to higher ground as a tsunami warning was issued for the Chilean coast.`,
    published,
  );
const rates = (id: string, extra: string, published: string | null = null) =>
  doc(
    id,
    'Central bank holds interest rates',
    `The Federal Reserve left interest rates unchanged on Wednesday, ${extra}. Fed chair Powell said inflation was easing but the labour market remained tight.`,
    published,
  );

describe('storyFeatures', () => {
  it('should take capitalised words inside sentences as names, not sentence openers', () => {
    expect([...nameWords('The quake hit Iquique. Residents of Chile fled.')].sort()).toEqual([
      'chile',
      'iquique',
    ]);
  });
});

describe('clusterStories', () => {
  const docs = [
    quake('q1', 'officials said'),
    rates('r1', 'as markets expected'),
    quake('q2', 'the national emergency office reported'),
    rates('r2', 'economists noted'),
    quake('q3', 'according to the geological survey'),
  ];

  it('should group articles about the same event and keep other events apart', () => {
    expect(clusterStories(docs)).toEqual([
      ['q1', 'q2', 'q3'],
      ['r1', 'r2'],
    ]);
  });

  it('should give the same result whatever the input order', () => {
    const reversed = [...docs].reverse();
    expect(clusterStories(reversed)).toEqual(clusterStories(docs));
  });

  it('should keep the same wording apart when it is years away', () => {
    const groups = clusterStories([
      quake('a', 'officials said', '2014-04-01'),
      quake('b', 'officials said', '2014-04-02'),
      quake('c', 'officials said', '2016-09-01'),
    ]);
    expect(groups).toEqual([['a', 'b'], ['c']]);
  });

  it('should split a story whose articles fall in two groups with different years and counts', () => {
    const trial = (id: string, year: string, count: string) =>
      doc(
        id,
        'Jury convicts gunman in factory shooting',
        `A jury on Tuesday convicted the gunman who killed ${count} workers at the factory in ${year}. The judge set sentencing for next month after a trial that lasted ${count} weeks, and relatives of the victims embraced outside the courthouse.`,
      );
    const twoEvents = [
      trial('a1', '2004', '3'),
      trial('a2', '2004', '3'),
      trial('a3', '2004', '3'),
      trial('b1', '2011', '5'),
      trial('b2', '2011', '5'),
      trial('b3', '2011', '5'),
    ];
    expect(clusterStories(twoEvents, { ...DEFAULT_CLUSTER_OPTIONS, anchorSplitThreshold: 0 })).toEqual([
      ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'],
    ]);
    expect(clusterStories(twoEvents)).toEqual([
      ['a1', 'a2', 'a3'],
      ['b1', 'b2', 'b3'],
    ]);
  });

  it('should assign articles online one at a time', () => {
    const clusterer = new StoryClusterer();
    const stories = docs.map((d) => clusterer.add(d));
    expect(stories[0]).toBe(stories[2]);
    expect(stories[1]).toBe(stories[3]);
    expect(stories[0]).not.toBe(stories[1]);
  });
});

const data = sharedData();
describe.skipIf(!data && !requireSharedData)('clusterStories on the Kursk seeds', () => {
  it('should make one story of the five reports', async () => {
    const { articles } = await readArticles([join(data ?? '', 'seeds', 'kursk')]);
    const groups = clusterStories(articles.map((a) => storyFeatures(a)));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(5);
  });
});
