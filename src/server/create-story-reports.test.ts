import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annotateArticles } from '../annotate/annotate-articles.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { makeRecord } from '../store/test-records.js';
import { createStoryReports } from './create-story-reports.js';

let store: Store;
const texts = [
  'The council closed the harbour bridge to lorries on Tuesday after engineers found cracks in two piers.',
  'The council closed the harbour bridge to lorries on Tuesday after engineers found cracks in three piers.',
];

beforeAll(async () => {
  store = await openStore(':memory:');
  const records = texts.map((text, n) => makeRecord(n, { text, outlet: `Outlet ${n}` }));
  await store.putArticles(
    annotateArticles(records.map((r) => r.article)).map((a, i) => ({
      article: records[i]!.article,
      annotations: a.annotations,
    })),
  );
  await store.withStoryLock(async (writer) => {
    await writer.putStory({ id: 'story-bridge', title: 'Bridge' });
    await writer.assignArticle('story-bridge', 'article-0');
  });
});
afterAll(() => store.close());

const articleIds = (json: Buffer): string[] =>
  (JSON.parse(json.toString('utf8')) as { articles: { id: string }[] }).articles.map((a) => a.id);

describe('createStoryReports', () => {
  it('should answer null for an unknown story', async () => {
    expect(await createStoryReports(store).report('story-none')).toBeNull();
  });

  it('should serve the cached report until the story changes, then a new one', async () => {
    const reports = createStoryReports(store);
    const first = await reports.report('story-bridge');
    expect(articleIds(first!.json)).toEqual(['article-0']);
    expect(await reports.report('story-bridge')).toBe(first);
    await store.withStoryLock((writer) => writer.assignArticle('story-bridge', 'article-1'));
    const second = await reports.report('story-bridge');
    expect(second).not.toBe(first);
    expect(articleIds(second!.json)).toEqual(['article-0', 'article-1']);
  });

  it('should trust a recently seen version for freshnessMs, and ask the store again after invalidate()', async () => {
    const records = [makeRecord(7, { text: texts[0]!.replace('Tuesday', 'Friday') })];
    await store.putArticles(
      annotateArticles(records.map((r) => r.article)).map((a, i) => ({
        article: records[i]!.article,
        annotations: a.annotations,
      })),
    );
    const reports = createStoryReports(store, { freshnessMs: 60_000 });
    const before = await reports.report('story-bridge');
    await store.withStoryLock((writer) => writer.assignArticle('story-bridge', 'article-7'));
    expect(await reports.report('story-bridge')).toBe(before);
    reports.invalidate();
    expect(articleIds((await reports.report('story-bridge'))!.json)).toContain('article-7');
  });

  it('should count the discrepancies of the report and share one computation between concurrent callers', async () => {
    const reports = createStoryReports(store);
    const [a, b] = await Promise.all([reports.report('story-bridge'), reports.report('story-bridge')]);
    expect(a).toBe(b);
    const parsed = JSON.parse(a!.json.toString('utf8')) as { stories: { discrepancies: unknown[] }[] };
    expect(a!.discrepancyCount).toBe(parsed.stories.reduce((n, s) => n + s.discrepancies.length, 0));
    const summary = (await store.listStories()).items.find((s) => s.id === 'story-bridge')!;
    expect(await reports.counts(summary)).toEqual({
      discrepancyCount: a!.discrepancyCount,
      disputeCount: a!.disputeCount,
    });
  });
});
