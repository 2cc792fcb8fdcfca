/**
 * `npm run bench -- annotate [--passes N] [--limit N]`: annotation throughput on the real
 * articles of ECB+, BASIL and the PolNeAR texts (train and dev). Articles are read and
 * cleaned once before timing; one warm-up pass, then N timed passes on one thread.
 *
 * Two measures: per-stage cost (each stage timed on its own, article by article, as
 * `annotateArticle` chains them, in process CPU time, which is steadier than the wall
 * clock on a shared machine; the join of entity keys across the articles once per pass)
 * and the whole of `annotateArticles`. Reports ms/article per stage, articles/s (wall
 * clock and process CPU time), chars/s and peak RSS.
 */
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dataDir } from '../../eval/data-dir.js';
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import { extractAttributions } from '../../src/annotate/attributions/extract-attributions.js';
import { findHedges } from '../../src/annotate/hedges/find-hedges.js';
import { findMentions } from '../../src/annotate/mentions/find-mentions.js';
import { tokenizeWords } from '../../src/annotate/mentions/tokenize-words.js';
import { findQuantities } from '../../src/annotate/quantities/find-quantities.js';
import { resolveJoinedEntityKeys } from '../../src/annotate/mentions/resolve-entity-keys.js';
import { resolveSourceKeys } from '../../src/annotate/resolve-source-keys.js';
import { splitSentences } from '../../src/annotate/sentences/split-sentences.js';
import { findTimes } from '../../src/annotate/times/find-times.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import { option, median } from '../../scripts/suite-args.js';

const STAGES = ['sentences', 'mentions', 'quantities', 'times', 'attributions', 'hedges', 'join'] as const;
type Stage = (typeof STAGES)[number];

async function loadArticles(limit: number): Promise<Article[]> {
  const data = dataDir();
  const polnear = ['train', 'dev'].flatMap((split) => {
    const dir = join(data, 'polnear', split, 'text');
    return readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => join(dir, f));
  });
  const inputs = [join(data, 'ecbplus', 'articles.jsonl'), join(data, 'basil', 'articles.jsonl'), ...polnear];
  const { articles } = await readArticles(inputs);
  return Number.isFinite(limit) ? articles.slice(0, limit) : articles;
}

/** Process CPU time in milliseconds. */
function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs every stage on every article, adding each stage's CPU time to `totals`. */
function stagePass(articles: Article[], totals: Record<Stage, number>): number {
  let sink = 0;
  const own = [];
  for (const article of articles) {
    const { text } = article;
    let t = cpuNow();
    const sentences = splitSentences(text);
    let now = cpuNow();
    totals.sentences += now - t;
    t = now;
    // The word tokens are shared by mentions and quantities; their cost counts under mentions.
    const words = tokenizeWords(text);
    const mentions = findMentions(text, words);
    own.push(mentions);
    now = cpuNow();
    totals.mentions += now - t;
    t = now;
    const quantities = findQuantities(text, words);
    now = cpuNow();
    totals.quantities += now - t;
    t = now;
    const times = findTimes(text, article.published);
    now = cpuNow();
    totals.times += now - t;
    t = now;
    const attributions = resolveSourceKeys(extractAttributions(text, sentences), mentions);
    now = cpuNow();
    totals.attributions += now - t;
    t = now;
    const hedges = findHedges(text, sentences, attributions);
    now = cpuNow();
    totals.hedges += now - t;
    sink += sentences.length + quantities.length + times.length + hedges.length;
  }
  const t = cpuNow();
  sink += resolveJoinedEntityKeys(own).length;
  totals.join += cpuNow() - t;
  return sink;
}

export async function run(args: string[]): Promise<void> {
  const passes = Math.max(1, Number(option(args, '--passes') ?? 3));
  const limitArg = option(args, '--limit');
  const limit = limitArg === null ? Infinity : Math.max(1, Number(limitArg));
  if (Number.isNaN(limit)) {
    console.error('bench annotate: --limit expects a number of articles');
    process.exit(2);
  }

  const articles = await loadArticles(limit);
  const chars = articles.reduce((sum, a) => sum + a.text.length, 0);
  const n = articles.length;

  let sink = 0;
  // Warm-up: JIT, lazily built lexicons and the attribution model.
  sink += stagePass(articles, Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>);
  sink += annotateArticles(articles).length;

  const stageRuns: Record<Stage, number>[] = [];
  for (let i = 0; i < passes; i++) {
    const totals = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
    sink += stagePass(articles, totals);
    stageRuns.push(totals);
  }

  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    sink += annotateArticles(articles).length;
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const perStage = STAGES.map((s) => ({ stage: s, ms: median(stageRuns.map((r) => r[s])) / n }));
  const stageTotal = perStage.reduce((sum, s) => sum + s.ms, 0);
  const midWall = median(wall);
  const midCpu = median(cpu);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

  console.log(
    `annotate: ${n} articles (${(chars / 1e6).toFixed(2)} M chars, ${Math.round(chars / n)} chars/article), ` +
      `${passes} timed passes after 1 warm-up; load average ${load}`,
  );
  console.log('');
  console.log('stage          CPU ms/article  share');
  console.log('-------------  --------------  -----');
  for (const { stage, ms } of perStage) {
    console.log(
      `${stage.padEnd(13)}  ${ms.toFixed(3).padStart(14)}  ${((100 * ms) / stageTotal).toFixed(0).padStart(4)}%`,
    );
  }
  console.log(`${'total'.padEnd(13)}  ${stageTotal.toFixed(3).padStart(14)}`);
  const others = stageTotal - (perStage.find((s) => s.stage === 'attributions')?.ms ?? 0);
  console.log(`${'all but attr.'.padEnd(13)}  ${others.toFixed(3).padStart(14)}`);
  console.log('');
  console.log('annotateArticles (whole batch, entity keys joined)');
  console.log('measure                 value');
  console.log('----------------------  --------');
  console.log(`articles/s (median)     ${((n * 1000) / midWall).toFixed(1)}`);
  console.log(`articles/s (best)       ${((n * 1000) / Math.min(...wall)).toFixed(1)}`);
  console.log(`articles/s (CPU time)   ${((n * 1000) / midCpu).toFixed(1)}`);
  console.log(`chars/s (median)        ${((chars * 1000) / midWall / 1000).toFixed(0)}k`);
  console.log(`ms/article (median)     ${(midWall / n).toFixed(3)}`);
  console.log(`peak RSS                ${peakRssMb.toFixed(0)} MB`);
  if (sink < 0) console.log(sink);
}
