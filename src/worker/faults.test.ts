/**
 * Faults during queued ingestion on PostgreSQL, with real worker processes
 * (`corroborate worker` run through tsx): a worker killed with SIGKILL mid-run, then
 * another started; the worker's database connections terminated mid-run with
 * pg_terminate_backend (the server itself stays up: others use it). Afterwards every
 * article is stored exactly once and is in exactly one story.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { makeWorkerUtils } from 'graphile-worker';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadRealArticles } from '../../bench/suites/ingest.js';
import type { Article } from '../model/article.js';
import { openStore } from '../store/open-store.js';
import { createTestDatabase, PG_REQUIRED_MESSAGE, probePostgres } from '../store/postgres/test-database.js';
import { enqueueIngest } from './ingest-queue.js';

const ARTICLES = 90;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));

const unreachable = await probePostgres();
if (unreachable && process.env.CI === 'true') {
  throw new Error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(Boolean(unreachable))('worker faults (PostgreSQL, worker processes)', () => {
  let database: { url: string; drop: () => Promise<void> } | null = null;
  let articles: Article[] = [];
  const children: ChildProcess[] = [];
  const stderr: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    articles = await loadRealArticles(ARTICLES);
  }, 60_000);
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
  });
  afterAll(async () => {
    await database?.drop();
  });

  const startWorker = (url: string): ChildProcess => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, 'worker', '--db', url, '--concurrency', '2'],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    children.push(child);
    return child;
  };

  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const count = async (schema: string, sql: string): Promise<number> => {
    const rows = await query<{ n: string }>(sql.replaceAll('$schema', schema)).catch(() => [{ n: '0' }]);
    return Number(rows[0]?.n ?? 0);
  };
  const storedCount = (schema: string): Promise<number> =>
    count(schema, 'select count(*) as n from $schema.articles');
  const jobsLeft = (): Promise<number> =>
    count('', 'select count(*) as n from graphile_worker._private_jobs');

  const waitFor = async (what: string, test: () => Promise<boolean>, ms: number): Promise<void> => {
    const until = Date.now() + ms;
    while (!(await test())) {
      if (Date.now() > until) {
        const jobs = await query(
          'select id, attempts, locked_by, locked_at, run_at, last_error from graphile_worker._private_jobs',
        ).catch((error: Error) => error.message);
        throw new Error(
          `timed out waiting for ${what}; jobs: ${JSON.stringify(jobs)}; worker stderr:\n${stderr.join('')}`,
        );
      }
      await sleep(200);
    }
  };

  /** Everything queued is stored once (one row per content) and in exactly one story. */
  const expectWhole = async (url: string): Promise<void> => {
    const store = await openStore(url);
    try {
      const { items } = await store.listArticles({ limit: 1000 });
      const contents = new Set(articles.map((a) => a.contentHash));
      expect(items).toHaveLength(contents.size);
      expect(new Set(items.map((a) => a.article.contentHash))).toEqual(contents);
      expect(items.every((a) => a.storyId !== null)).toBe(true);
      const stories = await store.listStories({ limit: 1000 });
      const members: string[] = [];
      for (const story of stories.items) members.push(...(await store.getStory(story.id))!.articleIds);
      expect(members.sort()).toEqual(items.map((a) => a.article.id).sort());
    } finally {
      await store.close();
    }
  };

  it('should lose and double nothing when a worker is killed with SIGKILL and another started', async () => {
    const schema = 'killed';
    const url = `${database!.url}?schema=${schema}`;
    const store = await openStore(url);
    await store.close();
    expect(await enqueueIngest(url, articles, { batchSize: 3 })).toBe(ARTICLES / 3);

    const first = startWorker(url);
    await waitFor(
      'the first worker to store some articles',
      async () => (await storedCount(schema)) >= 15,
      120_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const stored = await storedCount(schema);
    expect(stored).toBeLessThan(ARTICLES);

    // graphile-worker 0.17 has no heartbeat: jobs a killed worker held stay locked until
    // they expire (4 hours). Recovery is its documented forceUnlockWorkers for the dead
    // worker's ids, done here the way a supervisor would after the crash.
    const locked = await query<{ locked_by: string }>(
      'select distinct locked_by from graphile_worker._private_jobs where locked_by is not null',
    );
    const utils = await makeWorkerUtils({ connectionString: database!.url });
    try {
      await utils.forceUnlockWorkers(locked.map((r) => r.locked_by));
    } finally {
      await utils.release();
    }

    startWorker(url);
    await waitFor('the queue to empty', async () => (await jobsLeft()) === 0, 150_000);
    await expectWhole(url);
  }, 300_000);

  // The worker's notification listener reconnects, and the worker then releases the jobs
  // its own ids still lock (their completion could not be written; graphile-worker 0.17
  // would otherwise hold them 4 hours): see releaseOwnLocksOnReconnect.
  it('should reconnect and finish when its database connections are terminated mid-run', async () => {
    const schema = 'terminated';
    const url = `${database!.url}?schema=${schema}`;
    const store = await openStore(url);
    await store.close();
    expect(await enqueueIngest(url, articles, { batchSize: 3 })).toBe(ARTICLES / 3);

    const worker = startWorker(url);
    await waitFor(
      'the worker to store some articles',
      async () => (await storedCount(schema)) >= 15,
      120_000,
    );
    const name = new URL(database!.url).pathname.slice(1);
    const killed = await query<{ ok: boolean }>(
      'select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    expect(killed.length).toBeGreaterThan(0);
    expect(await storedCount(schema)).toBeLessThan(ARTICLES);

    await waitFor('the queue to empty', async () => (await jobsLeft()) === 0, 150_000);
    expect(worker.exitCode).toBeNull();
    await expectWhole(url);
  }, 300_000);
});
