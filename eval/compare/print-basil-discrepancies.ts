/**
 * `npx tsx eval/compare/print-basil-discrepancies.ts [--events N] [--from K] [--no-quotes]`: the discrepancies the
 * comparison lists on real BASIL triplets, printed so that anyone can read them against
 * the quotes and judge each (the hand reading is in eval/compare/basil-reading.md).
 *
 * Which stories: BASIL events sorted by event id (the label in labels.json), the first N
 * (default 20) that have all three outlets, printed from the K-th (default 1: `--events 30 --from 21`
 * is the held-out reading of events 21–30); articles in outlet order (fox, hpo, nyt). Each
 * triplet is annotated together and compared as one story, every outlet its own origin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import { compareStory } from '../../src/compare/index.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import type { Discrepancy } from '../../src/model/comparison.js';
import { dataDir } from '../data-dir.js';

interface Options {
  events: number;
  /** The first story printed (1-based), for a held-out reading of later events. */
  from: number;
  quotes: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { events: 20, from: 1, quotes: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--events' && args[i + 1]) options.events = Number(args[++i]);
    else if (a === '--from' && args[i + 1]) options.from = Number(args[++i]);
    else if (a === '--no-quotes') options.quotes = false;
    else {
      console.error(`print-basil-discrepancies: unknown option ${a}; use --events N, --from K, --no-quotes`);
      process.exit(2);
    }
  }
  return options;
}

/** The first `count` complete triplets, by event id, each in outlet order. */
export async function basilTriplets(count: number): Promise<{ event: string; articles: Article[] }[]> {
  const dir = join(dataDir(), 'basil');
  const { articles } = await readArticles([join(dir, 'articles.jsonl')]);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, string>;
  const byEvent = new Map<string, Article[]>();
  for (const a of articles) {
    const event = labels[a.id];
    if (event) byEvent.set(event, [...(byEvent.get(event) ?? []), a]);
  }
  return [...byEvent.keys()]
    .sort()
    .map((event) => ({
      event,
      articles: byEvent.get(event)!.sort((a, b) => (a.outlet ?? '').localeCompare(b.outlet ?? '')),
    }))
    .filter((t) => new Set(t.articles.map((a) => a.outlet)).size === 3)
    .slice(0, count);
}

/** The discrepancies of one triplet compared as one story, each outlet its own origin. */
export function compareTriplet(articles: Article[]): Discrepancy[] {
  const annotated = annotateArticles(articles);
  return compareStory({
    articles,
    annotations: annotated.map((a) => a.annotations),
    origins: articles.map((a) => a.id),
  }).discrepancies;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const triplets = await basilTriplets(options.events);
  let total = 0;
  let printed = 0;
  for (const [k, { event, articles }] of triplets.entries()) {
    if (k + 1 < options.from) continue;
    printed++;
    const outletOf = new Map(articles.map((a) => [a.id, a.outlet ?? a.id]));
    const found = compareTriplet(articles);
    total += found.length;
    console.log(`\n## S${k + 1} event ${event}: ${found.length} discrepancies`);
    for (const a of articles) console.log(`   ${a.outlet}: ${a.title ?? ''}`);
    for (const d of found) {
      console.log(`\n  S${k + 1}.${d.id} [${d.kind}] ${d.subject}`);
      for (const v of d.variants) {
        console.log(`    = ${v.value}  (${v.articleIds.map((id) => outletOf.get(id)).join(', ')})`);
        if (options.quotes) for (const q of v.quotes) console.log(`        "${q.replace(/\s+/g, ' ')}"`);
      }
    }
  }
  console.log(`\n${printed} stories, ${total} discrepancies`);
}

if (process.argv[1]?.endsWith('print-basil-discrepancies.ts')) await main();
