import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { buildReport } from '../report/build-report.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { buildStories } from './build-stories.js';
import { pickStoryTitle } from './pick-story-title.js';

const data = sharedData();

describe('pickStoryTitle', () => {
  it('should pick the title sharing most words with the others', () => {
    const a = (id: string, title: string) => ({ id, title, text: '', published: null });
    expect(
      pickStoryTitle([
        a('1', 'Tsunami warning issued'),
        a('2', 'Quake hits Chile'),
        a('3', 'Chile quake: tsunami warning issued'),
      ]),
    ).toBe('Chile quake: tsunami warning issued');
  });
});

describe.skipIf(!data && !requireSharedData)('buildStories on the Kursk seeds', () => {
  it('should make one story of five with the report contract fields', async () => {
    const { articles } = await readArticles([join(data ?? '', 'seeds', 'kursk')]);
    const copy = { ...articles[0]!, id: 'copy-of-0', contentHash: 'x', published: null };
    const stories = buildStories([...articles, copy]);
    expect(stories).toHaveLength(1);
    const [story] = stories;
    expect(story?.articleIds).toHaveLength(6);
    expect(story?.id).toMatch(/^story-[0-9a-f]{8}$/);
    expect(story?.title).toMatch(/Kursk/);
    expect(story?.derivations.filter((d) => d.kind !== 'shared-source')).toEqual([
      expect.objectContaining({ kind: 'duplicate', similarity: 1 }),
    ]);
    expect(story?.independentGroups).toHaveLength(5);
    expect(story).toMatchObject({ facts: [], discrepancies: [], claims: [], brief: [] });
    const report = buildReport(articles, [], new Date(0));
    expect(report.stories).toHaveLength(1);
  });

  it('should reject annotations that do not match the articles', () => {
    expect(() => buildStories([], [null])).toThrow(TypeError);
  });
});
