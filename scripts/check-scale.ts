/**
 * `npx tsx scripts/check-scale.ts [--articles 5000] [--ingesters 4] [--batch 25]`: the
 * concurrency check of the store (.ci/run runs it after the tests). N ingester processes,
 * each with its own connection pool, store and assign 5,000 real articles at once into
 * one PostgreSQL database. Passes when every content is stored exactly once, every
 * article is in exactly one story, and the stories equal those of a single process that
 * takes the articles in the order the story lock let them in (B-cubed F1 ≥ 0.99; the
 * online clustering is order-sensitive, so input order is reported, not required).
 *
 * The articles are the ECB+, BASIL and PolNeAR texts of ../shared/data (about 1,850
 * distinct), then varied copies of them (a title suffix and a closing paragraph) up to
 * the count. Each ingester annotates its own share first (copies reuse their original's
 * annotations: the text they add comes after every annotated offset), so annotation,
 * which has no shared state, runs in parallel before the timed, concurrent part.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { option } from './suite-args.js';
import { childLineReader, readyThenWaitForGo, sendGo, waitUntilReady } from './start-together.js';

const SCRIPT = fileURLToPath(import.meta.url);
const MIN_F1 = 0.99;

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

const elapsed = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

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
  const records: { index: number; record: ArticleRecord }[] = [];
  for (let i = 0; i < count; i++) {
    const { source, copy } = sourceOf(i, articles.length);
    const original = annotated.get(source);
    if (!original) continue;
    const article = copy === 0 ? original.article : variedCopy(original.article, copy);
    records.push({ index: i, record: { article, annotations: original.annotations } });
  }
  writeFileSync(join(dir, `records-${k}.json`), JSON.stringify(records));
  const store = await openStore(db);
  await readyThenWaitForGo();
  const started = performance.now();
  await ingestAll(
    store,
    records.map((r) => r.record),
    batch,
  );
  const ms = performance.now() - started;
  await store.close();
  process.stdout.write(`${JSON.stringify({ articles: records.length, ms })}\n`);
}

async function main(args: string[]): Promise<number> {
  if (args[0] === '--child') {
    await child(args.slice(1));
    return 0;
  }
  const count = Number(option(args, '--articles') ?? 5000);
  const ingesters = Number(option(args, '--ingesters') ?? 4);
  const batch = Number(option(args, '--batch') ?? 25);
  const unreachable = await probePostgres();
  if (unreachable) {
    console.error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
    return process.env.CI === 'true' ? 1 : 0;
  }
  const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const started = performance.now();
  const articles = await loadRealArticles(count);
  console.log(
    `scale check: ${count} articles (${articles.length} distinct real ones, the rest varied copies), ` +
      `${ingesters} ingesters, batches of ${batch}; load average ${load()}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'corroborate-scale-'));
  const database = await createTestDatabase();
  const failures: string[] = [];
  try {
    writeFileSync(join(dir, 'articles.json'), JSON.stringify(articles));
    const url = `${database.url}?schema=concurrent`;
    await (await openStore(url)).close();
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

    const byIndex: ArticleRecord[] = [];
    for (let k = 0; k < ingesters; k++)
      for (const { index, record } of JSON.parse(readFileSync(join(dir, `records-${k}.json`), 'utf8')) as {
        index: number;
        record: ArticleRecord;
      }[])
        byIndex[index] = record;
    const records = byIndex.filter(Boolean);
    if (records.length !== count)
      failures.push(`expected ${count} records, the ingesters made ${records.length}`);
    const contents = new Set(records.map((r) => r.article.contentHash));

    const store = await openStore(url);
    const concurrent = await storyPartition(store);
    const stored = [...(await allStored(store))];
    const log = (await store.readClusteringLog(STORIES_INDEX)) as { id: string }[];
    const memberCount = await storyMemberCount(store);
    await store.close();
    if (stored.length !== contents.size)
      failures.push(`${stored.length} articles stored for ${contents.size} distinct contents`);
    if (new Set(stored.map((s) => s.hash)).size !== stored.length) failures.push('a content is stored twice');
    const unassigned = [...concurrent.values()].filter((s) => s.startsWith('none:')).length;
    if (unassigned) failures.push(`${unassigned} articles have no story`);
    if (memberCount !== stored.length)
      failures.push(`stories hold ${memberCount} articles, ${stored.length} are stored`);
    if (log.length !== stored.length || new Set(log.map((e) => e.id)).size !== log.length)
      failures.push(
        `the clustering log has ${log.length} entries (distinct: ${new Set(log.map((e) => e.id)).size})`,
      );

    // A single process taking the articles in the order the lock let them in.
    const serialStarted = performance.now();
    const byId = new Map<string, ArticleRecord>();
    for (const record of records) if (!byId.has(record.article.id)) byId.set(record.article.id, record);
    const serial = await openStore(`${database.url}?schema=serial`);
    await ingestAll(
      serial,
      log.map((e) => byId.get(e.id)).filter((r): r is ArticleRecord => r !== undefined),
      batch,
    );
    const same = bcubed(await storyPartition(serial), concurrent);
    await serial.close();
    console.log(
      `single process, same order: ${elapsed(serialStarted)}; B³ F1 against the concurrent run ${same.f1.toFixed(4)} ` +
        `(P ${same.precision.toFixed(4)}, R ${same.recall.toFixed(4)}); ${new Set(concurrent.values()).size} stories`,
    );
    if (same.f1 < MIN_F1) failures.push(`B³ F1 ${same.f1.toFixed(4)} < ${MIN_F1}`);
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
