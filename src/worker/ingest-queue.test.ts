import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestCommand } from '../cli/commands/ingest.js';
import { openStore } from '../store/open-store.js';
import { createTestDatabase, PG_REQUIRED_MESSAGE, probePostgres } from '../store/postgres/test-database.js';
import { makeRecord } from '../store/test-records.js';
import { drainIngestQueue, enqueueIngest } from './ingest-queue.js';
import { parseIngestPayload } from './ingest-job.js';

const unreachable = await probePostgres();
if (unreachable && process.env.CI === 'true') {
  throw new Error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
}

let database: { url: string; drop: () => Promise<void> } | null = null;
beforeAll(async () => {
  if (!unreachable) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('ingestion job payloads', () => {
  it('should refuse a payload without articles, naming the field', () => {
    expect(() => parseIngestPayload({ articles: [{ id: 'a' }] })).toThrow(/articles\.0\.text/);
    expect(() => parseIngestPayload(null)).toThrow(TypeError);
  });
});

describe.skipIf(Boolean(unreachable))('graphile-worker ingestion (PostgreSQL)', () => {
  it('should store every article exactly once when 3 workers drain overlapping jobs', async () => {
    const url = `${database!.url}?schema=queue_test`;
    const articles = Array.from({ length: 40 }, (_, i) => makeRecord(i).article);
    // The same articles twice, in other batches: duplicates reach different workers at once.
    expect(await enqueueIngest(url, articles, { batchSize: 5 })).toBe(8);
    expect(await enqueueIngest(url, [...articles].reverse(), { batchSize: 4 })).toBe(10);
    await Promise.all([1, 2, 3].map(() => drainIngestQueue({ url, concurrency: 2 })));

    const store = await openStore(url);
    try {
      const { items } = await store.listArticles({ limit: 1000 });
      expect(items).toHaveLength(40);
      expect(new Set(items.map((a) => a.article.id)).size).toBe(40);
      expect(items.every((a) => a.storyId !== null && a.annotations.sentences.length > 0)).toBe(true);
      const stories = await store.listStories({ limit: 1000 });
      expect(stories.items.reduce((sum, s) => sum + s.articleCount, 0)).toBe(40);
    } finally {
      await store.close();
    }
  });

  it('should queue from the ingest command and let a worker process the jobs', async () => {
    const url = `${database!.url}?schema=cli_queue`;
    const examples = fileURLToPath(new URL('../../examples', import.meta.url));
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(((_c: string, cb?: () => void) => {
      cb?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      await new Command('corroborate')
        .addCommand(ingestCommand())
        .parseAsync([
          'node',
          'corroborate',
          'ingest',
          examples,
          '--db',
          url,
          '--queue',
          '--batch',
          '2',
          '-q',
          '--no-progress',
        ]);
    } finally {
      out.mockRestore();
      process.exitCode = undefined;
    }
    const store = await openStore(url);
    try {
      expect((await store.listArticles()).items).toHaveLength(0);
      await drainIngestQueue({ url, concurrency: 2 });
      expect((await store.listArticles()).items.length).toBeGreaterThan(3);
      expect(await store.listUnassignedArticleIds()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('should refuse to queue into SQLite with a TypeError that names the fix', async () => {
    await expect(enqueueIngest('./x.db', [])).rejects.toThrow(/postgres:\/\//);
  });
});
