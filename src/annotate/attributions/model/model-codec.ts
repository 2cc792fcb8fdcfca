import { deflateSync, inflateSync } from 'node:zlib';
import { LABEL_COUNT, type TaggerModel } from './tagger.js';

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

export function decodeModel(encoded: EncodedModel): TaggerModel {
  const bytes = inflateSync(Buffer.from(encoded.data, 'base64'));
  const size = (1 << encoded.bits) * LABEL_COUNT;
  if (bytes.byteLength !== size * 2) {
    throw new Error(`attribution model: expected ${size} weights, found ${bytes.byteLength / 2}`);
  }
  const weights = new Float32Array(size);
  for (let i = 0; i < size; i++) weights[i] = bytes.readInt16LE(i * 2) * encoded.scale;
  return { bits: encoded.bits, weights };
}
