/**
 * `npm run bench -- stories [--count N] [--sample M] [--progress K]`: online fingerprinting,
 * derivation search and story clustering of N generated articles (real articles scaled
 * up with varied copies, recombined paragraphs and word substitutions; streamed, never
 * held all at once), one at a time. Reports wall and process CPU time (with the share
 * spent generating the articles, which is the benchmark's own cost), peak RSS (the
 * kernel's high-water mark), the load average, and p50/p95 time to add one article
 * (fingerprint, derivations, features and clustering) once the index is large: the last M adds.
 * Articles come in publication order over a year; the derivation index keeps its default
 * window (90 days), the story clusterer every story, and article vectors are dropped once
 * clustered (`forgetVectors`, as a monitor does after writing the clustering log).
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

/** The kernel's peak resident set size of this process (VmHWM), in bytes; RSS now when unavailable. */
function peakRss(): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss;
}

const loadAverage = (): string => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'n/a';
  }
};

const cpuSeconds = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

export async function run(args: string[]): Promise<void> {
  const count = Number(option(args, '--count') ?? 10_000);
  const sample = Math.min(count, Number(option(args, '--sample') ?? 1000));
  const every = Number(option(args, '--progress') ?? Math.max(2000, Math.round(count / 20)));
  const dir = dataDir();
  const seeds = ['ecbplus', 'basil'].flatMap((name) =>
    readFileSync(join(dir, name, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; title?: string }),
  );
  console.log(
    `${new Date().toISOString()} load average ${loadAverage()}; ${count} articles from ${seeds.length} real ones`,
  );
  const derivations = new DerivationIndex();
  const clusterer = new StoryClusterer();
  let edges = 0;
  let deriveMs = 0;
  let clusterMs = 0;
  const times: number[] = [];
  const started = performance.now();
  const cpuStart = cpuSeconds();
  let cpuLast = cpuStart;
  const recent: number[] = [];
  const recentCpu: number[] = [];
  const cpuTimes: number[] = [];
  let k = 0;
  const articles = generateArticles(
    seeds.map((s) => ({ text: s.text, title: s.title ?? null })),
    count,
  );
  for (const article of articles) {
    // Process CPU per add is read on every 10th article and on the final sample only:
    // the call itself costs a system call.
    const timed = k >= count - sample || k % 10 === 0;
    const c = timed ? process.cpuUsage() : null;
    const t = performance.now();
    edges += derivations.add(article).length;
    const t2 = performance.now();
    clusterer.add(storyFeatures(article));
    const t3 = performance.now();
    const used = c ? process.cpuUsage(c) : null;
    const cpuMs = used ? (used.user + used.system) / 1000 : -1;
    // As a monitor would once an article's clustering log entry is written.
    if (k % 1000 === 999) clusterer.forgetVectors(k + 1);
    deriveMs += t2 - t;
    clusterMs += t3 - t2;
    if (k >= count - sample) {
      times.push(t3 - t);
      cpuTimes.push(cpuMs);
    }
    recent.push(t3 - t);
    if (cpuMs >= 0) recentCpu.push(cpuMs);
    if (++k % every === 0) {
      recent.sort((a, b) => a - b);
      recentCpu.sort((a, b) => a - b);
      const cpuNow = cpuSeconds();
      console.log(
        `  ${k} articles, ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${(cpuNow - cpuStart).toFixed(1)} s CPU (${(((cpuNow - cpuLast) / every) * 1000).toFixed(2)} ms per article in the last ${every}, add p50 / p95 ${quantile(recent, 0.5).toFixed(2)} / ${quantile(recent, 0.95).toFixed(2)} ms wall, ${quantile(recentCpu, 0.5).toFixed(2)} / ${quantile(recentCpu, 0.95).toFixed(2)} ms CPU), peak RSS ${(peakRss() / 2 ** 20).toFixed(0)} MB, load ${loadAverage()}`,
      );
      recent.length = 0;
      recentCpu.length = 0;
      cpuLast = cpuNow;
    }
  }
  const total = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  const work = (deriveMs + clusterMs) / 1000;
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(
    `${count} articles in ${total.toFixed(1)} s wall (${(count / total).toFixed(0)}/s), ${cpu.toFixed(1)} s process CPU; ` +
      `of the wall time ${work.toFixed(1)} s fingerprinting + clustering (${(count / work).toFixed(0)}/s: derivations ${(deriveMs / 1000).toFixed(1)} s, features + clustering ${(clusterMs / 1000).toFixed(1)} s), the rest generating articles`,
  );
  console.log(
    `${clusterer.clusters().length} stories, ${edges} derivation edges, ${derivations.keptCount} articles in the derivation window; peak RSS ${(peakRss() / 2 ** 20).toFixed(0)} MB; load average at the end ${loadAverage()}`,
  );
  const stats = clusterer['stats'];
  let centroidTerms = 0;
  for (const story of clusterer['stories']) centroidTerms += story?.centroid.size ?? 0;
  console.log(
    `clusterer: ${stats.termCount} terms in the dictionary, ${clusterer['postings'].size} look-up posting lists, ${centroidTerms} story centroid terms`,
  );
  console.log(
    `add one article (last ${sample}, index of ${count - sample}+): p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms wall; process CPU p50 ${quantile(cpuTimes, 0.5).toFixed(2)} ms, p95 ${quantile(cpuTimes, 0.95).toFixed(2)} ms (wall includes waiting for a core on a loaded machine)`,
  );
}
