/**
 * `npx tsx scripts/check-scale.ts [--articles 5000] [--ingesters 4 | --workers 4] [--batch 25]
 * [--concurrency 2]`: the concurrency check of the store (.ci/run runs it after the tests).
 * 5,000 real articles go into one PostgreSQL database at once, in one of two ways:
 *
 * - `--workers N`: the articles are enqueued with the real queue (`enqueueIngest`, what
 *   `ingest --queue` does; jobs of `--batch` articles) and N real `corroborate worker`
 *   processes (`--concurrency` jobs at once each, the command's default 2) drain it: each
 *   job annotates, stores and assigns its articles, as in production.
 * - `--ingesters N` (the default mode): N ingester processes, each with its own connection
 *   pool, store and assign the articles (annotated before the timed part: each ingester
 *   annotates its own share first, copies reuse their original's annotations as the text
 *   they add comes after every annotated offset).
 *
 * Passes when every content is stored exactly once, every article is in exactly one
 * story, and the stories equal those of a single process that takes the stored articles
 * in the order the story lock let them in (B-cubed F1 ≥ 0.99; the online clustering is
 * order-sensitive, so input order is reported, not required).
 *
 * The articles are the ECB+, BASIL and PolNeAR texts of ../shared/data (about 1,850
 * distinct), then varied copies of them (a title suffix and a closing paragraph) up to
 * the count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bcubed, loadRealArticles, storyPartition } from '../bench/suites/ingest.js';
import { annotateArticles } from '../src/annotate/annotate-articles.js';
import { contentHash } from '../src/ingest/clean/content-hash.js';
import type { Article } from '../src/model/article.js';
import { ingestRecords } from '../src/store/assign-stories.js';
import { createClusteringAssigner, STORIES_INDEX } from '../src/store/clustering-assigner.js';
import { openStore } from '../src/store/open-store.js';
import {
  createTestDatabase,
  PG_REQUIRED_MESSAGE,
  probePostgres,
} from '../src/store/postgres/test-database.js';
import type { ArticleRecord, Store } from '../src/store/store.js';
import { enqueueIngest } from '../src/worker/ingest-queue.js';
import { option } from './suite-args.js';
import {
  childLineReader,
  readyThenWaitForGo,
  sendGo,
  stopChildren,
  waitUntilReady,
} from './start-together.js';

const SCRIPT = fileURLToPath(import.meta.url);
const CLI = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const MIN_F1 = 0.99;
/** The longest the workers may take to drain the queue (CI measured about 2 minutes). */
const DRAIN_TIMEOUT_MS = 20 * 60_000;

/** The `copy`-th varied copy of an article: new id, title suffix, one closing paragraph. */
function variedCopy(article: Article, copy: number): Article {
  const text = `${article.text}\n\nThis report was updated with additional reporting (revision ${copy}).`;
  return {
    ...article,
    id: `${article.id}~copy${copy}`,
    title: article.title ? `${article.title} (update ${copy})` : `Update ${copy}`,
    text,
    contentHash: contentHash(text),
  };
}

/** Index i of the full list: the distinct article i, or copy ⌊i/n⌋ of article i mod n. */
function sourceOf(i: number, distinct: number): { source: number; copy: number } {
  return { source: i % distinct, copy: Math.floor(i / distinct) };
}

/** The `count` articles of the check: the distinct ones, then their varied copies. */
function expandArticles(articles: Article[], count: number): Article[] {
  return Array.from({ length: count }, (_, i) => {
    const { source, copy } = sourceOf(i, articles.length);
    const original = articles[source]!;
    return copy === 0 ? original : variedCopy(original, copy);
  });
}

const elapsed = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function ingestAll(store: Store, records: ArticleRecord[], batch: number): Promise<void> {
  const assigner = createClusteringAssigner();
  for (let start = 0; start < records.length; start += batch)
    await ingestRecords(store, records.slice(start, start + batch), assigner);
}

