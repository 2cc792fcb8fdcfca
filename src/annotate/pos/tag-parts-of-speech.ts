import {
  NO_TAG,
  POS_FEATURE_COUNT,
  posFeatures,
  SPACE_TAG,
  TAG_COUNT,
  type PosDocument,
} from './pos-features.js';
import type { PosModel } from './pos-model-codec.js';
import { isLineBreak } from './split-tokens.js';

const features = new Int32Array(POS_FEATURE_COUNT);
const scores = new Int32Array(TAG_COUNT);

/**
 * Tag indices (POS_TAGS) of the tokens of `doc`, left to right: line breaks are SPACE,
 * frequent words with a single tag take it from the dictionary, the others the best-scoring
 * tag of the hashed features (an averaged perceptron, greedy).
 */
export function tagPartsOfSpeech(doc: PosDocument, model: PosModel): Uint8Array {
  const n = doc.starts.length;
  const tags = new Uint8Array(n);
  const { weights, dictionary } = model;
  const mask = (1 << model.bits) - 1;
  let p1: number = NO_TAG;
  let p2: number = NO_TAG;
  for (let i = 0; i < n; i++) {
    let tag = isLineBreak(doc.text.charCodeAt(doc.starts[i] as number))
      ? SPACE_TAG
      : dictionary.get(doc.lowers[i] as string);
    if (tag === undefined) {
      posFeatures(doc, i, p1, p2, features);
      scores.fill(0);
      for (let f = 0; f < POS_FEATURE_COUNT; f++) {
        const row = ((features[f] as number) & mask) * TAG_COUNT;
        for (let t = 0; t < TAG_COUNT; t++) scores[t] = (scores[t] as number) + (weights[row + t] as number);
      }
      tag = 0;
      for (let t = 1; t < TAG_COUNT; t++) if ((scores[t] as number) > (scores[tag] as number)) tag = t;
    }
    tags[i] = tag;
    p2 = p1;
    p1 = tag;
  }
  return tags;
}
