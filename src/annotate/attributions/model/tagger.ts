import { advanceHistory, hashFeature, type HistoryState, type TaggerDocument } from './features.js';
import {
  HISTORY_FEATURE_COUNT,
  historyFeatureHashes,
  STATIC_FEATURE_COUNT,
  staticFeatureHashes,
} from './hashed-features.js';
import { allowedAfter, LABELS, OUTSIDE } from './labels.js';

export const LABEL_COUNT = LABELS.length;

/** A linear tagger over hashed features: `weights[(hash & mask) * LABEL_COUNT + label]`. */
export interface TaggerModel {
  /** log2 of the number of hash buckets. */
  bits: number;
  weights: Float32Array;
  /**
   * The weights in 8-bit rows (`toRows8`), when the model came so (an older shipped
   * layout, or the 4-bit rows spelled out), with the weight of one step.
   */
  rows?: Int8Array;
  scale?: number;
  /** The weights as the fast path reads them (`toRows4`), when the model came so (the shipped one). */
  packed?: Int32Array;
}

/** Hashed static features of every token, flattened: token `i` owns `ids[offsets[i]..offsets[i+1])`. */
export interface HashedFeatures {
  ids: Uint32Array;
  offsets: Uint32Array;
}

/** Row offsets (bucket × label count) of a list of feature strings. */
export function rowsOf(features: readonly string[], bits: number): number[] {
  const mask = (1 << bits) - 1;
  return features.map((f) => (hashFeature(f) & mask) * LABEL_COUNT);
}

/**
 * Hashed static features of every token (`staticFeatures`, hashed as `rowsOf` does),
 * followed by `extraCount` more per token from `extra` (the stacked features of a second pass).
 */
export function hashStatic(
  doc: TaggerDocument,
  bits: number,
  extra: Int32Array | null = null,
  extraCount = 0,
  statics: Int32Array = staticFeatureHashes(doc),
): HashedFeatures {
  const mask = (1 << bits) - 1;
  const n = doc.tokens.length;
  const per = STATIC_FEATURE_COUNT + (extra ? extraCount : 0);
  const ids = new Uint32Array(n * per);
  const offsets = new Uint32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = k;
    for (let f = i * STATIC_FEATURE_COUNT; f < (i + 1) * STATIC_FEATURE_COUNT; f++) {
      ids[k++] = ((statics[f] as number) & mask) * LABEL_COUNT;
    }
    if (!extra) continue;
    for (let f = i * extraCount; f < (i + 1) * extraCount; f++) {
      ids[k++] = ((extra[f] as number) & mask) * LABEL_COUNT;
    }
  }
  offsets[n] = k;
  return { ids, offsets };
}

/** Adds the weights of the rows `ids[from..to)` to `scores` (length LABEL_COUNT). */
export function addRows(
  weights: Float32Array,
  ids: ArrayLike<number>,
  from: number,
  to: number,
  scores: Float64Array,
): void {
  for (let k = from; k < to; k++) {
    const row = ids[k] as number;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l] = (scores[l] as number) + (weights[row + l] as number);
  }
}

/** The best label allowed after `previous`. */
export function bestLabel(scores: Float64Array, previous: number): number {
  let best = OUTSIDE;
  let bestScore = -Infinity;
  for (let l = 0; l < LABEL_COUNT; l++) {
    if (!allowedAfter(previous, l)) continue;
    const s = scores[l] as number;
    if (s > bestScore) {
      bestScore = s;
      best = l;
    }
  }
  return best;
}

/**
 * Labels every token of `doc`, greedily from left to right, each decision seeing the
 * labels already given (an I- label only continues a span of its own role). `onToken`
 * (training) sees each decision and may replace it; its `history` rows are reused for the
 * next token, so it must not keep them.
 */
