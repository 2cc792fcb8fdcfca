/**
 * Worker thread of `npm run bench -- stories` (two threads): generates the articles,
 * fingerprints them and keeps the derivation index (the derivation search needs nothing
 * of the clustering), and computes the story features the main thread's clusterer takes
 * (terms and names sent as one string each, which costs less to pass than arrays of
 * strings). Sends a batch each time the main thread asks for one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compactFingerprint, DerivationIndex } from '../../src/stories/find-derivations.js';
import { fingerprintArticle } from '../../src/stories/fingerprint-article.js';
import { storyFeatures } from '../../src/stories/story-features.js';
import { generateArticles } from './generate-articles.js';
import { threadCpuMs, type FeaturizeJob, type FeaturizedBatch, type FeaturizedItem } from './featurized.js';

const job = workerData as FeaturizeJob;
const articles = generateArticles(job.seeds, job.count);
const derivations = new DerivationIndex();
const options = derivations.options.fingerprint;
let generateMs = 0;
let edges = 0;

parentPort?.on('message', () => {
  const items: FeaturizedItem[] = [];
  for (let k = 0; k < job.batch; k++) {
    const t0 = performance.now();
    const next = articles.next();
    if (next.done) break;
    const article = next.value;
    const t1 = performance.now();
    const fingerprint = compactFingerprint(fingerprintArticle(article, options));
    const features = storyFeatures(article);
    const t2 = performance.now();
    derivations.countSentences(fingerprint);
    edges += derivations.addFingerprint(fingerprint).length;
    const t3 = performance.now();
    generateMs += t1 - t0;
    items.push({
      id: features.id,
      time: features.time,
      terms: features.terms.join(' '),
      names: [...features.names].join(' '),
      featurizeMs: t2 - t1,
      deriveMs: t3 - t2,
    });
  }
  const batch: FeaturizedBatch = {
    items,
    generateMs,
    threadCpuMs: threadCpuMs(),
    edges,
    kept: derivations.keptCount,
  };
  parentPort?.postMessage(batch);
});
