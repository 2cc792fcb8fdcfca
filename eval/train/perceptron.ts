import type { TaggerDocument } from '../../src/annotate/attributions/model/features.js';
import { allowedAfter } from '../../src/annotate/attributions/model/labels.js';
import {
  hashStatic,
  LABEL_COUNT,
  tagDocument,
  type HashedFeatures,
  type TaggerModel,
} from '../../src/annotate/attributions/model/tagger.js';

/** A document with its gold label per token. */
export interface TrainingExample {
  doc: TaggerDocument;
  gold: Uint8Array;
  hashed?: HashedFeatures;
  /** Static feature hashes of `doc` (computed once, shared by both passes). */
  statics?: Int32Array;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  seed: number;
  /** Called after each epoch with the token accuracy of that epoch's own (greedy) predictions. */
  onEpoch?: (epoch: number, accuracy: number) => void;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The gold label reachable after `previous`: I-X after a label of another role becomes B-X. */
export function oracle(gold: number, previous: number): number {
  return allowedAfter(previous, gold) ? gold : gold - 1;
}

/**
 * Averaged perceptron over greedy left-to-right tagging: each token is labelled with the
 * history the model itself predicted; a wrong label moves the weights of its features
 * towards the gold label. The examples are shuffled each epoch with `seed`.
 */
export function trainTagger(examples: TrainingExample[], options: TrainOptions): TaggerModel {
  const size = (1 << options.bits) * LABEL_COUNT;
  const model: TaggerModel = { bits: options.bits, weights: new Float32Array(size) };
  const totals = new Float64Array(size);
  const rand = random(options.seed);
  for (const e of examples) e.hashed ??= hashStatic(e.doc, options.bits, null, 0, e.statics);
  let step = 1;
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let correct = 0;
    let total = 0;
    for (const k of order) {
      const e = examples[k] as TrainingExample;
      const hashed = e.hashed as HashedFeatures;
      tagDocument(model, e.doc, hashed, (i, predicted, history, previous) => {
        // Follow the model's own history: continuing a span it did not open means opening one.
        const gold = oracle(e.gold[i] as number, previous);
        total++;
        step++;
        if (predicted === gold) {
          correct++;
          return predicted;
        }
        const update = (row: number): void => {
          model.weights[row + gold] = (model.weights[row + gold] as number) + 1;
          totals[row + gold] = (totals[row + gold] as number) + step;
          model.weights[row + predicted] = (model.weights[row + predicted] as number) - 1;
          totals[row + predicted] = (totals[row + predicted] as number) - step;
        };
        for (let f = hashed.offsets[i] as number; f < (hashed.offsets[i + 1] as number); f++) {
          update(hashed.ids[f] as number);
        }
        for (const row of history) update(row);
        return predicted;
      });
    }
    options.onEpoch?.(epoch, total ? correct / total : 1);
  }
  const averaged = new Float32Array(size);
  for (let i = 0; i < size; i++) {
    averaged[i] = (model.weights[i] as number) - (totals[i] as number) / step;
  }
  return { bits: options.bits, weights: averaged };
}
