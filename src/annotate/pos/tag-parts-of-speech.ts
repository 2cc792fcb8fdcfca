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
const rows = new Int32Array(POS_FEATURE_COUNT);

/**
 * Tag indices (POS_TAGS) of the tokens of `doc`, left to right: line breaks are SPACE,
 * frequent words with a single tag take it from the dictionary, the others the best-scoring
 * tag of the hashed features (an averaged perceptron, greedy). Each tag's score is summed
 * over the feature rows in a register, tag by tag, rather than adding every row into an
 * array of scores (the same integer sums, about half the time).
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
      for (let f = 0; f < POS_FEATURE_COUNT; f++) rows[f] = ((features[f] as number) & mask) * TAG_COUNT;
      tag = 0;
      let best = -Infinity;
      for (let t = 0; t < TAG_COUNT; t++) {
        let score = 0;
        for (let f = 0; f < POS_FEATURE_COUNT; f++) score += weights[(rows[f] as number) + t] as number;
        if (score > best) {
          best = score;
          tag = t;
        }
      }
    }
    tags[i] = tag;
    p2 = p1;
    p1 = tag;
  }
  return tags;
}
