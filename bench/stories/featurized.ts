import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import type { CompactFingerprint } from '../../src/stories/find-derivations.js';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { CountedFeatures } from '../../src/stories/story-features.js';

/** What the featurizing worker is given. */
export interface FeaturizeJob {
  seeds: { text: string; title: string | null }[];
  count: number;
  /** Articles per message. */
  batch: number;
  /**
   * Articles after the stream, generated one at a time on request (`one`), each only once
   * the one before it is fully indexed: the time to add one article to an idle index.
   */
  extra?: number;
}

/** What the derivation worker reports after each batch of fingerprints. */
export interface DeriveReport {
  /** Articles indexed so far. */
  done: number;
  edges: number;
  kept: number;
  threadCpuMs: number;
  /** The derivation worker's JavaScript heap in use and its off-heap buffers (bytes). */
  heap: ThreadHeap;
  /** Wall time (ms) of each article of this batch, in order, from article `done - deriveMs.length`. */
  deriveMs: number[];
}

/** The buffers of a compact fingerprint, to transfer. */
export function fingerprintBuffers(f: CompactFingerprint): ArrayBuffer[] {
  return [f.shingles, f.signature, f.sentenceHashes, f.sentenceEnds, f.words, f.distinct].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

/**
 * JavaScript heap limits (old generation, MB) of the two workers. With the main thread's
 * default (about 4 GB on this machine) they add up to under 8 GB, the memory goal,
 * so a run that outgrows it fails rather than passing it. What they hold, measured at
 * 150,000 articles (the bench prints each thread's heap): the featurizing worker about
 * 60 MB (nothing kept between articles), the derivation worker about 55 MB of objects
 * (its window's arrays are off-heap buffers, which these limits do not count).
 */
const FEATURIZER_HEAP_MB = 1024;
const DERIVER_HEAP_MB = 2048;

/**
 * Young generation (MB; V8 takes a third of it for each semi-space) of the featurizing
 * worker: 192 instead of V8's 48. That worker allocates about 230 KB an article, nearly
 * all garbage by the article's end, but a batch's generated articles and results live
 * until it is sent: with 16 MB semi-spaces a scavenge came every 60-odd articles and
 * copied, then promoted, the batch in flight (about 14 KB an article promoted, later
 * collected by 120 mark-compacts per 100,000 articles). With 64 MB most of a batch is
 * dead by the next scavenge. Measured at 100,000 articles: its scavenges 1,513 to 392,
 * mark-compacts 122 to 3; in one thread (the worker's loop over 20,000 articles)
 * process CPU 4-6% lower; peak RSS about 150 MB higher. The derivation worker keeps
 * V8's default: its CPU was the same with either (it allocates a fifth as much).
 */
const FEATURIZER_YOUNG_MB = 192;

/** Starts a TypeScript worker module (loaded through tsx's loader in the worker). */
function startWorker(
  file: string,
  workerData: unknown,
  heapMb: number,
  youngMb: number | undefined,
  transferList: MessagePort[] = [],
): Worker {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const url = new URL(file, import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData,
    transferList: transferList as Transferable[],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: youngMb },
  });
}

/** One generated article, fingerprinted, indexed for derivations and featurized by the worker. */
export interface FeaturizedItem {
  /** Its story features, terms counted and hashed (`countedFeatures`): typed arrays, transferred. */
  features: CountedFeatures;
  /** Worker wall time fingerprinting and featurizing this article (ms). */
  featurizeMs: number;
  /** Worker wall time of the derivation search and indexing of this article (ms). */
  deriveMs: number;
}

/** The buffers of an item's counted features, to transfer. */
export function itemBuffers(item: FeaturizedItem): ArrayBuffer[] {
  const { terms, kinds } = item.features;
  return [terms.ends, terms.hashes, terms.counts, kinds].map((a) => a.buffer as ArrayBuffer);
}

export interface FeaturizedBatch {
  items: FeaturizedItem[];
  /** Worker wall time spent generating articles so far (ms). */
  generateMs: number;
  /** Worker thread CPU spent generating articles so far (ms; 10 ms clock ticks, read per batch). */
  generateCpuMs: number;
  /** Worker thread CPU so far (ms), NaN where unknown. */
  threadCpuMs: number;
  /** Derivation edges found so far. */
  edges: number;
  /** Articles in the derivation index's window now. */
  kept: number;
  /** The featurizing worker's JavaScript heap in use and its off-heap buffers (bytes). */
  heap: ThreadHeap;
}