export function tagDocument(
  model: TaggerModel,
  doc: TaggerDocument,
  hashed: HashedFeatures = hashStatic(doc, model.bits),
  onToken?: (i: number, predicted: number, history: number[], previous: number) => number,
): Uint8Array {
  const n = doc.tokens.length;
  const labels = new Uint8Array(n);
  const scores = new Float64Array(LABEL_COUNT);
  const state: HistoryState = { seen: 0 };
  const mask = (1 << model.bits) - 1;
  const hashes = new Int32Array(HISTORY_FEATURE_COUNT);
  const history: number[] = new Array<number>(HISTORY_FEATURE_COUNT).fill(0);
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    addRows(model.weights, hashed.ids, hashed.offsets[i] as number, hashed.offsets[i + 1] as number, scores);
    historyFeatureHashes(doc, i, labels, state, hashes);
    for (let k = 0; k < HISTORY_FEATURE_COUNT; k++) history[k] = ((hashes[k] as number) & mask) * LABEL_COUNT;
    addRows(model.weights, history, 0, HISTORY_FEATURE_COUNT, scores);
    const previous = i > 0 ? (labels[i - 1] as number) : OUTSIDE;
    let label = bestLabel(scores, previous);
    if (onToken) label = onToken(i, label, history, previous);
    labels[i] = label;
    advanceHistory(doc, i, label, state);
  }
  return labels;
}

export const ROW = 8;

/*
 * The fast path reads each bucket as one row of 8 bytes: its 7 label weights as 8-bit
 * integers and, last, a shift: weight = q << shift steps of 16-bit quantization. A row
 * keeps 7 bits of precision relative to its own largest weight, and the two tables of
 * 2^18 buckets take 2 MB each instead of 4 (every feature reads a random row, so the
 * table's size decides how many reads miss the caches). Chosen on the held-out fifth of
 * PolNeAR train (fold 0): with 8-bit rows cue / source / content / whole F1 0.727 /
 * 0.692 / 0.694 / 0.506 against 0.727 / 0.692 / 0.694 / 0.505 with the 16-bit weights;
 * one 8-bit scale for the whole table instead of one shift per row lost 0.2 point of cue.
 */

/**
 * 8-bit rows (`ROW` bytes per bucket, the last the shift) of 16-bit quantized weights
 * `q`, stored `width` per bucket (the labels first).
 */
export function toRows8(q: ArrayLike<number>, buckets: number, width: number): Int8Array {
  const rows = new Int8Array(buckets * ROW);
  for (let b = 0; b < buckets; b++) {
    let max = 0;
    for (let l = 0; l < LABEL_COUNT; l++) max = Math.max(max, Math.abs(q[b * width + l] as number));
    let shift = 0;
    while (Math.round(max / 2 ** shift) > 127) shift++;
    for (let l = 0; l < LABEL_COUNT; l++) {
      rows[b * ROW + l] = Math.round((q[b * width + l] as number) / 2 ** shift);
    }
    rows[b * ROW + ROW - 1] = shift;
  }
  return rows;
}

/** The weights (in steps of `scale`) of 8-bit rows, one `LABEL_COUNT` per bucket. */
export function rowsToWeights(rows: Int8Array, scale: number): Float32Array {
  const buckets = rows.length / ROW;
  const weights = new Float32Array(buckets * LABEL_COUNT);
  for (let b = 0, i = 0; b < buckets; b++) {
    const shift = rows[b * ROW + ROW - 1] as number;
    for (let l = 0; l < LABEL_COUNT; l++) weights[i++] = (rows[b * ROW + l] as number) * 2 ** shift * scale;
  }
  return weights;
}

/** 16-bit quantization of float weights: the integers and the weight of one step. */
export function quantize16(weights: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max > 0 ? max / 32767 : 1;
  return { q: Int16Array.from(weights, (w) => Math.round(w / scale)), scale };
}

/*
 * The fast path reads each bucket as one 32-bit word: its 7 label weights as 4-bit signed
 * integers (bits 4l..4l+3 for label l) and, in the top 4 bits, a shift: weight = q << shift
 * steps of 16-bit quantization, q in -7..7. Each table of 2^18 buckets takes 1 MB instead
 * of the 2 MB of 8-bit rows, and a row is one read. Chosen on the held-out fifth of PolNeAR
 * train (fold 0; the fold model's 8-bit rows re-encoded, no retraining), cue / source /
 * content / whole F1: 8-bit rows 0.731 / 0.694 / 0.689 / 0.509; 4-bit rows centred as
 * `toRows4` does 0.731 / 0.693 / 0.689 / 0.508, kept; not centred 0.729 / 0.693 / 0.687 /
 * 0.507; not centred with -8..7 0.726 / 0.688 / 0.685 / 0.503; a table of 2^17 buckets in
 * 8-bit rows (retrained; the same memory) 0.725 / 0.693 / 0.689 / 0.504.
 */

