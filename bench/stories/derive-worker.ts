/**
 * Derivation worker of `npm run bench -- stories --threads 3`: keeps the derivation index,
 * fed compact fingerprints by the featurizing worker through a message port, and reports
 * to the main thread after each batch.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { DerivationIndex, type CompactFingerprint } from '../../src/stories/find-derivations.js';
import { threadCpuMs, threadHeap, type DeriveReport } from './featurized.js';

const { port } = workerData as { port: MessagePort };
const derivations = new DerivationIndex();
let done = 0;
let edges = 0;

port.on('message', (fingerprints: CompactFingerprint[]) => {
  const deriveMs: number[] = [];
  for (const fingerprint of fingerprints) {
    const t = performance.now();
    derivations.countSentences(fingerprint);
    edges += derivations.addFingerprint(fingerprint).length;
    deriveMs.push(performance.now() - t);
  }
  done += fingerprints.length;
  const report: DeriveReport = {
    done,
    edges,
    kept: derivations.keptCount,
    threadCpuMs: threadCpuMs(),
    heap: threadHeap(),
    deriveMs,
  };
  parentPort?.postMessage(report);
});
