import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { StoryFeatures } from '../../src/stories/story-features.js';

/** What the featurizing worker is given. */
export interface FeaturizeJob {
  seeds: { text: string; title: string | null }[];
  count: number;
  /** Articles per message. */
  batch: number;
}

/** One generated article, fingerprinted, indexed for derivations and featurized by the worker. */
export interface FeaturizedItem {
  id: string;
  time: number | null;
  /** Story feature terms joined by spaces (no term holds a space). */
  terms: string;
  /** Name words joined by spaces. */
  names: string;
  /** Worker wall time fingerprinting and featurizing this article (ms). */
  featurizeMs: number;
  /** Worker wall time of the derivation search and indexing of this article (ms). */
  deriveMs: number;
}

export interface FeaturizedBatch {
  items: FeaturizedItem[];
  /** Worker wall time spent generating articles so far (ms). */
  generateMs: number;
  /** Worker thread CPU so far (ms), NaN where unknown. */
  threadCpuMs: number;
  /** Derivation edges found so far. */
  edges: number;
  /** Articles in the derivation index's window now. */
  kept: number;
}

/** The story features of an item, as `storyFeatures` gave them in the worker. */
export function featuresOf(item: FeaturizedItem): StoryFeatures {
  return {
    id: item.id,
    time: item.time,
    terms: item.terms === '' ? [] : item.terms.split(' '),
    names: new Set(item.names === '' ? [] : item.names.split(' ')),
    entities: null,
  };
}

/**
 * Starts the featurizing worker (a TypeScript module, loaded through tsx's loader in the
 * worker) and returns a function giving its batches in order; two batches are kept in
 * flight so the worker works while the main thread indexes.
 */
export function startFeaturizer(job: FeaturizeJob): {
  next: () => Promise<FeaturizedBatch>;
  stop: () => Promise<number>;
} {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const file = new URL('./featurize-worker.ts', import.meta.url).href;
  const boot = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(file)});`;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), {
    workerData: job,
    // The derivation index's maps grow with its 90-day window (a quarter of a year's stream).
    resourceLimits: { maxOldGenerationSizeMb: 8192 },
  });
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
  return {
    next: () => {
      worker.postMessage(0);
      const ready = inbox.shift();
      if (ready) return Promise.resolve(ready);
      if (failure) return Promise.reject(failure as Error);
      return new Promise((resolve, reject) => {
        waiting = resolve;
        fail = reject;
      });
    },
    stop: () => worker.terminate(),
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
