/**
 * `npx tsx eval/compare/print-held-out-discrepancies.ts [--topics N] [--articles M] [--after T] [--no-quotes]`: the
 * discrepancies the comparison lists on a held-out set of real stories that no rule was developed on,
 * printed to be judged by hand against the quotes (Reading 4 in eval/compare/basil-reading.md).
 *
 * Which stories (fixed before reading any output):
 * - H1–H3: the BASIL events that have only two outlets (labels.json: 47 events have three
 *   articles, three have two), by event id, articles in outlet order;
 * - E1–E17: ECB+ stories, one per topic for the first N (default 17) topics by topic number: the
 *   topic's original ECB sub-topic (`<topic>_ecb`, one real event reported by several outlets),
 *   its first M (default 5) documents by document number. ECB+ articles carry no outlet or
 *   publication date: each document is its own origin, and relative dates stay unresolved.
 *
 * `--after T` (Reading 5): the ECB+ topics numbered above T only, the first N of them by topic
 * number, same sub-topic and document choice, and no BASIL events (all of BASIL has been read):
 * `--after 19 --topics 20` is Reading 5's fresh held-out set (the topics after Reading 4's last; the
 * data holds topics up to 35, so 16 stories).
 *
 * `--subtopic ecbplus` (Reading 6): the topic's second sub-topic `<topic>_ecbplus` (a different,
 * similar event added by ECB+; never printed before) instead of `_ecb`, same topic and document
 * order: `--subtopic ecbplus --topics 16` is Reading 6's fresh held-out set (the first 16 topics by
 * number, first 5 documents each; with `--subtopic` given and no `--after`, no BASIL events).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import { dataDir } from '../data-dir.js';
import { compareTriplet } from './print-basil-discrepancies.js';

interface Options {
  topics: number;
  articles: number;
  quotes: boolean;
  /** Only ECB+ topics numbered above this, and no BASIL events (undefined: Reading 4's set). */
  after: number | undefined;
  /** Which sub-topic of each ECB+ topic: 'ecb' (the original) or 'ecbplus' (Reading 6). */
  subtopic: 'ecb' | 'ecbplus';
}

function parseArgs(args: string[]): Options {
  const options: Options = { topics: 17, articles: 5, quotes: true, after: undefined, subtopic: 'ecb' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--topics' && args[i + 1]) options.topics = Number(args[++i]);
    else if (a === '--articles' && args[i + 1]) options.articles = Number(args[++i]);
    else if (a === '--after' && args[i + 1]) options.after = Number(args[++i]);
    else if (a === '--subtopic' && (args[i + 1] === 'ecb' || args[i + 1] === 'ecbplus'))
      options.subtopic = args[++i] as 'ecb' | 'ecbplus';
    else if (a === '--no-quotes') options.quotes = false;
    else {
      console.error(
        `print-held-out-discrepancies: unknown option ${a}; use --topics N, --articles M, --after T, --subtopic ecb|ecbplus, --no-quotes`,
      );
      process.exit(2);
    }
  }
  return options;
}

interface HeldOutStory {
  name: string;
  event: string;
  articles: Article[];
}

async function readLabelled(
  source: string,
): Promise<{ articles: Article[]; labels: Record<string, string> }> {
  const dir = join(dataDir(), source);
  const { articles } = await readArticles([join(dir, 'articles.jsonl')]);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, string>;
  return { articles, labels };
}

function groupBy(articles: Article[], labels: Record<string, string>): Map<string, Article[]> {
  const byEvent = new Map<string, Article[]>();
  for (const a of articles) {
    const event = labels[a.id];
    if (event) byEvent.set(event, [...(byEvent.get(event) ?? []), a]);
  }
  return byEvent;
}

/** The BASIL events with exactly two outlets, by event id. */
async function basilPairs(): Promise<HeldOutStory[]> {
  const { articles, labels } = await readLabelled('basil');
  const byEvent = groupBy(articles, labels);
  return [...byEvent.keys()]
    .sort()
    .map((event) => byEvent.get(event)!.sort((a, b) => (a.outlet ?? '').localeCompare(b.outlet ?? '')))
    .filter((list) => new Set(list.map((a) => a.outlet)).size === 2)
    .map((list, k) => ({ name: `H${k + 1}`, event: labels[list[0]!.id]!, articles: list }));
}

/** "ecbplus-3_12ecb" → 12, "ecbplus-3_4ecbplus" → 4. */
const documentNumber = (id: string): number => Number(/_(\d+)ecb/.exec(id)?.[1] ?? Number.NaN);

/**
 * One ECB story per topic: the first `topics` topics by number (above `after` if given), each its
 * `_ecb` sub-topic's first `limit` documents.
 */
async function ecbStories(
  topics: number,
  limit: number,
  after = 0,
  subtopic: 'ecb' | 'ecbplus' = 'ecb',
): Promise<HeldOutStory[]> {
  const { articles, labels } = await readLabelled('ecbplus');
  const byEvent = groupBy(articles, labels);
  const numbers = [...new Set([...byEvent.keys()].map((e) => Number(e.split('_')[0])))].sort((a, b) => a - b);
  const out: HeldOutStory[] = [];
  for (const topic of numbers) {
    if (out.length >= topics) break;
    if (topic <= after) continue;
    const docs = (byEvent.get(`${topic}_${subtopic}`) ?? []).sort(
      (a, b) => documentNumber(a.id) - documentNumber(b.id),
    );
    if (docs.length < 2) continue;
    out.push({ name: `E${out.length + 1}`, event: `${topic}_${subtopic}`, articles: docs.slice(0, limit) });
  }
  return out;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const basil = options.after === undefined && options.subtopic === 'ecb' ? await basilPairs() : [];
  const stories = [
    ...basil,
    ...(await ecbStories(options.topics, options.articles, options.after, options.subtopic)),
  ];
  let total = 0;
  for (const { name, event, articles } of stories) {
    const label = new Map(articles.map((a) => [a.id, a.outlet ?? a.id.replace(/^ecbplus-/, '')]));
    const found = compareTriplet(articles);
    total += found.length;
    console.log(`\n## ${name} event ${event}: ${articles.length} articles, ${found.length} discrepancies`);
    for (const a of articles)
      console.log(`   ${label.get(a.id)}: ${a.title ?? a.text.split('\n')[0]!.slice(0, 100)}`);
    for (const d of found) {
      console.log(`\n  ${name}.${d.id} [${d.kind}] ${d.subject}`);
      for (const v of d.variants) {
        console.log(`    = ${v.value}  (${v.articleIds.map((id) => label.get(id)).join(', ')})`);
        if (options.quotes) for (const q of v.quotes) console.log(`        "${q.replace(/\s+/g, ' ')}"`);
      }
    }
  }
  console.log(`\n${stories.length} stories, ${total} discrepancies`);
}

if (process.argv[1]?.endsWith('print-held-out-discrepancies.ts')) await main();
