/**
 * `npx tsx eval/compare/print-polnear-stories.ts [--split train|dev] [--from K] [--stories N] [--seed S] [--max-articles M] [--list] [--no-quotes]`:
 * a fresh held-out set of real multi-outlet stories for the hand-read precision of discrepancies
 * (Reading 7 in eval/compare/basil-reading.md), made after every BASIL and ECB+ story had been read.
 *
 * Where the stories come from (fixed before any of their discrepancies was printed): the PolNeAR
 * `train` texts (840 articles by 7 US outlets on the 2016 election; `dev` is left alone, it is the
 * attribution benchmark's report split). Each article's outlet and publication date come from its
 * file name (`<outlet>_<YYYY-MM-DD>_<slug>.txt`), its title from its first line. The articles are
 * clustered by corroborate's own story clustering (`buildStories`, default settings), as
 * `corroborate analyze` would on this batch. The clustering follows a topic for months on this
 * sparse sample (about 84 articles a month over 7 outlets), so each story is cut into runs of one
 * event's coverage (articles at most two days apart); the held-out set is the runs with articles
 * from at least two outlets and at most `--max-articles` (default 8) articles, put in a seeded
 * random order (`--seed`, default 2026) and cut to the first N (default 20). Each run is compared
 * as the report compares a story (support by independence group of its clustered story).
 *
 * `--list` prints the chosen stories (outlets, dates, titles) without running the comparison.
 *
 * Reading 8 (rule fixed in this file's commit before any of its output was printed) takes what
 * Reading 7 left: `--split train --max-articles 40 --exclude 20@8` (every train run of up to 40
 * articles, so that the larger events count too — a run of more articles is the campaign's
 * day-by-day chain, not one event — except Reading 7's: the first 20 of the order made with
 * `--max-articles 8`) and `--split dev --max-articles 40` (the 84 `dev` texts clustered on their
 * own: reading their discrepancies uses none of dev's attribution labels and changes nothing the
 * attribution benchmark measures).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import { compareStory } from '../../src/compare/index.js';
import { cleanDraft } from '../../src/ingest/clean/clean-draft.js';
import type { Annotations } from '../../src/model/annotations.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { buildStories } from '../../src/stories/build-stories.js';
import { dataDir } from '../data-dir.js';
import { random } from '../train/perceptron.js';

interface Options {
  split: 'train' | 'dev';
  /** 1-based position in the seeded order of the first run printed. */
  from: number;
  /** Leaves out the first `count` runs of the order made with `maxArticles` (a set read before). */
  exclude: { count: number; maxArticles: number } | null;
  stories: number;
  seed: number;
  maxArticles: number;
  list: boolean;
  quotes: boolean;
}

const USAGE =
  'use --split train|dev (default train), --from K (default 1), --exclude N@M, --stories N (default 20), --seed S (default 2026), --max-articles M (default 8), --list, --no-quotes';

export function parseArgs(args: readonly string[]): Options {
  const options: Options = {
    split: 'train',
    from: 1,
    exclude: null,
    stories: 20,
    seed: 2026,
    maxArticles: 8,
    list: false,
    quotes: true,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    const numeric = next !== undefined && /^\d+$/.test(next);
    if (a === '--split' && (next === 'train' || next === 'dev'))
      options.split = args[++i] as Options['split'];
    else if (a === '--from' && numeric && Number(next) >= 1) options.from = Number(args[++i]);
    else if (a === '--exclude' && next !== undefined && /^\d+@\d+$/.test(next)) {
      const [count, maxArticles] = args[++i]!.split('@').map(Number) as [number, number];
      options.exclude = { count, maxArticles };
    } else if (a === '--stories' && numeric) options.stories = Number(args[++i]);
    else if (a === '--seed' && numeric) options.seed = Number(args[++i]);
    else if (a === '--max-articles' && numeric) options.maxArticles = Number(args[++i]);
    else if (a === '--list') options.list = true;
    else if (a === '--no-quotes') options.quotes = false;
    else throw new Error(`print-polnear-stories: unknown or incomplete option ${a}; ${USAGE}`);
  }
  return options;
}

/** `nyt_2016-03-02_some-slug.txt` → outlet `nyt`, date `2016-03-02`; null when the name has another shape. */
export function readFileName(name: string): { outlet: string; date: string } | null {
  const m = /^([a-z-]+)_(\d{4}-\d{2}-\d{2})_.+\.txt$/.exec(name);
  return m ? { outlet: m[1]!, date: m[2]! } : null;
}

/** The PolNeAR articles of one split, each with its outlet and date from the file name. */
function readPolnear(split: Options['split']): Article[] {
  const dir = join(dataDir(), 'polnear', split, 'text');
  const articles: Article[] = [];
  for (const name of readdirSync(dir).sort()) {
    const meta = readFileName(name);
    if (!meta) continue;
    const body = readFileSync(join(dir, name), 'utf8');
    const { article } = cleanDraft({
      id: `polnear-${name.replace(/\.txt$/, '')}`,
      input: join(dir, name),
      kind: 'text',
      body,
      outlet: meta.outlet,
      published: meta.date,
    });
    if (article) articles.push(article);
  }
  return articles;
}

