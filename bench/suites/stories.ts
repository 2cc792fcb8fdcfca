/**
 * `npm run bench -- stories [--count N] [--sample M]`: online fingerprinting, derivation
 * search and story clustering of N generated articles (real articles scaled up with
 * varied copies and recombined paragraphs), one at a time. Reports throughput, peak RSS,
 * and p50/p95 time to add one article once the index is large (the last M adds).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DerivationIndex } from '../../src/stories/find-derivations.js';
import { StoryClusterer } from '../../src/stories/cluster-stories.js';
import { storyFeatures } from '../../src/stories/story-features.js';
import { dataDir } from '../../eval/data-dir.js';
import { generateArticles } from '../stories/generate-articles.js';
import { option } from '../../scripts/suite-args.js';

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function run(args: string[]): Promise<void> {
  const count = Number(option(args, '--count') ?? 10_000);
  const sample = Math.min(count, Number(option(args, '--sample') ?? 1000));
  const dir = dataDir();
  const seeds = ['ecbplus', 'basil'].flatMap((name) =>
    readFileSync(join(dir, name, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; title?: string }),
  );
  const derivations = new DerivationIndex();
  const clusterer = new StoryClusterer();
  let peak = 0;
  let edges = 0;
  const times: number[] = [];
  const started = performance.now();
  let k = 0;
  for (const article of generateArticles(
    seeds.map((s) => ({ text: s.text, title: s.title ?? null })),
    count,
  )) {
    const t = performance.now();
    edges += derivations.add(article).length;
    clusterer.add(storyFeatures(article));
    const took = performance.now() - t;
    if (k >= count - sample) times.push(took);
    if (++k % 2000 === 0) {
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(
        `  ${k} articles, ${((performance.now() - started) / 1000).toFixed(1)} s, rss ${(peak / 2 ** 20).toFixed(0)} MB`,
      );
    }
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `${count} articles in ${total.toFixed(1)} s (${(count / total).toFixed(0)}/s, generation included); ${clusterer.clusters().length} stories, ${edges} derivation edges; peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(
    `add one article (last ${sample}): p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`,
  );
}
