/**
 * Worker thread of `npm run bench -- stories` (two threads): generates the articles and
 * computes what the main thread's index and clusterer take — the compact fingerprint
 * (typed arrays, transferred without copying) and the story features (terms and names
 * sent as one string each, which costs less to pass than arrays of strings). Sends a
 * batch each time the main thread asks for one.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compactFingerprint } from '../../src/stories/find-derivations.js';
import { defaultFingerprintOptions, fingerprintArticle } from '../../src/stories/fingerprint-article.js';
import { storyFeatures } from '../../src/stories/story-features.js';
import { generateArticles } from './generate-articles.js';
import { threadCpuMs, type FeaturizeJob, type FeaturizedBatch, type FeaturizedItem } from './featurized.js';

const job = workerData as FeaturizeJob;
const articles = generateArticles(job.seeds, job.count);
const options = defaultFingerprintOptions();
let generateMs = 0;

parentPort?.on('message', () => {
  const items: FeaturizedItem[] = [];
  const transfer: ArrayBuffer[] = [];
  for (let k = 0; k < job.batch; k++) {
    const t0 = performance.now();
    const next = articles.next();
    if (next.done) break;
    const article = next.value;
    const t1 = performance.now();
    const fingerprint = compactFingerprint(fingerprintArticle(article, options));
    const features = storyFeatures(article);
    const t2 = performance.now();
    generateMs += t1 - t0;
    items.push({
      fingerprint,
      id: features.id,
      time: features.time,
      terms: features.terms.join(' '),
      names: [...features.names].join(' '),
      featurizeMs: t2 - t1,
    });
    for (const array of [
      fingerprint.shingles,
      fingerprint.signature,
      fingerprint.sentenceHashes,
      fingerprint.sentenceEnds,
      fingerprint.words,
      fingerprint.distinct,
    ])
      transfer.push(array.buffer as ArrayBuffer);
  }
  const batch: FeaturizedBatch = { items, generateMs, threadCpuMs: threadCpuMs() };
  parentPort?.postMessage(batch, transfer);
});
