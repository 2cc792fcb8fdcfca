/**
 * `npm run bench -- stories [--count N] [--sample M] [--progress K] [--threads 1|2|3]`: online fingerprinting,
 * derivation search and story clustering of N generated articles (real articles scaled
 * up with varied copies, recombined paragraphs and word substitutions; streamed, never
 * held all at once), one at a time. Reports wall and process CPU time (with the share
 * spent generating the articles, which is the benchmark's own cost), peak RSS (the
 * kernel's high-water mark), the load average, and p50/p95 time to add one article
 * (fingerprint, derivations, features and clustering) once the index is large: the last M adds.
 * Articles come in publication order over a year; the derivation index keeps its default
 * window (90 days), the story clusterer every story, and article vectors are dropped once
 * clustered (`forgetVectors`, as a monitor does after writing the clustering log).
 * With two threads a worker generates the articles, fingerprints them,
 * runs the derivation search and index and computes the story features, while the main
 * thread clusters the previous ones (the two indexes need nothing of each other, so a
 * monitor can split its work the same way); with three (the default) the derivations run
 * in a worker of their own, fed by the first (on a 2-core machine the three threads even
 * out: the clustering thread is the busiest); `--threads 1` does it all on one.
 * With worker threads, `--idle M` (default 500) more articles follow the stream one at a
 * time, each asked for only once the one before it has its story and its derivations: the
 * time to add one article to an index of N that is not busy with a stream (a monitor's
 * case), apart from the in-stream times, where three threads share two cores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DerivationIndex } from '../../src/stories/find-derivations.js';
import { StoryClusterer } from '../../src/stories/cluster-stories.js';
import { storyFeatures, type CountedFeatures, type StoryFeatures } from '../../src/stories/story-features.js';
import { dataDir } from '../../eval/data-dir.js';
import { generateArticles, type GeneratedArticle } from '../stories/generate-articles.js';
import {
  startFeaturizer,
  threadCpuMs,
  threadHeap,
  type DeriveReport,
  type ThreadHeap,
  type FeaturizedItem,
} from '../stories/featurized.js';
import { option } from '../../scripts/suite-args.js';
import { combineHash } from '../../src/similarity/hash32.js';

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

const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);

/** Each thread's JavaScript heap in use (of its limit) and off-heap buffers, in MB. */
function heapsText(main: ThreadHeap, worker: ThreadHeap | null, deriver: ThreadHeap | null): string {
  const one = (name: string, h: ThreadHeap | null): string[] =>
    h ? [`${name} ${mb(h.used)} of ${mb(h.limit)} MB + ${mb(h.external)} MB buffers`] : [];
  return [...one('main', main), ...one('featurizing', worker), ...one('derivation', deriver)].join('; ');
}

/** One article to index: fingerprinted and featurized already (by the worker) or not. */
type Item = { kind: 'article'; article: GeneratedArticle } | { kind: 'featurized'; item: FeaturizedItem };

