import { endianness } from 'node:os';
import { deflateSync, inflateSync } from 'node:zlib';
import { LABEL_COUNT, ROW, type TaggerModel } from './tagger.js';

/** A tagger model as shipped: weights quantized to 16-bit integers, deflated, in base64. */
export interface EncodedModel {
  bits: number;
  /** Weight of one quantization step. */
  scale: number;
  /** base64 of the deflated little-endian Int16 weights. */
  data: string;
}

/** The shipped attribution tagger: the first pass and the optional stacked second pass. */
export interface EncodedTagger {
  first: EncodedModel;
  second: EncodedModel | null;
  /** The learned cue vocabulary (`encodeVocabulary`), when the tagger uses one. */
  vocabulary?: string;
}

export function encodeModel(model: TaggerModel): EncodedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(model.weights.length);
  model.weights.forEach((w, i) => {
    q[i] = Math.round(w / scale);
  });
  const bytes = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  return { bits: model.bits, scale, data: deflateSync(bytes, { level: 9 }).toString('base64') };
}

/**
 * The model of `encoded`, with its 16-bit weights laid out as the fast path reads them
 * (`rows`, 8 per bucket) straight from the shipped integers; the 32-bit `weights` that
 * only training and the slow path read are decoded on first use.
 */
export function decodeModel(encoded: EncodedModel): TaggerModel {
  const bytes = inflateSync(Buffer.from(encoded.data, 'base64'));
  const buckets = 1 << encoded.bits;
  const size = buckets * LABEL_COUNT;
  if (bytes.byteLength !== size * 2) {
    throw new Error(`attribution model: expected ${size} weights, found ${bytes.byteLength / 2}`);
  }
  const rows = new Int16Array(buckets * ROW);
  // Read the little-endian integers in place where the platform allows it.
  const direct =
    endianness() === 'LE' && bytes.byteOffset % 2 === 0
      ? new Int16Array(bytes.buffer, bytes.byteOffset, size)
      : null;
  for (let b = 0, i = 0; b < buckets; b++) {
    for (let l = 0; l < LABEL_COUNT; l++, i++) {
      rows[b * ROW + l] = direct ? (direct[i] as number) : bytes.readInt16LE(i * 2);
    }
  }
  const scale = encoded.scale;
  let weights: Float32Array | null = null;
  return {
    bits: encoded.bits,
    rows,
    get weights(): Float32Array {
      if (!weights) {
        weights = new Float32Array(size);
        for (let b = 0, i = 0; b < buckets; b++) {
          for (let l = 0; l < LABEL_COUNT; l++) weights[i++] = (rows[b * ROW + l] as number) * scale;
        }
      }
      return weights;
    },
  };
}
