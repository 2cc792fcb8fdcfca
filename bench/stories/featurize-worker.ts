/**
 * Worker thread of `npm run bench -- stories`: generates the articles, fingerprints them
 * and computes the story features the main thread's clusterer takes, with the terms counted
 * and hashed (`countedStoryFeatures`: typed arrays, transferred, and one string of the distinct
 * terms, so the clustering thread hashes no string and cuts out only new terms). With two threads
 * it also keeps the derivation index (the derivation search needs nothing of the
 * clustering); with three it passes the compact fingerprints (transferred, not copied) to
 * the derivation worker. Sends a batch each time the main thread asks for one.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { compactFingerprint, DerivationIndex } from '../../src/stories/find-derivations.js';
import { fingerprintArticle } from '../../src/stories/fingerprint-article.js';
import { DistinctWords } from '../../src/stories/flat-overlap.js';
import { countedStoryFeatures } from '../../src/stories/story-features.js';
import { generateArticles, type GeneratedArticle } from './generate-articles.js';
import {
  fingerprintBuffers,
  itemBuffers,
  threadCpuMs,
  threadHeap,
  type FeaturizeJob,
  type FeaturizedBatch,
  type FeaturizedItem,
} from './featurized.js';
import type { CompactFingerprint } from '../../src/stories/find-derivations.js';

const job = workerData as FeaturizeJob & { derivePort?: MessagePort };
const derivePort = job.derivePort ?? null;
const articles = generateArticles(job.seeds, job.count, 1, 365, job.extra ?? 0);
// Articles handed out so far: batches stop at the stream's `count`; after it, a message of 1
// asks for one of the `extra` articles.
let generatedCount = 0;
const derivations = new DerivationIndex();
// Reused for every article's distinct word counts.
const distinctWords = new DistinctWords();
const options = derivations.options.fingerprint;
let generateMs = 0;
let generateCpuMs = 0;
let edges = 0;

parentPort?.on('message', (ask: number) => {
  const wanted = ask === 1 ? 1 : Math.min(job.batch, job.count - generatedCount);
  const items: FeaturizedItem[] = [];
  const fingerprints: CompactFingerprint[] = [];
  // The batch is generated first, so the generator's thread CPU can be told apart from
  // the work the benchmark times (fingerprints and features).
  const t0 = performance.now();
  const cpu0 = threadCpuMs();
  const generated: GeneratedArticle[] = [];
  for (let k = 0; k < wanted; k++) {
    const next = articles.next();
    if (next.done) break;
    generated.push(next.value);
  }
  generatedCount += generated.length;
  generateCpuMs += threadCpuMs() - cpu0;
  generateMs += performance.now() - t0;
  for (const article of generated) {
    const t1 = performance.now();
    const full = fingerprintArticle(article, options);
    const fingerprint = compactFingerprint(full, distinctWords);
    const features = countedStoryFeatures(article, full.tokens);
    const t2 = performance.now();
    if (derivePort) fingerprints.push(fingerprint);
    else {
      derivations.countSentences(fingerprint);
      edges += derivations.addFingerprint(fingerprint).length;
    }
    const t3 = performance.now();
    items.push({
      features,
      featurizeMs: t2 - t1,
      deriveMs: t3 - t2,
    });
  }
  const batch: FeaturizedBatch = {
    items,
    generateMs,
    generateCpuMs,
    threadCpuMs: threadCpuMs(),
    edges,
    kept: derivations.keptCount,
    heap: threadHeap(),
  };
  if (derivePort) derivePort.postMessage(fingerprints, fingerprints.flatMap(fingerprintBuffers));
  parentPort?.postMessage(batch, items.flatMap(itemBuffers));
});
