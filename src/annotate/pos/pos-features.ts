import { fnv1a } from '../attributions/model/hash-steps.js';
import { isLineBreak, type TokenBounds } from './split-tokens.js';

/** Universal parts of speech the tagger gives (those of wink-nlp's English model). */
export const POS_TAGS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SPACE',
  'SYM',
  'VERB',
  'X',
] as const;
export type PosTag = (typeof POS_TAGS)[number];
export const TAG_COUNT = POS_TAGS.length;
export const SPACE_TAG = POS_TAGS.indexOf('SPACE');
/** The tag "before the text" in the history features. */
export const NO_TAG = TAG_COUNT;

/** How many features each token has (`posFeatures`). */
export const POS_FEATURE_COUNT = 16;

/** A text's tokens with the per-token hashes the features combine. */
export interface PosDocument {
  text: string;
  starts: number[];
  ends: number[];
  /** Each token's text in lower case. */
  lowers: string[];
  word: Int32Array;
  suffix3: Int32Array;
  suffix2: Int32Array;
  prefix: Int32Array;
  shape: Int32Array;
  /** 1 where the token starts a sentence or line (after . ! ? or a line break). */
  initial: Uint8Array;
}

/** Two hashes mixed into one (a multiply-xorshift step). */
function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The shape of a token as a small number: case pattern, digits, inner marks, length. */
function shapeOf(text: string, from: number, to: number): number {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  let hyphen = 0;
  let period = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else if (c === 45) hyphen = 1;
    else if (c === 46) period = 1;
    else if (c > 127) {
      const ch = text.charAt(i);
      if (ch !== ch.toLowerCase()) upper++;
      else if (ch !== ch.toUpperCase()) lower++;
      else other++;
    } else other++;
  }
  const first = text.charAt(from);
  const firstUpper = first !== first.toLowerCase() ? 1 : 0;
  const len = to - from;
  const casing = upper === 0 ? 0 : lower === 0 ? 1 : firstUpper && upper === 1 ? 2 : 3;
  const length = len === 1 ? 0 : len <= 3 ? 1 : len <= 6 ? 2 : 3;
  return (
    casing |
    (firstUpper << 2) |
    ((digit > 0 ? 1 : 0) << 3) |
    (hyphen << 4) |
    (period << 5) |
    ((other > 0 ? 1 : 0) << 6) |
    ((lower > 0 ? 1 : 0) << 7) |
    (length << 8)
  );
}

/** Whether the token ending at `end` ends a sentence for the next one. */
function endsSentence(text: string, start: number, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (isLineBreak(text.charCodeAt(start))) return true;
  return end - start === 1 && (c === 46 || c === 33 || c === 63);
}

/** The per-token parts of the features of `bounds` in `text`. */
export function posDocument(text: string, bounds: TokenBounds): PosDocument {
  const { starts, ends } = bounds;
  const n = starts.length;
  const lowerText = text.toLowerCase();
  const sameLength = lowerText.length === text.length;
  const doc: PosDocument = {
    text,
    starts,
    ends,
    lowers: new Array<string>(n),
    word: new Int32Array(n),
    suffix3: new Int32Array(n),
    suffix2: new Int32Array(n),
    prefix: new Int32Array(n),
    shape: new Int32Array(n),
    initial: new Uint8Array(n),
  };
  let initial = 1;
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    const lower = sameLength ? lowerText.slice(s, e) : text.slice(s, e).toLowerCase();
    doc.lowers[i] = lower;
    const len = lower.length;
    doc.word[i] = fnv1a(lower);
    doc.suffix3[i] = fnv1a(lower, Math.max(0, len - 3));
    doc.suffix2[i] = fnv1a(lower, Math.max(0, len - 2));
    doc.prefix[i] = lower.charCodeAt(0);
    doc.shape[i] = shapeOf(text, s, e);
    doc.initial[i] = initial;
    const c = text.charCodeAt(s);
    // Quotes and brackets at a sentence start leave the next word initial.
    if (endsSentence(text, s, e)) initial = 1;
    else if (!(initial && e - s === 1 && (c === 34 || c === 0x201c || c === 40 || c === 39 || c === 0x2018)))
      initial = 0;
  }
  return doc;
}

const BEFORE = 0x2b7e1516;
const AFTER = 0x3c6ef372;

/**
 * The feature hashes of token `i` given the tags of the two tokens before it (`p1`,
 * `p2`; `NO_TAG` before the text), written to `out` (POS_FEATURE_COUNT values).
 */
export function posFeatures(doc: PosDocument, i: number, p1: number, p2: number, out: Int32Array): void {
  const n = doc.starts.length;
  const { word, suffix3, suffix2, shape } = doc;
  const w = word[i] as number;
  const wm1 = i > 0 ? (word[i - 1] as number) : BEFORE;
  const wp1 = i + 1 < n ? (word[i + 1] as number) : AFTER;
  const wm2 = i > 1 ? (word[i - 2] as number) : BEFORE;
  const wp2 = i + 2 < n ? (word[i + 2] as number) : AFTER;
  const sh = (shape[i] as number) | ((doc.initial[i] as number) << 12);
  out[0] = mix(1, 0);
  out[1] = mix(2, w);
  out[2] = mix(3, suffix3[i] as number);
  out[3] = mix(4, suffix2[i] as number);
  out[4] = mix(5, doc.prefix[i] as number);
  out[5] = mix(6, sh);
  out[6] = mix(7, p1);
  out[7] = mix(8, p1 * 32 + p2);
  out[8] = mix(mix(9, p1), w);
  out[9] = mix(10, wm1);
  out[10] = mix(11, i > 0 ? (suffix3[i - 1] as number) : BEFORE);
  out[11] = mix(12, wp1);
  out[12] = mix(13, i + 1 < n ? (suffix3[i + 1] as number) : AFTER);
  out[13] = mix(14, wm2);
  out[14] = mix(15, wp2);
  out[15] = mix(mix(16, sh), i + 1 < n ? (shape[i + 1] as number) : 0);
}