const DAY_MS = 86_400_000;

/**
 * A story's articles cut into runs of one event's coverage: sorted by date, a new run wherever two
 * consecutive articles are more than `gapDays` apart. A topic the clustering follows for months
 * (the campaign's abortion coverage) is thus split into its news events.
 */
export function splitByDate(
  articleIds: readonly string[],
  dateOf: ReadonlyMap<string, string>,
  gapDays: number,
): string[][] {
  const sorted = [...articleIds].sort(
    (a, b) => (dateOf.get(a) ?? '').localeCompare(dateOf.get(b) ?? '') || a.localeCompare(b),
  );
  const runs: string[][] = [];
  let last = Number.NaN;
  for (const id of sorted) {
    const time = Date.parse(dateOf.get(id) ?? '');
    if (runs.length === 0 || !(time - last <= gapDays * DAY_MS)) runs.push([]);
    runs[runs.length - 1]!.push(id);
    last = time;
  }
  return runs;
}

/**
 * The held-out stories: each clustered story cut into runs of articles at most two days apart,
 * the runs with at least two outlets and at most `maxArticles` articles, in a seeded order, the
 * first N.
 */
export function chooseStories(
  stories: readonly Story[],
  outletOf: ReadonlyMap<string, string>,
  dateOf: ReadonlyMap<string, string>,
  options: Pick<Options, 'stories' | 'seed' | 'maxArticles'>,
): HeldOutStory[] {
  const eligible: HeldOutStory[] = [];
  for (const story of stories)
    for (const run of splitByDate(story.articleIds, dateOf, 2))
      if (run.length <= options.maxArticles && new Set(run.map((id) => outletOf.get(id))).size >= 2)
        eligible.push({ articleIds: run, story });
  eligible.sort((a, b) => a.articleIds[0]!.localeCompare(b.articleIds[0]!));
  const next = random(options.seed);
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
  }
  return eligible.slice(0, options.stories);
}

interface HeldOutStory {
  /** The run's articles, in date order. */
  articleIds: string[];
  /** The clustered story it was cut from (for its independence groups). */
  story: Story;
}

function main(): void {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const articles = readPolnear(options.split);
  const annotated = annotateArticles(articles);
  const annotations = new Map<string, Annotations>(annotated.map((a) => [a.article.id, a.annotations]));
  const stories = buildStories(
    articles,
    annotated.map((a) => a.annotations),
  );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = new Map(articles.map((a) => [a.id, a.outlet ?? a.id]));
  const dateOf = new Map(articles.map((a) => [a.id, a.published ?? '']));
  const readBefore = new Set(
    options.exclude
      ? chooseStories(stories, outletOf, dateOf, {
          seed: options.seed,
          stories: options.exclude.count,
          maxArticles: options.exclude.maxArticles,
        }).map((run) => run.articleIds.join(' '))
      : [],
  );
  const all = chooseStories(stories, outletOf, dateOf, {
    ...options,
    stories: Number.MAX_SAFE_INTEGER,
  }).filter((run) => !readBefore.has(run.articleIds.join(' ')));
  const chosen = all.slice(options.from - 1, options.from - 1 + options.stories);
  console.log(
    `PolNeAR ${options.split}: ${articles.length} articles, ${stories.length} stories; ${all.length} runs of articles at most two days apart with two or more outlets and at most ${options.maxArticles} articles${options.exclude ? ` (not counting the first ${options.exclude.count} of those with at most ${options.exclude.maxArticles})` : ''}; ${chosen.length} chosen from number ${options.from} (seed ${options.seed})`,
  );
  let total = 0;
  for (const [k, { articleIds, story }] of chosen.entries()) {
    const name = `${options.split === 'dev' ? 'D' : 'P'}${options.from + k}`;
    const list = articleIds.map((id) => byId.get(id)!);
    const label = new Map(list.map((a) => [a.id, `${a.outlet} ${a.published?.slice(0, 10)}`]));
    console.log(`\n## ${name}: ${list.length} articles`);
    for (const a of list)
      console.log(`   ${label.get(a.id)}: ${(a.title ?? a.text.split('\n')[0]!).slice(0, 100)}`);
    if (options.list) continue;
    const origin = new Map<string, string>();
    for (const group of story.independentGroups) for (const id of group) origin.set(id, group[0]!);
    const { discrepancies } = compareStory({
      articles: list,
      annotations: list.map((a) => annotations.get(a.id)!),
      origins: list.map((a) => origin.get(a.id) ?? a.id),
    });
    total += discrepancies.length;
    console.log(`   ${discrepancies.length} discrepancies`);
    for (const d of discrepancies) {
      console.log(`\n  ${name}.${d.id} [${d.kind}] ${d.subject}`);
      for (const v of d.variants) {
        console.log(`    = ${v.value}  (${v.articleIds.map((id) => label.get(id)).join(', ')})`);
        if (options.quotes) for (const q of v.quotes) console.log(`        "${q.replace(/\s+/g, ' ')}"`);
      }
    }
  }
  if (!options.list) console.log(`\n${chosen.length} stories, ${total} discrepancies`);
}

if (process.argv[1]?.endsWith('print-polnear-stories.ts')) main();