/**
 * 4-bit rows (`toRows4`'s layout) of 8-bit rows. Each row is first moved by a constant so
 * that its largest and smallest weights are opposite (every label of a token gains the
 * same amount from a row, so the best label of a greedy decision is the same), then
 * rounded to at most 7 steps of a power of two either way.
 */
export function toRows4(rows: Int8Array): Int32Array {
  const buckets = rows.length / ROW;
  const out = new Int32Array(buckets);
  const v = new Float64Array(LABEL_COUNT);
  for (let b = 0; b < buckets; b++) {
    const shift8 = rows[b * ROW + ROW - 1] as number;
    let max = -Infinity;
    let min = Infinity;
    for (let l = 0; l < LABEL_COUNT; l++) {
      v[l] = (rows[b * ROW + l] as number) * 2 ** shift8;
      max = Math.max(max, v[l] as number);
      min = Math.min(min, v[l] as number);
    }
    const middle = (max + min) / 2;
    let shift = 0;
    while (Math.round((max - middle) / 2 ** shift) > 7) shift++;
    let word = shift << 28;
    for (let l = 0; l < LABEL_COUNT; l++) {
      const q = Math.round(((v[l] as number) - middle) / 2 ** shift);
      word |= (q & 15) << (4 * l);
    }
    out[b] = word;
  }
  return out;
}

/** The same weights as 8-bit rows (`toRows8`'s layout), for the beam and the slow path. */
export function rows4To8(packed: Int32Array): Int8Array {
  const rows = new Int8Array(packed.length * ROW);
  for (let b = 0; b < packed.length; b++) {
    const word = packed[b] as number;
    for (let l = 0; l < LABEL_COUNT; l++) rows[b * ROW + l] = (word << (28 - 4 * l)) >> 28;
    rows[b * ROW + ROW - 1] = word >>> 28;
  }
  return rows;
}

const packedOf = new WeakMap<TaggerModel, Int32Array>();
const compacted = new WeakMap<TaggerModel, Int8Array>();

/** The 4-bit rows the fast path reads for `model` (made once per model when it has none). */
export function packedRows(model: TaggerModel): Int32Array {
  if (model.packed) return model.packed;
  const known = packedOf.get(model);
  if (known) return known;
  const rows = model.rows ?? toRows8(quantize16(model.weights).q, 1 << model.bits, LABEL_COUNT);
  const packed = toRows4(rows);
  packedOf.set(model, packed);
  return packed;
}

/** The 8-bit rows of the weights the fast path reads (for the beam). */
function compactWeights(model: TaggerModel): Int8Array {
  const known = compacted.get(model);
  if (known) return known;
  const rows = rows4To8(packedRows(model));
  compacted.set(model, rows);
  return rows;
}

/**
 * The labels `tagDocument(model, doc, hashStatic(doc, bits, extra, extraCount))` gives
 * with the weights in 4-bit rows (as the shipped weights are), computed faster: feature
 * hashes go straight to integer weight rows, the scores stay in registers and nothing is
 * allocated per token. Tokens of the sentences flagged in `keep` are left outside any
 * span without being scored.
 */
export function tagWithModel(
  model: TaggerModel,
  doc: TaggerDocument,
  statics: Int32Array = staticFeatureHashes(doc),
  extra: Int32Array | null = null,
  extraCount = 0,
  keep: Uint8Array | null = null,
): Uint8Array {
  if (LABEL_COUNT !== 7)
    return tagDocument(model, doc, hashStatic(doc, model.bits, extra, extraCount, statics));
  const labels = new Uint8Array(doc.tokens.length);
  const pass: TagPass = {
    rows: packedRows(model),
    stride: 0,
    lane: 0,
    mask: (1 << model.bits) - 1,
    extra,
    extraCount: extra ? extraCount : 0,
    keep,
    labels,
    state: { seen: 0 },
  };
  tagRange(pass, doc, statics, 0, doc.tokens.length);
  return labels;
}

/**
 * One greedy pass as `tagRange` runs it, range after range: the 4-bit rows it reads (at
 * `rows[(bucket << stride) + lane]`: stride 1 when two models' rows are interleaved), the
 * extra features, the sentences it leaves out, its labels so far and its history state.
 */
export interface TagPass {
  rows: Int32Array;
  stride: number;
  lane: number;
  mask: number;
  extra: Int32Array | null;
  extraCount: number;
  keep: Uint8Array | null;
  labels: Uint8Array;
  state: HistoryState;
}

