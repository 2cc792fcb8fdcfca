import { deflateSync, inflateSync } from 'node:zlib';
import {
  LABEL_COUNT,
  quantize16,
  ROW,
  rows4To8,
  rowsToWeights,
  toRows4,
  toRows8,
  type TaggerModel,
} from './tagger.js';

/**
 * A tagger model as shipped: weights quantized to 16-bit integers, then to 8-bit rows
 * (`toRows8`), then to 4-bit rows (`toRows4`, 32-bit little-endian words), deflated, in base64.
 */
export interface EncodedModel {
  bits: number;
  /** Weight of one step of the 16-bit quantization. */
  scale: number;
  /** base64 of the deflated weights. */
  data: string;
  /**
   * Older layouts, still read: 16-bit little-endian integers in rows of `ROW` per bucket
   * (the labels, then zeros) when true, else `LABEL_COUNT` per bucket.
   */
  rows?: boolean;
  /** Older layout, still read: the weights are 8-bit rows (`toRows8`). */
  rows8?: boolean;
  /** The weights are 4-bit rows as the fast path reads them (`toRows4`), as written now. */
  rows4?: boolean;
  /**
   * The inflated weights themselves, when the build ships them as a file beside the bundle
   * (tsup.config.ts, which checks that they decode to the same rows); `data` is then empty.
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
  const { packed, scale } =
    model.packed && model.scale !== undefined
      ? { packed: model.packed, scale: model.scale }
      : model.rows && model.scale !== undefined
        ? { packed: toRows4(model.rows), scale: model.scale }
        : (() => {
            const { q, scale: step } = quantize16(model.weights);
            return { packed: toRows4(toRows8(q, 1 << model.bits, LABEL_COUNT)), scale: step };
          })();
  const bytes = Buffer.alloc(packed.length * 4);
  packed.forEach((word, b) => bytes.writeInt32LE(word, b * 4));
  return { bits: model.bits, scale, data: deflateSync(bytes, { level: 9 }).toString('base64'), rows4: true };
}

/**
 * The model of `encoded`, with its 4-bit rows as the fast path reads them, straight from
 * the shipped bytes (older layouts keep their 8-bit rows, which the fast path rounds to
 * 4-bit rows on first use); the 8-bit rows of 4-bit ones and the 32-bit `weights` that
 * only training, the beam and the slow path read are made on first use.
 */
export function decodeModel(encoded: EncodedModel): TaggerModel {
  const bytes = encoded.bytes ?? inflateSync(Buffer.from(encoded.data, 'base64'));
  const buckets = 1 << encoded.bits;
  const scale = encoded.scale;
  let weights: Float32Array | null = null;
  if (encoded.rows4) {
    if (bytes.byteLength !== buckets * 4) {
      throw new Error(`attribution model: expected ${buckets * 4} bytes of rows, found ${bytes.byteLength}`);
    }
    const packed = new Int32Array(buckets);
    for (let b = 0; b < buckets; b++) packed[b] = bytes.readInt32LE(b * 4);
    let rows: Int8Array | null = null;
    return {
      bits: encoded.bits,
      packed,
      scale,
      get rows(): Int8Array {
        rows ??= rows4To8(packed);
        return rows;
      },
      get weights(): Float32Array {
        weights ??= rowsToWeights(this.rows as Int8Array, scale);
        return weights;
      },
    };
  }
  let rows: Int8Array;
  if (encoded.rows8) {
    if (bytes.byteLength !== buckets * ROW) {
      throw new Error(
        `attribution model: expected ${buckets * ROW} bytes of rows, found ${bytes.byteLength}`,
      );
    }
    rows = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } else {
    const width = encoded.rows ? ROW : LABEL_COUNT;
    if (bytes.byteLength !== buckets * width * 2) {
      throw new Error(
        `attribution model: expected ${buckets * width} weights, found ${bytes.byteLength / 2}`,
      );
    }
    const q = new Int16Array(buckets * width);
    for (let i = 0; i < q.length; i++) q[i] = bytes.readInt16LE(i * 2);
    rows = toRows8(q, buckets, width);
  }
  return {
    bits: encoded.bits,
    rows,
    scale,
    get weights(): Float32Array {
      weights ??= rowsToWeights(rows, scale);
      return weights;
    },
  };
}