/** Child: `--child <dir> <k> <n> <count> <db> <batch>`; annotates its share, waits for "go", ingests. */
async function child(args: string[]): Promise<void> {
  const [dir, kText, nText, countText, db, batchText] = args as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [k, n, count, batch] = [kText, nText, countText, batchText].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const articles = JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as Article[];
  const mine = articles.map((_, i) => i).filter((i) => i % n === k);
  const annotated = new Map<number, ArticleRecord>();
  annotateArticles(mine.map((i) => articles[i]!)).forEach((record, j) => annotated.set(mine[j]!, record));
  const records: ArticleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const { source, copy } = sourceOf(i, articles.length);
    const original = annotated.get(source);
    if (!original) continue;
    const article = copy === 0 ? original.article : variedCopy(original.article, copy);
    records.push({ article, annotations: original.annotations });
  }
  const store = await openStore(db);
  await readyThenWaitForGo();
  const started = performance.now();
  await ingestAll(store, records, batch);
  const ms = performance.now() - started;
  await store.close();
  process.stdout.write(`${JSON.stringify({ articles: records.length, ms })}\n`);
}

/** Ingester mode: `ingesters` processes annotate their share, then store and assign at once. */
async function runIngesters(
  dir: string,
  articles: Article[],
  url: string,
  options: { count: number; ingesters: number; batch: number; started: number },
): Promise<void> {
  const { count, ingesters, batch, started } = options;
  writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles));
  const children = Array.from({ length: ingesters }, (_, k) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        SCRIPT,
        '--child',
        dir,
        String(k),
        String(ingesters),
        String(count),
        url,
        String(batch),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const nextLine = childLineReader(children);
  await waitUntilReady(children, nextLine);
  console.log(`annotated in the ingesters: ${elapsed(started)} since start`);
  const go = performance.now();
  sendGo(children);
  const reports = await Promise.all(
    children.map(async (_, i) => JSON.parse(await nextLine(i)) as { ms: number }),
  );
  const wallMs = performance.now() - go;
  console.log(
    `concurrent ingest: ${count} articles in ${(wallMs / 1000).toFixed(1)} s (${((count / wallMs) * 1000).toFixed(0)} articles/s; ` +
      `ingesters ${reports.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} s); load average ${load()}`,
  );
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

interface JobRow {
  id: string;
  attempts: number;
  max_attempts: number;
  last_error: string | null;
}

/**
 * Worker mode: the articles are enqueued as jobs of `batch`, then `workers` real
 * `corroborate worker` processes drain the queue (each job annotates, stores, assigns).
 * Returns the failures seen (failed job attempts, exited workers).
 */
async function runWorkers(
  articles: Article[],
  url: string,
  databaseUrl: string,
  options: { workers: number; concurrency: number; batch: number },
): Promise<string[]> {
  const { workers, concurrency, batch } = options;
  const failures: string[] = [];
  const enqueued = performance.now();
  const jobs = await enqueueIngest(url, articles, { batchSize: batch });
  console.log(`enqueued ${jobs} jobs of up to ${batch} articles in ${elapsed(enqueued)}`);
  // Each worker's stderr (graphile-worker's info lines included: one "Completed task" per job).
  const stderr: string[][] = [];
  const children: ChildProcess[] = [];
  const started = performance.now();
  const cpuTicks = new Map<number, number>();
  try {
    for (let i = 0; i < workers; i++) {
      const worker = spawn(
        process.execPath,
        ['--import', 'tsx', CLI, 'worker', '--db', url, '--concurrency', String(concurrency)],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
      const lines: string[] = [];
      stderr.push(lines);
      worker.stderr!.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
      children.push(worker);
    }
    let left = jobs;
    let lastReport = performance.now();
    while (left > 0) {
      await sleep(250);
      for (const worker of children) {
        const ticks = processTicks(worker.pid);
        if (ticks !== null && worker.pid !== undefined) cpuTicks.set(worker.pid, ticks);
      }
      const rows = await query<JobRow>(
        databaseUrl,
        'select id, attempts, max_attempts, last_error from graphile_worker._private_jobs',
      );
      left = rows.length;
      const dead = rows.filter((r) => r.attempts >= r.max_attempts);
      if (dead.length) {
        failures.push(`${dead.length} jobs failed for good: ${dead[0]!.last_error ?? ''}`);
        break;
      }
      if (children.some((c) => c.exitCode !== null || c.signalCode !== null)) {
        failures.push('a worker exited before the queue was empty');
        break;
      }
      if (performance.now() - started > DRAIN_TIMEOUT_MS) {
        failures.push(`the queue still held ${left} jobs after ${DRAIN_TIMEOUT_MS / 60_000} minutes`);
        break;
      }
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        console.log(`  ${left} of ${jobs} jobs left after ${elapsed(started)}; load average ${load()}`);
      }
    }
  } finally {
    await stopChildren(children, 15_000);
  }
  const wallMs = performance.now() - started;
  const cpuMs = [...cpuTicks.values()].reduce((sum, t) => sum + t, 0) * TICK_MS;
  const texts = stderr.map((lines) => lines.join(''));
  const completed = texts.map((text) => text.match(/Completed task/g)?.length ?? 0);
  console.log(`jobs completed by each worker: ${completed.join(', ')}`);
  // Concurrent means every worker took part (they start within seconds; the drain takes minutes).
  if (completed.some((n) => n === 0)) failures.push('a worker completed no job');
  const retried = texts.join('').match(/Failed task/g)?.length ?? 0;
  if (retried) console.log(`${retried} job attempts failed and were retried (worker stderr below)`);
  console.log(
    `queue drained: ${articles.length} articles in ${(wallMs / 1000).toFixed(1)} s from the workers' start ` +
      `(${((articles.length / wallMs) * 1000).toFixed(0)} articles/s, annotation included; ` +
      `workers' CPU ${(cpuMs / articles.length).toFixed(1)} ms/article); load average ${load()}`,
  );
  if (failures.length || retried) {
    const problems = texts
      .join('')
      .split('\n')
      .filter((line) => !line.startsWith('info '));
    console.error(`worker stderr (info lines left out):\n${problems.join('\n').slice(-4000)}`);
  }
  return failures;
}

/** Clock ticks per second of /proc/<pid>/stat on Linux (USER_HZ, 100 on every common build). */
const TICK_MS = 10;

/** User + system CPU ticks of a live process from /proc, or null (gone, or no /proc). */
function processTicks(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

/** Every content stored once, every article in one story, a log entry per article. */
async function checkStored(
  url: string,
  contents: Set<string>,
): Promise<{ failures: string[]; partition: Map<string, string>; order: string[] }> {
  const failures: string[] = [];
  const store = await openStore(url);
  const partition = await storyPartition(store);
  const stored = await allStored(store);
  const log = (await store.readClusteringLog(STORIES_INDEX)) as { id: string }[];
  const memberCount = await storyMemberCount(store);
  await store.close();
  const hashes = new Set(stored.map((s) => s.hash));
  if (stored.length !== contents.size)
    failures.push(`${stored.length} articles stored for ${contents.size} distinct contents`);
  if (hashes.size !== stored.length) failures.push('a content is stored twice');
  const missing = [...contents].filter((h) => !hashes.has(h)).length;
  if (missing) failures.push(`${missing} contents were not stored`);
  const unassigned = [...partition.values()].filter((s) => s.startsWith('none:')).length;
  if (unassigned) failures.push(`${unassigned} articles have no story`);
  if (memberCount !== stored.length)
    failures.push(`stories hold ${memberCount} articles, ${stored.length} are stored`);
  const distinctLog = new Set(log.map((e) => e.id)).size;
  if (log.length !== stored.length || distinctLog !== log.length)
    failures.push(`the clustering log has ${log.length} entries (distinct: ${distinctLog})`);
  return { failures, partition, order: log.map((e) => e.id) };
}

/**
 * A single process storing the stored articles (with their stored annotations) again, in
 * the order the story lock let them in, in batches of `batch`: its B-cubed F1 against the
 * concurrent run's stories.
 */
async function singleProcessAgreement(
  concurrentUrl: string,
  serialUrl: string,
  order: string[],
  concurrent: Map<string, string>,
  batch: number,
): Promise<string[]> {
  const started = performance.now();
  const source = await openStore(concurrentUrl);
  const records: ArticleRecord[] = (await source.getArticles(order)).map(({ article, annotations }) => ({
    article,
    annotations,
  }));
  await source.close();
  const serial = await openStore(serialUrl);
  await ingestAll(serial, records, batch);
  const same = bcubed(await storyPartition(serial), concurrent);
  await serial.close();
  console.log(
    `single process, same order: ${elapsed(started)}; B³ F1 against the concurrent run ${same.f1.toFixed(4)} ` +
      `(P ${same.precision.toFixed(4)}, R ${same.recall.toFixed(4)}); ${new Set(concurrent.values()).size} stories`,
  );
  return same.f1 < MIN_F1 ? [`B³ F1 ${same.f1.toFixed(4)} < ${MIN_F1}`] : [];
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--child') {
    await child(args.slice(1));
    return 0;
  }
  const count = Number(option(args, '--articles') ?? 5000);
  const workerText = option(args, '--workers');
  const workers = workerText === null ? 0 : Number(workerText);
  const ingesters = Number(option(args, '--ingesters') ?? 4);
  const batch = Number(option(args, '--batch') ?? 25);
  const concurrency = Number(option(args, '--concurrency') ?? 2);
  if (workerText !== null && args.includes('--ingesters')) {
    console.error('check-scale: pass --workers N or --ingesters N, not both');
    return 2;
  }
  const unreachable = await probePostgres();
  if (unreachable) {
    console.error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
    return process.env.CI === 'true' ? 1 : 0;
  }
  const started = performance.now();
  const articles = await loadRealArticles(count);
  const all = expandArticles(articles, count);
  const contents = new Set(all.map((a) => a.contentHash));
  const mode = workers
    ? `${workers} corroborate worker processes (concurrency ${concurrency}) draining jobs of ${batch}`
    : `${ingesters} ingesters, batches of ${batch}`;
  console.log(
    `scale check: ${count} articles (${articles.length} distinct real ones, the rest varied copies; ` +
      `${contents.size} distinct contents), ${mode}; load average ${load()}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-scale-'));
  const database = await createTestDatabase();
  const failures: string[] = [];
  try {
    const url = `${database.url}?schema=concurrent`;
    await (await openStore(url)).close();
    if (workers)
      failures.push(...(await runWorkers(all, url, database.url, { workers, concurrency, batch })));
    else await runIngesters(dir, articles, url, { count, ingesters, batch, started });
    if (!failures.length) {
      const checked = await checkStored(url, contents);
      failures.push(...checked.failures);
      failures.push(
        ...(await singleProcessAgreement(
          url,
          `${database.url}?schema=serial`,
          checked.order,
          checked.partition,
          batch,
        )),
      );
    }
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`total ${elapsed(started)}; load average ${load()}`);
  for (const failure of failures) console.error(`FAIL ${failure}`);
  if (!failures.length)
    console.log('OK: every article stored once, in one story, stories as a single process');
  return failures.length ? 1 : 0;
}

async function allStored(store: Store): Promise<{ id: string; hash: string }[]> {
  const out: { id: string; hash: string }[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const item of page.items) out.push({ id: item.article.id, hash: item.article.contentHash });
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function storyMemberCount(store: Store): Promise<number> {
  let members = 0;
  let cursor: string | null = null;
  do {
    const page = await store.listStories({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const story of page.items) members += story.articleCount;
    cursor = page.nextCursor;
  } while (cursor);
  return members;
}

process.exitCode = await main(process.argv.slice(2));
