/**
 * `npm run bench -- ingest [--limit N] [--batch B] [--pg URL] [--workers 1,2,4] [--no-pg]
 * [--no-queue] [--no-ingesters] [--worker-concurrency C]`: ingestion throughput into the store with real
 * articles (ECB+, BASIL, PolNeAR texts, interleaved so every run has all three).
 *
 * Articles are read and annotated once, before timing (annotation is timed on its own);
 * the timed runs are store + story assignment only. Every run happens in fresh child
 * processes ("concurrent ingesters", each process with its own connection pool, the
 * articles dealt round-robin between them, `ingestRecords` + `createClusteringAssigner`
 * in batches of B): SQLite with one process, PostgreSQL (a fresh database, dropped
 * afterwards) with 1, 2 and 4 processes. Each child reports its peak RSS and the time it
 * spent inside story assignment (which holds the global story lock). From the per-article
 * costs the suite estimates how many machines 1,000,000 articles a day need.
 *
 * Then the queue as deployed (unless `--no-queue`): 1, 2 and 4 graphile-worker processes
 * (`startIngestWorker`, what `corroborate worker` runs; `--worker-concurrency` jobs at once
 * each, default 2 as the command's) drain the articles enqueued in jobs of B
 * (`enqueueIngest`, what `ingest --queue` does). Each job annotates, stores and assigns, so
 * these rows' CPU includes annotation. The workers start and load the annotation models
 * before timing; the clock runs from the enqueue until the queue is empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dataDir } from '../../eval/data-dir.js';
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import { ingestRecords, type StoryAssigner } from '../../src/store/assign-stories.js';
import { createClusteringAssigner, STORIES_INDEX } from '../../src/store/clustering-assigner.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, probePostgres, TEST_PG_URL } from '../../src/store/postgres/test-database.js';
import type { ArticleRecord, Store } from '../../src/store/store.js';
import { enqueueIngest, startIngestWorker } from '../../src/worker/ingest-queue.js';
import { option } from '../../scripts/suite-args.js';
import { childLineReader, readyThenWaitForGo, sendGo, waitUntilReady } from '../../scripts/start-together.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_LIMIT = 300;

/** Up to `limit` real articles: ECB+, BASIL and PolNeAR texts taken in turn. */
export async function loadRealArticles(limit: number): Promise<Article[]> {
  const dir = dataDir();
  const share = Math.ceil(limit / 3) + 5;
  const polnear = ['train', 'dev'].flatMap((part) => {
    const textDir = join(dir, 'polnear', part, 'text');
    return readdirSync(textDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(textDir, f));
  });
  const firstLines = (name: string): string => {
    const lines = readFileSync(join(dir, name, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim());
    return lines.slice(0, share).join('\n');
  };
  const sources: Article[][] = [];
  for (const name of ['ecbplus', 'basil']) {
    const tmp = mkdtempSync(join(tmpdir(), 'corroborate-bench-'));
    try {
      const file = join(tmp, `${name}.jsonl`);
      writeFileSync(file, firstLines(name));
      sources.push((await readArticles([file])).articles);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  sources.push((await readArticles(polnear.slice(0, share))).articles);
  const out: Article[] = [];
  for (let i = 0; out.length < limit && sources.some((s) => i < s.length); i++)
    for (const source of sources) if (i < source.length && out.length < limit) out.push(source[i]!);
  return out;
}

/** B-cubed precision, recall and F1 of partition `b` against partition `a` (item → cluster), over the items of `a`. */
export function bcubed(
  a: Map<string, string>,
  b: Map<string, string>,
): { precision: number; recall: number; f1: number } {
  const groups = (m: Map<string, string>): Map<string, Set<string>> => {
    const g = new Map<string, Set<string>>();
    for (const [item, cluster] of m) {
      const set = g.get(cluster) ?? new Set<string>();
      set.add(item);
      g.set(cluster, set);
    }
    return g;
  };
  const ga = groups(a);
  const gb = groups(b);
  let precision = 0;
  let recall = 0;
  let n = 0;
  for (const [item, clusterA] of a) {
    const clusterB = b.get(item);
    const inA = ga.get(clusterA)!;
    const inB = clusterB === undefined ? new Set([item]) : gb.get(clusterB)!;
    let both = 0;
    for (const other of inB) if (inA.has(other)) both += 1;
    precision += both / inB.size;
    recall += both / inA.size;
    n += 1;
  }
  if (n === 0) return { precision: 1, recall: 1, f1: 1 };
  precision /= n;
  recall /= n;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

/** Article id → story id of every article in the store. */
export async function storyPartition(store: Store): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const stored of page.items)
      out.set(stored.article.id, stored.storyId ?? `none:${stored.article.id}`);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

interface ChildReport {
  articles: number;
  ms: number;
  /** CPU time (user + system) of the ingester during the timed run: unlike wall time, little changed by other load. */
  cpuMs: number;
  /** Time inside story assignment (the story lock); null for queue workers, whose assigner is not wrapped. */
  assignMs: number | null;
  maxRssMb: number;
}

/**
 * Worker child mode: `--worker-child <db> <concurrency>`. Loads the annotation models (one
 * article annotated), starts a graphile worker on the queue, says "ready", and on the
 * parent's next stdin line (sent once the queue is empty) stops and reports its CPU since
 * "ready" and its peak RSS.
 */
async function workerChild(args: string[]): Promise<void> {
  const [db, concurrencyText] = args;
  annotateArticles(await loadRealArticles(3));
  const worker = await startIngestWorker({ url: db!, concurrency: Number(concurrencyText) });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await readyThenWaitForGo();
  const used = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  await worker.stop();
  const report: ChildReport = {
    articles: 0,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    assignMs: null,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  await new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(report)}\n`, () => resolve()));
}

/** Pending jobs in the database's graphile-worker queue. */
async function queuedJobs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from graphile_worker._private_jobs',
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * Starts `workers` queue workers on `db` and waits until they are ready, then enqueues the
 * articles in jobs of `batch` and times until the queue is empty.
 */
async function runQueueWorkers(
  articles: Article[],
  db: string,
  workers: number,
  concurrency: number,
  batch: number,
): Promise<{ wallMs: number; reports: ChildReport[] }> {
  const children = Array.from({ length: workers }, () =>
    spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'run.ts'), 'ingest', '--worker-child', db, String(concurrency)],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const nextLine = childLineReader(children);
  await waitUntilReady(children, nextLine);
  const started = performance.now();
  await enqueueIngest(db, articles, { batchSize: batch });
  while ((await queuedJobs(db)) > 0) await new Promise((r) => setTimeout(r, 50));
  const wallMs = performance.now() - started;
  sendGo(children);
  const reports = await Promise.all(
    children.map(async (_, i) => JSON.parse(await nextLine(i)) as ChildReport),
  );
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  return { wallMs, reports };
}

/** Child mode: `--child <records.json> <shard> <shards> <db> <batch>`; waits for "go" on stdin. */
async function child(args: string[]): Promise<void> {
  const [file, shardText, shardsText, db, batchText] = args;
  const shard = Number(shardText);
  const shards = Number(shardsText);
  const batch = Number(batchText);
  const all = JSON.parse(readFileSync(file!, 'utf8')) as ArticleRecord[];
  const mine = all.filter((_, i) => i % shards === shard);
  const store = await openStore(db);
  const inner = createClusteringAssigner();
  let assignMs = 0;
  const assigner: StoryAssigner = {
    prepare: (known) => inner.prepare?.(known),
    async assign(writer, ids, known) {
      const t = performance.now();
      await inner.assign(writer, ids, known);
      assignMs += performance.now() - t;
    },
    discard: () => inner.discard?.(),
  };
  await readyThenWaitForGo();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let start = 0; start < mine.length; start += batch)
    await ingestRecords(store, mine.slice(start, start + batch), assigner);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await store.close();
  const report: ChildReport = {
    articles: mine.length,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    assignMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Starts `shards` ingesters on `db`, lets them go at once, and returns the wall time and their reports. */
async function runIngesters(
  recordsFile: string,
  db: string,
  shards: number,
  batch: number,
): Promise<{ wallMs: number; reports: ChildReport[] }> {
  const children = Array.from({ length: shards }, (_, shard) =>
    spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'bench', 'run.ts'),
        'ingest',
        '--child',
        recordsFile,
        String(shard),
        String(shards),
        db,
        String(batch),
      ],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    ),
  );
  const nextLine = childLineReader(children);
  await waitUntilReady(children, nextLine);
  const started = performance.now();
  sendGo(children);
  const reports = await Promise.all(
    children.map(async (_, i) => JSON.parse(await nextLine(i)) as ChildReport),
  );
  const wallMs = performance.now() - started;
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  return { wallMs, reports };
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

/** "N articles, M stories; B³ F1 against the SQLite run F" for the stories stored at `url`. */
async function agreementWith(sqlite: Map<string, string>, url: string): Promise<string> {
  const check = await openStore(url);
  const partition = await storyPartition(check);
  await check.close();
  return (
    `${partition.size} articles, ${new Set(partition.values()).size} stories; ` +
    `B³ F1 against the SQLite run ${fmt(bcubed(sqlite, partition).f1, 4)}`
  );
}

export async function run(args: string[]): Promise<void> {
  if (args[0] === '--child') return child(args.slice(1));
  if (args[0] === '--worker-child') return workerChild(args.slice(1));
  const limit = Number(option(args, '--limit') ?? DEFAULT_LIMIT);
  const batch = Number(option(args, '--batch') ?? 20);
  const workerCounts = (option(args, '--workers') ?? '1,2,4').split(',').map(Number);
  const pgBase = option(args, '--pg') ?? TEST_PG_URL;
  const withPg = !args.includes('--no-pg');
  const withQueue = !args.includes('--no-queue');
  const withIngesters = !args.includes('--no-ingesters');
  const workerConcurrency = Number(option(args, '--worker-concurrency') ?? 2);
  const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

  console.log(`ingest bench: up to ${limit} articles, batches of ${batch}; load average ${load()}`);
  let t = performance.now();
  const articles = await loadRealArticles(limit);
  const readMs = performance.now() - t;
  t = performance.now();
  const annotateCpu = process.cpuUsage();
  const records = annotateArticles(articles);
  const annotateMs = performance.now() - t;
  const annotateUsed = process.cpuUsage(annotateCpu);
  const annotateCpuMs = (annotateUsed.user + annotateUsed.system) / 1000;
  const n = records.length;
  const perRead = readMs / n;
  const perAnnotate = annotateMs / n;
  console.log(
    `read ${n} articles in ${fmt(readMs / 1000)} s (${fmt(perRead)} ms/article); ` +
      `annotated in ${fmt(annotateMs / 1000)} s (${fmt(perAnnotate)} ms/article, one process; CPU ${fmt(annotateCpuMs / n)} ms/article)`,
  );

  const tmp = mkdtempSync(join(tmpdir(), 'corroborate-ingest-bench-'));
  const recordsFile = join(tmp, 'records.json');
  writeFileSync(recordsFile, JSON.stringify(records));
  const rows: { label: string; wallMs: number; reports: ChildReport[] }[] = [];
  let sqlitePartition: Map<string, string> | null = null;
  try {
    const sqlitePath = join(tmp, 'bench.db');
    const sqlite = await openStore(sqlitePath);
    await sqlite.close();
    const result = await runIngesters(recordsFile, sqlitePath, 1, batch);
    rows.push({ label: 'SQLite, 1 process', ...result });
    const check = await openStore(sqlitePath);
    sqlitePartition = await storyPartition(check);
    const logSize = JSON.stringify(await check.readClusteringLog(STORIES_INDEX)).length;
    console.log(
      `SQLite: ${sqlitePartition.size} articles in ${new Set(sqlitePartition.values()).size} stories; clustering log ${fmt(logSize / 2 ** 20, 2)} MB`,
    );
    await check.close();

    const unreachable = withPg ? await probePostgres(pgBase) : 'skipped (--no-pg)';
    if (unreachable) console.log(`PostgreSQL runs skipped: ${unreachable}`);
    else if (withIngesters)
      for (const workers of workerCounts) {
        const database = await createTestDatabase(pgBase);
        try {
          const store = await openStore(database.url);
          await store.close();
          const pgResult = await runIngesters(recordsFile, database.url, workers, batch);
          rows.push({ label: `PostgreSQL, ${workers} ingester${workers > 1 ? 's' : ''}`, ...pgResult });
          console.log(`PostgreSQL ×${workers}: ${await agreementWith(sqlitePartition, database.url)}`);
        } finally {
          await database.drop();
        }
      }
    if (!unreachable && withQueue)
      for (const workers of workerCounts) {
        const database = await createTestDatabase(pgBase);
        try {
          await (await openStore(database.url)).close();
          const result = await runQueueWorkers(articles, database.url, workers, workerConcurrency, batch);
          rows.push({ label: `PostgreSQL queue, ${workers} worker${workers > 1 ? 's' : ''}`, ...result });
          console.log(
            `queue ×${workers} (concurrency ${workerConcurrency}): ` +
              `${await agreementWith(sqlitePartition, database.url)}; load average ${load()}`,
          );
        } finally {
          await database.drop();
        }
      }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  console.log(
    '\nrun                         articles/s  ms/article  CPU ms/article  in assign (lock)  peak RSS (max / sum of processes)',
  );
  for (const row of rows) {
    const rate = (n / row.wallMs) * 1000;
    const assignMs = row.reports.map((r) => r.assignMs);
    const assign = assignMs.includes(null)
      ? '–'
      : fmt(assignMs.reduce<number>((s, ms) => s + (ms ?? 0), 0) / n, 2);
    const cpu = row.reports.reduce((s, r) => s + r.cpuMs, 0) / n;
    const rss = row.reports.map((r) => r.maxRssMb);
    console.log(
      `${row.label.padEnd(28)}${fmt(rate).padStart(10)}${fmt(row.wallMs / n, 2).padStart(12)}${fmt(cpu, 2).padStart(16)}${assign.padStart(18)}` +
        `   ${fmt(Math.max(...rss), 0)} / ${fmt(
          rss.reduce((s, x) => s + x, 0),
          0,
        )} MB`,
    );
  }

  if (rows.some((r) => r.label.includes('queue')))
    console.log(
      `(queue rows: jobs of ${batch} drained by graphile workers of concurrency ${workerConcurrency}; their CPU includes annotation in the job.\n` +
        ' Their stories differ from the SQLite run even with 1 worker: a job annotates its own articles together, so entity keys\n' +
        ' are joined within a job, where the other runs annotated all the articles together.)',
    );

  // The estimate, from the single-process per-article costs.
  const single = rows.find((r) => r.label.startsWith('PostgreSQL, 1')) ?? rows[0]!;
  // CPU time rather than wall time: on a shared machine the wall time mostly measures the other load.
  const storeMs = single.reports.reduce((s, r) => s + r.cpuMs, 0) / n;
  const lockMs = single.reports.reduce((s, r) => s + (r.assignMs ?? 0), 0) / n;
  const fullMs = annotateCpuMs / n + storeMs;
  const perDay = 1_000_000;
  const average = perDay / 86_400;
  const peak = average * 3;
  const cores = (peak * fullMs) / 1000;
  const machines = Math.ceil(cores / 2 / 0.7);
  const lockCeiling = 1000 / lockMs;
  console.log(`
Per-article CPU cost (${single.label}): annotation ${fmt(annotateCpuMs / n)} ms + store and assign ${fmt(storeMs)} ms = ${fmt(fullMs)} ms of one core
(reading and cleaning the input: ${fmt(perRead)} ms more when articles arrive as files; here the reader is not in the worker's job)

1,000,000 articles/day:
  average rate      1,000,000 / 86,400 s                 = ${fmt(average)} articles/s
  peak (×3 average) ${fmt(average)} × 3                             = ${fmt(peak)} articles/s
  CPU at peak       ${fmt(peak)} articles/s × ${fmt(fullMs)} ms            = ${fmt(cores, 2)} cores busy
  machines          ${fmt(cores, 2)} cores / (2 cores × 70% target use)     = ${machines} machine(s) like this one, plus the PostgreSQL server
  the story lock    assignment holds one global lock ${fmt(lockMs, 2)} ms per article (measured at ${n} articles)
                    → at most ${fmt(lockCeiling, 0)} articles/s in total, whatever the number of workers;
                    that ceiling must stay above ${fmt(peak)} articles/s. Each batch appends its articles to the
                    clustering log and replays only what other processes appended, so the lock time per article
                    grows with the number of candidate stories, not with the whole state.`);
}
