import { deflateSync, inflateSync } from 'node:zlib';
import { LABEL_COUNT, quantize16, ROW, rowsToWeights, toRows8, type TaggerModel } from './tagger.js';

/**
 * A tagger model as shipped: weights quantized to 16-bit integers, then to 8-bit rows
 * (`toRows8`), deflated, in base64.
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
  /** The weights are 8-bit rows as the fast path reads them (`toRows8`), as written now. */
  rows8?: boolean;
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
  const { rows, scale } =
    model.rows && model.scale !== undefined
      ? { rows: model.rows, scale: model.scale }
      : (() => {
          const { q, scale: step } = quantize16(model.weights);
          return { rows: toRows8(q, 1 << model.bits, LABEL_COUNT), scale: step };
        })();
  const bytes = Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength);
  return { bits: model.bits, scale, data: deflateSync(bytes, { level: 9 }).toString('base64'), rows8: true };
}

/**
 * The model of `encoded`, with its 8-bit rows as the fast path reads them, straight from
 * the shipped bytes (older 16-bit layouts are converted); the 32-bit `weights` that only
 * training and the slow path read are decoded on first use.
 */
export function decodeModel(encoded: EncodedModel): TaggerModel {
  const bytes = encoded.bytes ?? inflateSync(Buffer.from(encoded.data, 'base64'));
  const buckets = 1 << encoded.bits;
  const scale = encoded.scale;
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
  let weights: Float32Array | null = null;
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