export async function run(args: string[]): Promise<void> {
  const count = Number(option(args, '--count') ?? 10_000);
  const sample = Math.min(count, Number(option(args, '--sample') ?? 1000));
  const every = Number(option(args, '--progress') ?? Math.max(2000, Math.round(count / 20)));
  const threads = Number(option(args, '--threads') ?? 3);
  const idleCount = threads === 1 ? 0 : Number(option(args, '--idle') ?? 500);
  const dir = dataDir();
  const seeds = ['ecbplus', 'basil'].flatMap((name) =>
    readFileSync(join(dir, name, 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; title?: string }),
  );
  console.log(
    `${new Date().toISOString()} load average ${loadAverage()}; ${count} articles from ${seeds.length} real ones; ${threads === 1 ? 'one thread' : threads === 2 ? 'generating, fingerprints, derivations and features in a worker thread, clustering on the main thread' : 'generating, fingerprints and features in one worker thread, derivations in another, clustering on the main thread'}`,
  );
  const job = {
    seeds: seeds.map((s) => ({ text: s.text, title: s.title ?? null })),
    count,
    batch: 200,
    extra: idleCount,
  };
  // With three threads the derivation worker reports the time of each article it indexed.
  const sampleDeriveMs = new Float64Array(sample);
  let deriverCpuMs = 0;
  let deriverMs = 0;
  let deriverHeap: ThreadHeap | null = null;
  const onReport = (report: DeriveReport): void => {
    deriverCpuMs = report.threadCpuMs;
    deriverHeap = report.heap;
    const first = report.done - report.deriveMs.length;
    report.deriveMs.forEach((ms, i) => {
      deriverMs += ms;
      const at = first + i - (count - sample);
      if (at >= 0) sampleDeriveMs[at] = ms;
    });
  };
  const featurizer = threads === 1 ? null : startFeaturizer(job, threads >= 3, onReport);
  let workerCpuMs = 0;
  let workerGenerateMs = 0;
  let workerGenerateCpuMs = 0;
  let workerEdges = 0;
  let workerKept = 0;
  let workerHeap: ThreadHeap | null = null;
  async function* items(): AsyncGenerator<Item> {
    if (!featurizer) {
      for (const article of generateArticles(job.seeds, count)) yield { kind: 'article', article };
      return;
    }
    for (let done = 0; done < count;) {
      const batch = await featurizer.next();
      workerCpuMs = batch.threadCpuMs;
      workerGenerateMs = batch.generateMs;
      workerGenerateCpuMs = batch.generateCpuMs;
      workerEdges = batch.edges;
      workerKept = batch.kept;
      workerHeap = batch.heap;
      if (batch.items.length === 0) break;
      for (const item of batch.items) yield { kind: 'featurized', item };
      done += batch.items.length;
    }
  }
  const derivations = new DerivationIndex();
  const clusterer = new StoryClusterer();
  let edges = 0;
  let deriveMs = 0;
  let clusterMs = 0;
  let featurizeMs = 0;
  let workerDeriveMs = 0;
  const times: number[] = [];
  const endToEnd: number[] = [];
  const started = performance.now();
  const cpuStart = cpuSeconds();
  const mainCpuStart = threadCpuMs();
  let cpuLast = cpuStart;
  let mainCpuLast = mainCpuStart;
  let workerCpuLast = 0;
  let generateCpuLast = 0;
  let deriverCpuLast = 0;
  // The derivation worker's CPU (three threads) reaches the main thread with its reports.
  const derivedCpuText = (): string =>
    threads >= 3 ? `, derivation worker ${((deriverCpuMs - deriverCpuLast) / every).toFixed(2)} ms` : '';
  const recent: number[] = [];
  const recentCpu: number[] = [];
  const cpuTimes: number[] = [];
  // A hash of every article's story, in order: two runs that cluster alike print the same.
  let checksum = 0;
  let k = 0;
  for await (const next of items()) {
    // Process CPU per add is read on every 10th article and on the final sample only (the
    // call itself costs a system call), and only with one thread: with the worker running
    // it would count the worker's CPU too.
    const timed = !featurizer && (k >= count - sample || k % 10 === 0);
    const c = timed ? process.cpuUsage() : null;
    const t = performance.now();
    let features: StoryFeatures | null = null;
    let counted: CountedFeatures | null = null;
    if (next.kind === 'featurized') {
      counted = next.item.features;
      featurizeMs += next.item.featurizeMs;
      workerDeriveMs += next.item.deriveMs;
    } else {
      edges += derivations.add(next.article).length;
      features = storyFeatures(next.article);
    }
    const t2 = performance.now();
    // One thread clusters the features' strings; with workers, the counted terms they send
    // (the same vectors and stories: the checksum tells).
    const story = counted ? clusterer.addCounted(counted) : clusterer.add(features as StoryFeatures);
    checksum = combineHash(checksum, story);
    const t3 = performance.now();
    const used = c ? process.cpuUsage(c) : null;
    const cpuMs = used ? (used.user + used.system) / 1000 : -1;
    // As a monitor would once an article's clustering log entry is written.
    if (k % 1000 === 999) clusterer.forgetVectors(k + 1);
    deriveMs += t2 - t;
    clusterMs += t3 - t2;
    if (k >= count - sample) {
      times.push(t3 - t);
      if (next.kind === 'featurized') endToEnd.push(t3 - t + next.item.featurizeMs + next.item.deriveMs);
      if (cpuMs >= 0) cpuTimes.push(cpuMs);
    }
    recent.push(t3 - t);
    if (cpuMs >= 0) recentCpu.push(cpuMs);
    if (++k % every === 0) {
      recent.sort((a, b) => a - b);
      recentCpu.sort((a, b) => a - b);
      const cpuNow = cpuSeconds();
      const mainNow = threadCpuMs();
      const perAdd = featurizer
        ? `add p50 / p95 ${quantile(recent, 0.5).toFixed(2)} / ${quantile(recent, 0.95).toFixed(2)} ms wall on the main thread; CPU per article: main thread ${((mainNow - mainCpuLast) / every).toFixed(2)} ms, worker ${((workerCpuMs - workerCpuLast) / every).toFixed(2)} ms (generating ${((workerGenerateCpuMs - generateCpuLast) / every).toFixed(2)} ms)${derivedCpuText()}`
        : `add p50 / p95 ${quantile(recent, 0.5).toFixed(2)} / ${quantile(recent, 0.95).toFixed(2)} ms wall, ${quantile(recentCpu, 0.5).toFixed(2)} / ${quantile(recentCpu, 0.95).toFixed(2)} ms CPU`;
      console.log(
        `  ${k} articles, ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${(cpuNow - cpuStart).toFixed(1)} s CPU (${(((cpuNow - cpuLast) / every) * 1000).toFixed(2)} ms process CPU per article in the last ${every}, ${perAdd}), peak RSS ${(peakRss() / 2 ** 20).toFixed(0)} MB, load ${loadAverage()}`,
      );
      console.log(`    heaps: ${heapsText(threadHeap(), workerHeap, deriverHeap)}`);
      recent.length = 0;
      recentCpu.length = 0;
      cpuLast = cpuNow;
      mainCpuLast = mainNow;
      workerCpuLast = workerCpuMs;
      generateCpuLast = workerGenerateCpuMs;
      deriverCpuLast = deriverCpuMs;
    }
  }
  const mainCpu = (threadCpuMs() - mainCpuStart) / 1000;
  // Three threads: the derivation worker may finish after the main thread.
  const derived = (await featurizer?.derived()) ?? null;
  const total = (performance.now() - started) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  const work = (deriveMs + clusterMs) / 1000;
  if (derived) {
    workerEdges = derived.edges;
    workerKept = derived.kept;
    workerDeriveMs = deriverMs;
    endToEnd.forEach((ms, i) => (endToEnd[i] = ms + (sampleDeriveMs[i] as number)));
  }
  times.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  console.log(
    `${count} articles in ${total.toFixed(1)} s wall (${(count / total).toFixed(0)}/s), ${cpu.toFixed(1)} s process CPU (${((cpu / count) * 1000).toFixed(2)} ms per article)`,
  );
  // What the issue times is fingerprinting plus clustering: the generator's own thread CPU
  // (measured per batch in the worker) is the benchmark's cost, not the engine's.
  if (featurizer)
    console.log(
      `of the process CPU, generating the articles ${(workerGenerateCpuMs / 1000).toFixed(1)} s (${(workerGenerateCpuMs / count).toFixed(2)} ms per article, worker thread CPU); the rest, fingerprints, derivations, features, clustering and the garbage collector: ${(cpu - workerGenerateCpuMs / 1000).toFixed(1)} s (${((cpu * 1000 - workerGenerateCpuMs) / count).toFixed(2)} ms per article)`,
    );
  if (featurizer)
    console.log(
      `main thread: ${mainCpu.toFixed(1)} s CPU (${((mainCpu / count) * 1000).toFixed(2)} ms per article), ${work.toFixed(1)} s wall clustering; ` +
        `worker thread: ${(workerCpuMs / 1000).toFixed(1)} s CPU (${(workerCpuMs / count).toFixed(2)} ms per article), of its wall time ${(featurizeMs / 1000).toFixed(1)} s fingerprinting + features, ${(workerGenerateMs / 1000).toFixed(1)} s generating articles` +
        (derived
          ? `; derivation worker: ${(deriverCpuMs / 1000).toFixed(1)} s CPU (${(deriverCpuMs / count).toFixed(2)} ms per article), ${(workerDeriveMs / 1000).toFixed(1)} s wall`
          : `, ${(workerDeriveMs / 1000).toFixed(1)} s derivations`) +
        `; the rest of the process CPU is the garbage collector's and other helper threads`,
    );
  else
    console.log(
      `of the wall time ${work.toFixed(1)} s fingerprinting + clustering (${(count / work).toFixed(0)}/s: derivations ${(deriveMs / 1000).toFixed(1)} s, features + clustering ${(clusterMs / 1000).toFixed(1)} s), the rest generating articles`,
    );
  console.log(
    `${clusterer.clusters().length} stories, ${featurizer ? workerEdges : edges} derivation edges, ${featurizer ? workerKept : derivations.keptCount} articles in the derivation window (story checksum ${checksum.toString(16).padStart(8, '0')}); peak RSS ${(peakRss() / 2 ** 20).toFixed(0)} MB; load average at the end ${loadAverage()}`,
  );
  const stats = clusterer['stats'];
  let centroidTerms = 0;
  for (const story of clusterer['stories']) centroidTerms += story?.centroid.size ?? 0;
  console.log(
    `clusterer: ${stats.dictionarySize} terms in the dictionary (${stats.termCount} ids given, one-off terms forgotten), ${clusterer.lookupListCount} look-up posting lists, ${centroidTerms} story centroid terms`,
  );
  console.log(
    `add one article (last ${sample}, index of ${count - sample}+): p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms wall` +
      (featurizer
        ? ` on the main thread (clustering); with the worker's fingerprinting, features and derivations of the same article: p50 ${quantile(endToEnd, 0.5).toFixed(2)} ms, p95 ${quantile(endToEnd, 0.95).toFixed(2)} ms (wall includes waiting for a core on a loaded machine)`
        : `; process CPU p50 ${quantile(cpuTimes, 0.5).toFixed(2)} ms, p95 ${quantile(cpuTimes, 0.95).toFixed(2)} ms (wall includes waiting for a core on a loaded machine)`),
  );
  // After the stream's figures, so that they count the stream alone.
  const idle = featurizer ? await addIdle(featurizer, clusterer, count, idleCount, workerGenerateMs) : [];
  await featurizer?.stop();
  if (idle.length > 0)
    console.log(
      `add one article to the index of ${count} with no stream running (${idle.length} articles, each asked for once the one before it had its story and derivations; wall from asking to both, the worker's generating of it taken out): p50 ${quantile(idle, 0.5).toFixed(2)} ms, p95 ${quantile(idle, 0.95).toFixed(2)} ms, p99 ${quantile(idle, 0.99).toFixed(2)} ms, max ${(idle[idle.length - 1] ?? 0).toFixed(2)} ms; load ${loadAverage()}`,
    );
}

/**
 * Adds `n` articles after the stream one at a time: fingerprints and features in the
 * worker, clustering here while the derivation worker searches and indexes the same
 * article; the next is asked for once both are done. Returns each add's wall time (ms),
 * sorted, less the worker's time generating the article (the benchmark's own cost).
 */
async function addIdle(
  featurizer: NonNullable<ReturnType<typeof startFeaturizer>>,
  clusterer: StoryClusterer,
  count: number,
  n: number,
  generatedBefore: number,
): Promise<number[]> {
  const times: number[] = [];
  let generated = generatedBefore;
  for (let j = 0; j < n; j++) {
    const t = performance.now();
    const batch = await featurizer.one();
    const item = batch.items[0] as FeaturizedItem;
    clusterer.addCounted(item.features);
    await featurizer.derivedUpTo(count + j + 1);
    const generating = batch.generateMs - generated;
    generated = batch.generateMs;
    times.push(performance.now() - t - generating);
  }
  return times.sort((a, b) => a - b);
}