/** Labels tokens `from..to` of `doc` into `pass.labels` (the tokens before them labelled already). */
export function tagRange(
  pass: TagPass,
  doc: TaggerDocument,
  statics: Int32Array,
  from: number,
  to: number,
): void {
  const { rows: w, stride, lane, mask, keep, labels, state } = pass;
  const { sentenceOf } = doc;
  const scores = new Float64Array(LABEL_COUNT);
  const history = new Int32Array(HISTORY_FEATURE_COUNT);
  const perExtra = pass.extra ? pass.extraCount : 0;
  const more = pass.extra ?? NONE;
  for (let i = from; i < to; i++) {
    if (keep && keep[sentenceOf[i] as number]) {
      advanceHistory(doc, i, 0, state);
      continue;
    }
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    const first = i * STATIC_FEATURE_COUNT;
    for (let k = first; k < first + STATIC_FEATURE_COUNT; k++) {
      const x = w[(((statics[k] as number) & mask) << stride) + lane] as number;
      const sh = x >>> 28;
      s0 += ((x << 28) >> 28) << sh;
      s1 += ((x << 24) >> 28) << sh;
      s2 += ((x << 20) >> 28) << sh;
      s3 += ((x << 16) >> 28) << sh;
      s4 += ((x << 12) >> 28) << sh;
      s5 += ((x << 8) >> 28) << sh;
      s6 += ((x << 4) >> 28) << sh;
    }
    const firstExtra = i * perExtra;
    for (let k = firstExtra; k < firstExtra + perExtra; k++) {
      const x = w[(((more[k] as number) & mask) << stride) + lane] as number;
      const sh = x >>> 28;
      s0 += ((x << 28) >> 28) << sh;
      s1 += ((x << 24) >> 28) << sh;
      s2 += ((x << 20) >> 28) << sh;
      s3 += ((x << 16) >> 28) << sh;
      s4 += ((x << 12) >> 28) << sh;
      s5 += ((x << 8) >> 28) << sh;
      s6 += ((x << 4) >> 28) << sh;
    }
    historyFeatureHashes(doc, i, labels, state, history);
    for (let k = 0; k < HISTORY_FEATURE_COUNT; k++) {
      const x = w[(((history[k] as number) & mask) << stride) + lane] as number;
      const sh = x >>> 28;
      s0 += ((x << 28) >> 28) << sh;
      s1 += ((x << 24) >> 28) << sh;
      s2 += ((x << 20) >> 28) << sh;
      s3 += ((x << 16) >> 28) << sh;
      s4 += ((x << 12) >> 28) << sh;
      s5 += ((x << 8) >> 28) << sh;
      s6 += ((x << 4) >> 28) << sh;
    }
    scores[0] = s0;
    scores[1] = s1;
    scores[2] = s2;
    scores[3] = s3;
    scores[4] = s4;
    scores[5] = s5;
    scores[6] = s6;
    const label = bestLabel(scores, i > 0 ? (labels[i - 1] as number) : OUTSIDE);
    labels[i] = label;
    advanceHistory(doc, i, label, state);
  }
}

const NONE = new Int32Array(0);
const interleaved = new WeakMap<TaggerModel, { second: TaggerModel; rows: Int32Array }>();

/**
 * The 4-bit rows of two models of the same size side by side, bucket by bucket (first,
 * second): a feature's row in the second model then lies in the cache line its row in the
 * first model brought in. Made once per pair (remembered with the first model).
 */
export function interleavedRows(first: TaggerModel, second: TaggerModel): Int32Array {
  const known = interleaved.get(first);
  if (known && known.second === second) return known.rows;
  const a = packedRows(first);
  const b = packedRows(second);
  const out = new Int32Array(a.length * 2);
  for (let k = 0; k < a.length; k++) {
    out[2 * k] = a[k] as number;
    out[2 * k + 1] = b[k] as number;
  }
  interleaved.set(first, { second, rows: out });
  return out;
}

/**
 * `tagWithModel` with a beam of `width` label sequences instead of one greedy choice per
 * token: each hypothesis keeps its own history features, and the sequence with the
 * highest total score wins (width 1 gives the greedy labels).
 */
