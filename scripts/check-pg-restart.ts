/**
 * `npx tsx scripts/check-pg-restart.ts [--articles 120] [--workers 2]`: PostgreSQL is
 * restarted in the middle of a queued ingest and the workers must reconnect and finish.
 * Passes when the queue empties, every worker process is still running, and every
 * content is stored exactly once and in exactly one story.
 *
 * It restarts the whole server (`pg_ctlcluster … restart`), so it must not run while
 * other tests use PostgreSQL: .ci/run runs it after `npm test`. Needs permission to run
 * pg_ctlcluster (root in CI).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadRealArticles } from '../bench/suites/ingest.js';
import { openStore } from '../src/store/open-store.js';
import {
  createTestDatabase,
  PG_REQUIRED_MESSAGE,
  probePostgres,
} from '../src/store/postgres/test-database.js';
import { enqueueIngest } from '../src/worker/ingest-queue.js';
import { stopChildren } from './start-together.js';
import { option } from './suite-args.js';

const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A count, or null while the server cannot answer. */
async function count(url: string, sql: string): Promise<number | null> {
  try {
    return Number((await query<{ n: string }>(url, sql))[0]?.n ?? 0);
  } catch {
    return null;
  }
}

async function waitFor(what: string, test: () => Promise<boolean>, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > until) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}`);
    await sleep(250);
  }
}

function restartPostgres(): void {
  const [version] = readdirSync('/etc/postgresql');
  if (!version) throw new Error('no cluster under /etc/postgresql');
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], {
    stdio: 'inherit',
  });
}

async function main(args: string[]): Promise<number> {
  const total = Number(option(args, '--articles') ?? 120);
  const workerCount = Number(option(args, '--workers') ?? 2);
  const unreachable = await probePostgres();
  if (unreachable) {
    console.error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
    return process.env.CI === 'true' ? 1 : 0;
  }
  const started = Date.now();
  const articles = await loadRealArticles(total);
  const contents = new Set(articles.map((a) => a.contentHash));
  console.log(
    `restart check: ${articles.length} articles in jobs of 4, ${workerCount} workers; load average ${load()}`,
  );
  const database = await createTestDatabase();
  const url = `${database.url}?schema=restart`;
  const workers: ChildProcess[] = [];
  const stderr: string[] = [];
  const failures: string[] = [];
  try {
    await (await openStore(url)).close();
    await enqueueIngest(url, articles, { batchSize: 4 });
    for (let i = 0; i < workerCount; i++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, 'worker', '--db', url, '--concurrency', '2', '-q'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
      workers.push(child);
    }
    const stored = (): Promise<number | null> =>
      count(database.url, 'select count(*) as n from restart.articles');
    const jobsLeft = (): Promise<number | null> =>
      count(database.url, 'select count(*) as n from graphile_worker._private_jobs');
    const quarter = Math.ceil(contents.size / 4);
    await waitFor(`${quarter} articles stored`, async () => ((await stored()) ?? 0) >= quarter, 300_000);
    const before = (await stored()) ?? 0;
    const restartAt = Date.now();
    restartPostgres();
    console.log(
      `PostgreSQL restarted with ${before} of ${contents.size} articles stored (${Date.now() - restartAt} ms)`,
    );
    await waitFor('the job queue to empty', async () => (await jobsLeft()) === 0, 300_000);
    console.log(`queue empty ${((Date.now() - restartAt) / 1000).toFixed(1)} s after the restart`);

    const dead = workers.filter((w) => w.exitCode !== null || w.signalCode !== null).length;
    if (dead) failures.push(`${dead} of ${workers.length} workers exited`);
    const store = await openStore(url);
    try {
      const { items } = await store.listArticles({ limit: 1000 });
      if (items.length !== contents.size)
        failures.push(`${items.length} articles stored for ${contents.size} contents`);
      const hashes = new Set(items.map((a) => a.article.contentHash));
      if (hashes.size !== items.length || [...contents].some((h) => !hashes.has(h)))
        failures.push('stored contents differ from the queued ones');
      const unassigned = items.filter((a) => a.storyId === null).length;
      if (unassigned) failures.push(`${unassigned} articles in no story`);
      const stories = await store.listStories({ limit: 1000 });
      const members = stories.items.reduce((sum, s) => sum + s.articleCount, 0);
      if (members !== items.length)
        failures.push(`stories hold ${members} articles, ${items.length} are stored`);
    } finally {
      await store.close();
    }
  } catch (error) {
    failures.push((error as Error).message);
  } finally {
    await stopChildren(workers, 10_000);
    await waitFor('PostgreSQL', async () => (await probePostgres()) === null, 60_000).catch(() => {});
    await database
      .drop()
      .catch((error: Error) => failures.push(`dropping the test database: ${error.message}`));
  }
  console.log(`total ${((Date.now() - started) / 1000).toFixed(1)} s; load average ${load()}`);
  if (failures.length) {
    for (const failure of failures) console.error(`FAIL ${failure}`);
    console.error(`worker stderr:\n${stderr.join('').slice(-4000)}`);
    return 1;
  }
  console.log('OK: the workers reconnected after the restart; every article stored once, in one story');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
