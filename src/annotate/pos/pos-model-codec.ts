import { deflateSync, inflateSync } from 'node:zlib';
import { TAG_COUNT } from './pos-features.js';

/**
 * The part-of-speech tagger and lemmatizer as trained by `npm run train -- pos`: hashed
 * feature weights (one row of TAG_COUNT weights per bucket), the tags of frequent words
 * that always had one tag, the lemmas the suffix rules get wrong, and the suffix rules.
 */
export interface PosModel {
  bits: number;
  /** Row-major weights, `TAG_COUNT` per bucket, scaled to 8-bit integers. */
  weights: Int8Array;
  /** Lower-case word → tag index, for frequent words with a single tag. */
  dictionary: Map<string, number>;
  /** Per tag: lower-case word → lemma, where the suffix rules would be wrong. */
  lemmas: Array<Map<string, string>>;
  /** Per tag: word ending → [characters to strip, text to append]. */
  rules: Array<Map<string, [number, string]>>;
}

interface PackedHead {
  bits: number;
  dictionary: Array<[string, number]>;
  lemmas: Array<Array<[string, string]>>;
  rules: Array<Array<[string, number, string]>>;
}

/** The model as one compressed base64 string (head as JSON, then the weights). */
export function encodePosModel(model: PosModel): string {
  const head: PackedHead = {
    bits: model.bits,
    dictionary: [...model.dictionary],
    lemmas: model.lemmas.map((m) => [...m]),
    rules: model.rules.map((m) => [...m].map(([suffix, [strip, add]]) => [suffix, strip, add])),
  };
  const json = Buffer.from(JSON.stringify(head), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length);
  const weights = Buffer.from(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength);
  return deflateSync(Buffer.concat([size, json, weights]), { level: 9 }).toString('base64');
}

/**
 * The model of `encodePosModel`, or of a function that gives its inflated bytes (the
 * build ships them as a file: see tsup.config.ts).
 */
export function decodePosModel(encoded: string | (() => Uint8Array)): PosModel {
  const bytes = typeof encoded === 'string' ? inflateSync(Buffer.from(encoded, 'base64')) : encoded();
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = view.readUInt32LE(0);
  const head = JSON.parse(view.subarray(4, 4 + size).toString('utf8')) as PackedHead;
  const count = (1 << head.bits) * TAG_COUNT;
  const weights = new Int8Array(count);
  new Uint8Array(weights.buffer).set(view.subarray(4 + size, 4 + size + count));
  return {
    bits: head.bits,
    weights,
    dictionary: new Map(head.dictionary),
    lemmas: head.lemmas.map((entries) => new Map(entries)),
    rules: head.rules.map((entries) => new Map(entries.map(([s, strip, add]) => [s, [strip, add]]))),
  };
}