export function tagWithBeam(
  model: TaggerModel,
  doc: TaggerDocument,
  width: number,
  statics: Int32Array = staticFeatureHashes(doc),
  extra: Int32Array | null = null,
  extraCount = 0,
  keep: Uint8Array | null = null,
): Uint8Array {
  const w = compactWeights(model);
  const mask = (1 << model.bits) - 1;
  const n = doc.tokens.length;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const scratch = new Uint8Array(n);
  const perExtra = extra ? extraCount : 0;
  const more = extra ?? new Int32Array(0);
  const history = new Int32Array(HISTORY_FEATURE_COUNT);
  const base = new Float64Array(LABEL_COUNT);
  // Hypotheses at the current token: score, label of the previous two tokens, roles seen, back pointer.
  let score = new Float64Array(width);
  let p1 = new Uint8Array(width);
  let p2 = new Uint8Array(width);
  let seen = new Uint8Array(width);
  let size = 1;
  const label = new Uint8Array(n * width);
  const back = new Int32Array(n * width);
  const cScore = new Float64Array(width * LABEL_COUNT);
  const cFrom = new Int32Array(width * LABEL_COUNT);
  const cLabel = new Uint8Array(width * LABEL_COUNT);
  const order = new Int32Array(width * LABEL_COUNT);
  const state: HistoryState = { seen: 0 };
  for (let i = 0; i < n; i++) {
    const skipped = !!keep && !!keep[doc.sentenceOf[i] as number];
    base.fill(0);
    if (!skipped) {
      const from = i * STATIC_FEATURE_COUNT;
      for (let k = from; k < from + STATIC_FEATURE_COUNT; k++) {
        const r = ((statics[k] as number) & mask) << 3;
        for (let l = 0; l < LABEL_COUNT; l++)
          base[l] = (base[l] as number) + ((w[r + l] as number) << (w[r + 7] as number));
      }
      const fromExtra = i * perExtra;
      for (let k = fromExtra; k < fromExtra + perExtra; k++) {
        const r = ((more[k] as number) & mask) << 3;
        for (let l = 0; l < LABEL_COUNT; l++)
          base[l] = (base[l] as number) + ((w[r + l] as number) << (w[r + 7] as number));
      }
    }
    let candidates = 0;
    for (let h = 0; h < size; h++) {
      if (skipped) {
        cScore[candidates] = score[h] as number;
        cFrom[candidates] = h;
        cLabel[candidates++] = OUTSIDE;
        continue;
      }
      if (i > 0) scratch[i - 1] = p1[h] as number;
      if (i > 1) scratch[i - 2] = p2[h] as number;
      state.seen = seen[h] as number;
      historyFeatureHashes(doc, i, scratch, state, history);
      const s = Float64Array.from(base);
      for (let k = 0; k < HISTORY_FEATURE_COUNT; k++) {
        const r = ((history[k] as number) & mask) << 3;
        for (let l = 0; l < LABEL_COUNT; l++)
          s[l] = (s[l] as number) + ((w[r + l] as number) << (w[r + 7] as number));
      }
      const previous = i > 0 ? (p1[h] as number) : OUTSIDE;
      for (let l = 0; l < LABEL_COUNT; l++) {
        if (!allowedAfter(previous, l)) continue;
        cScore[candidates] = (score[h] as number) + (s[l] as number);
        cFrom[candidates] = h;
        cLabel[candidates++] = l;
      }
    }
    for (let c = 0; c < candidates; c++) order[c] = c;
    const top = order.subarray(0, candidates).sort((a, b) => (cScore[b] as number) - (cScore[a] as number));
    const kept = Math.min(width, candidates);
    const nScore = new Float64Array(width);
    const nP1 = new Uint8Array(width);
    const nP2 = new Uint8Array(width);
    const nSeen = new Uint8Array(width);
    for (let j = 0; j < kept; j++) {
      const c = top[j] as number;
      const h = cFrom[c] as number;
      const l = cLabel[c] as number;
      nScore[j] = cScore[c] as number;
      nP1[j] = l;
      nP2[j] = i > 0 ? (p1[h] as number) : OUTSIDE;
      state.seen = seen[h] as number;
      advanceHistory(doc, i, l, state);
      nSeen[j] = state.seen;
      label[i * width + j] = l;
      back[i * width + j] = h;
    }
    score = nScore;
    p1 = nP1;
    p2 = nP2;
    seen = nSeen;
    size = kept;
  }
  let h = 0;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = label[i * width + h] as number;
    h = back[i * width + h] as number;
  }
  return labels;
}