/** One thread's memory: its JavaScript heap in use, its heap limit and its off-heap (array buffer) memory, bytes. */
export interface ThreadHeap {
  used: number;
  limit: number;
  external: number;
}

/** The calling thread's \`ThreadHeap\` (each worker thread has a heap of its own). */
export function threadHeap(): ThreadHeap {
  const stats = getHeapStatistics();
  return { used: stats.used_heap_size, limit: stats.heap_size_limit, external: stats.external_memory };
}

/**
 * Starts the featurizing worker and returns a function giving its batches in order; two
 * batches are kept in flight so the worker works while the main thread clusters. With
 * `separateDerivations` a second worker keeps the derivation index, fed by the first;
 * `derived` then resolves with its last report once it has indexed `job.count` articles.
 */
export function startFeaturizer(
  job: FeaturizeJob,
  separateDerivations = false,
  onReport: (report: DeriveReport) => void = () => {},
): {
  next: () => Promise<FeaturizedBatch>;
  one: () => Promise<FeaturizedBatch>;
  derived: () => Promise<DeriveReport | null>;
  derivedUpTo: (done: number) => Promise<DeriveReport | null>;
  stop: () => Promise<void>;
} {
  let deriver: Worker | null = null;
  // Waiting for the derivation worker to have indexed a given number of articles.
  let lastReport: DeriveReport | null = null;
  let reportWaiter: { done: number; resolve: (report: DeriveReport) => void } | null = null;
  const reported = (report: DeriveReport): void => {
    lastReport = report;
    onReport(report);
    if (reportWaiter && report.done >= reportWaiter.done) {
      const { resolve } = reportWaiter;
      reportWaiter = null;
      resolve(report);
    }
  };
  let worker: Worker;
  let finished: Promise<DeriveReport | null> = Promise.resolve(null);
  if (separateDerivations) {
    const { port1, port2 } = new MessageChannel();
    deriver = startWorker('./derive-worker.ts', { port: port2 }, DERIVER_HEAP_MB, undefined, [port2]);
    worker = startWorker(
      './featurize-worker.ts',
      { ...job, derivePort: port1 },
      FEATURIZER_HEAP_MB,
      FEATURIZER_YOUNG_MB,
      [port1],
    );
    const d = deriver;
    finished = new Promise((resolve, reject) => {
      d.on('message', (report: DeriveReport) => {
        reported(report);
        if (report.done >= job.count) resolve(report);
      });
      d.on('error', reject);
    });
  } else
    worker = startWorker(
      './featurize-worker.ts',
      job,
      FEATURIZER_HEAP_MB + DERIVER_HEAP_MB,
      FEATURIZER_YOUNG_MB,
    );
  const inbox: FeaturizedBatch[] = [];
  let waiting: ((batch: FeaturizedBatch) => void) | null = null;
  let failure: unknown = null;
  let fail: ((error: unknown) => void) | null = null;
  worker.on('message', (batch: FeaturizedBatch) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(batch);
    } else inbox.push(batch);
  });
  worker.on('error', (error) => {
    failure = error;
    fail?.(error);
  });
  worker.postMessage(0);
  worker.postMessage(0);
  const receive = (): Promise<FeaturizedBatch> => {
    const ready = inbox.shift();
    if (ready) return Promise.resolve(ready);
    if (failure) return Promise.reject(failure as Error);
    return new Promise((resolve, reject) => {
      waiting = resolve;
      fail = reject;
    });
  };
  return {
    next: () => {
      worker.postMessage(0);
      return receive();
    },
    // After the stream: one more article (the batches still in flight come back empty).
    one: async () => {
      worker.postMessage(1);
      for (;;) {
        const batch = await receive();
        if (batch.items.length > 0) return batch;
      }
    },
    derived: () => finished,
    derivedUpTo: (done) => {
      if (!deriver) return Promise.resolve(null);
      if (lastReport && lastReport.done >= done) return Promise.resolve(lastReport);
      return new Promise((resolve) => {
        reportWaiter = { done, resolve };
      });
    },
    stop: async () => {
      await worker.terminate();
      await deriver?.terminate();
    },
  };
}

/** CPU time (user + system, ms) of the calling thread, from /proc/thread-self/stat (Linux); NaN elsewhere. */
export function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}
