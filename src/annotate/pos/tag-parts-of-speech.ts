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

/*
 * The weights of two tags side by side in one 32-bit word, each as an unsigned 16-bit lane
 * (the 8-bit weight + 128): nine words hold a bucket's 18 weights, and one addition sums two
 * tags. A lane's sum over the 16 features is at most 16 × 255, so lanes never carry into each
 * other, and a tag's score is its lane less 16 × 128 — the same integers as adding the weights
 * one by one.
 */
const LANES = 9;
if (TAG_COUNT !== 2 * LANES) throw new Error('tagPartsOfSpeech: the lanes are laid out for 18 tags');
const BIAS = 128;
const sums = new Int32Array(LANES);
const packedRows = new WeakMap<PosModel, Int32Array>();

/** The model's weights in lane pairs (made once per model). */
export function packedWeights(model: PosModel): Int32Array {
  let packed = packedRows.get(model);
  if (!packed) {
    const { weights } = model;
    const buckets = weights.length / TAG_COUNT;
    packed = new Int32Array(buckets * LANES);
    for (let b = 0; b < buckets; b++) {
      for (let k = 0; k < LANES; k++) {
        const lo = (weights[b * TAG_COUNT + 2 * k] as number) + BIAS;
        const hi = (weights[b * TAG_COUNT + 2 * k + 1] as number) + BIAS;
        packed[b * LANES + k] = (hi << 16) | lo;
      }
    }
    packedRows.set(model, packed);
  }
  return packed;
}

/**
 * Tag indices (POS_TAGS) of the tokens of `doc`, left to right: line breaks are SPACE,
 * frequent words with a single tag take it from the dictionary, the others the best-scoring
 * tag of the hashed features (an averaged perceptron, greedy; the first tag of the highest
 * score). The scores are summed two tags to a word (`packedWeights`).
 */
export function tagPartsOfSpeech(doc: PosDocument, model: PosModel): Uint8Array {
  const n = doc.starts.length;
  const tags = new Uint8Array(n);
  const { dictionary } = model;
  const packed = packedWeights(model);
  const mask = (1 << model.bits) - 1;
  const offset = POS_FEATURE_COUNT * BIAS;
  let p1: number = NO_TAG;
  let p2: number = NO_TAG;
  for (let i = 0; i < n; i++) {
    let tag = isLineBreak(doc.text.charCodeAt(doc.starts[i] as number))
      ? SPACE_TAG
      : dictionary.get(doc.lowers[i] as string);
    if (tag === undefined) {
      posFeatures(doc, i, p1, p2, features);
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let a4 = 0;
      let a5 = 0;
      let a6 = 0;
      let a7 = 0;
      let a8 = 0;
      for (let f = 0; f < POS_FEATURE_COUNT; f++) {
        const r = ((features[f] as number) & mask) * LANES;
        a0 += packed[r] as number;
        a1 += packed[r + 1] as number;
        a2 += packed[r + 2] as number;
        a3 += packed[r + 3] as number;
        a4 += packed[r + 4] as number;
        a5 += packed[r + 5] as number;
        a6 += packed[r + 6] as number;
        a7 += packed[r + 7] as number;
        a8 += packed[r + 8] as number;
      }
      sums[0] = a0;
      sums[1] = a1;
      sums[2] = a2;
      sums[3] = a3;
      sums[4] = a4;
      sums[5] = a5;
      sums[6] = a6;
      sums[7] = a7;
      sums[8] = a8;
      tag = 0;
      let best = -Infinity;
      for (let t = 0; t < TAG_COUNT; t++) {
        const word = sums[t >> 1] as number;
        const score = ((t & 1 ? word >>> 16 : word) & 0xffff) - offset;
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
