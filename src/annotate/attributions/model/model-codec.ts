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
  /**
   * The weights are stored in rows of `ROW` per bucket (the labels, then zeros), as the
   * fast path reads them, rather than `LABEL_COUNT` per bucket.
   */
  rows?: boolean;
  /**
   * The inflated weights themselves, when the build ships them as a file beside the bundle
   * (tsup.config.ts); `data` is then empty.
   */
  bytes?: Buffer;
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
  const buckets = 1 << model.bits;
  const q = new Int16Array(buckets * ROW);
  for (let b = 0; b < buckets; b++) {
    for (let l = 0; l < LABEL_COUNT; l++) {
      q[b * ROW + l] = Math.round((model.weights[b * LABEL_COUNT + l] as number) / scale);
    }
  }
  const bytes = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
  return { bits: model.bits, scale, data: deflateSync(bytes, { level: 9 }).toString('base64'), rows: true };
}

/**
 * The model of `encoded`, with its 16-bit weights laid out as the fast path reads them
 * (`rows`, 8 per bucket) straight from the shipped integers; the 32-bit `weights` that
 * only training and the slow path read are decoded on first use.
 */
export function decodeModel(encoded: EncodedModel): TaggerModel {
  const bytes = encoded.bytes ?? inflateSync(Buffer.from(encoded.data, 'base64'));
  const buckets = 1 << encoded.bits;
  const size = buckets * LABEL_COUNT;
  const stored = encoded.rows ? buckets * ROW : size;
  if (bytes.byteLength !== stored * 2) {
    throw new Error(`attribution model: expected ${stored} weights, found ${bytes.byteLength / 2}`);
  }
  // Read the little-endian integers in place where the platform allows it.
  const direct =
    endianness() === 'LE' && bytes.byteOffset % 2 === 0
      ? new Int16Array(bytes.buffer, bytes.byteOffset, stored)
      : null;
  let rows: Int16Array;
  if (encoded.rows && direct) {
    rows = direct;
  } else {
    rows = new Int16Array(buckets * ROW);
    const width = encoded.rows ? ROW : LABEL_COUNT;
    for (let b = 0; b < buckets; b++) {
      for (let l = 0; l < LABEL_COUNT; l++) {
        const i = b * width + l;
        rows[b * ROW + l] = direct ? (direct[i] as number) : bytes.readInt16LE(i * 2);
      }
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
