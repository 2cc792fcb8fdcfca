import type { Token } from '../tag-tokens.js';
import type { TaggerDocument } from './features.js';
import { finish, fnv1a as wordHash, mix, near } from './hash-steps.js';
import { LABELS, roleOf } from './labels.js';

/*
 * Features of the second tagger pass, read from the labels of the first: what the first
 * pass saw on both sides of a token (a left-to-right tagger decides a source before it
 * reaches the cue that makes it one), where the nearest cue it found lies, and what the
 * sentence and its neighbours hold. Hashed from integers, without strings.
 */

/** Number of stacked features per token (as written by `stackedFeatureHashes`). */
export const STACKED_FEATURE_COUNT = 12;

const OUTSIDE_SENTENCE = 7;

const POS_IDS = new Map<string, number>();
function posId(pos: string): number {
  let id = POS_IDS.get(pos);
  if (id === undefined) {
    id = wordHash(pos);
    POS_IDS.set(pos, id);
  }
  return id;
}

/** Role number of each label: 0 none, 1 source, 2 cue, 3 content. */
const ROLE_NUMBER = Uint8Array.from(LABELS, (_, label) => {
  const r = roleOf(label);
  return r === 'SOURCE' ? 1 : r === 'CUE' ? 2 : r === 'CONTENT' ? 3 : 0;
});

/** Role number of a label: 0 none, 1 source, 2 cue, 3 content. */
function role(label: number): number {
  return ROLE_NUMBER[label] ?? 0;
}

/**
 * Hashes of the stacked features of every token given the first pass's `labels`: token
 * `i` owns `out[i * STACKED_FEATURE_COUNT ..]`; tokens of the sentences flagged in `skip`
 * keep zeros.
 */
export function stackedFeatureHashes(
  doc: TaggerDocument,
  labels: Uint8Array,
  skip: Uint8Array | null = null,
): Int32Array {
  const n = doc.tokens.length;
  const out = new Int32Array(n * STACKED_FEATURE_COUNT);
  if (n === 0) return out;
  const roles = sentenceRoles(doc, labels);
  stackedRange(doc, labels, roles, skip, out, 0, n);
  return out;
}

/**
 * Which roles the first pass's `labels` used in each sentence, a bit each (role number),
 * at index sentence + 1 (index 0 and the last stay empty, for the neighbours of the first
 * and last sentences).
 */
export function sentenceRoles(doc: TaggerDocument, labels: Uint8Array): Uint8Array {
  const { sentenceOf } = doc;
  const n = doc.tokens.length;
  const roles = new Uint8Array(n > 0 ? (sentenceOf[n - 1] as number) + 3 : 2);
  addSentenceRoles(doc, labels, roles, 0, n);
  return roles;
}

/** Adds the roles of `labels[from..to)` to `roles` (as `sentenceRoles` lays them out). */
export function addSentenceRoles(
  doc: TaggerDocument,
  labels: Uint8Array,
  roles: Uint8Array,
  from: number,
  to: number,
): void {
  const { sentenceOf } = doc;
  for (let i = from; i < to; i++) {
    const r = role(labels[i] as number);
    if (r) roles[(sentenceOf[i] as number) + 1] = (roles[(sentenceOf[i] as number) + 1] as number) | (1 << r);
  }
}

/**
 * The stacked features of tokens `from..to` (whole sentences) into `out`, given the roles
 * of every sentence up to the one after the last (`sentenceRoles`) and the first pass's
 * labels of those sentences.
 */
export function stackedRange(
  doc: TaggerDocument,
  labels: Uint8Array,
  roles: Uint8Array,
  skip: Uint8Array | null,
  out: Int32Array,
  from: number,
  to: number,
): void {
  const { tokens, sentenceOf, quoted } = doc;
  const n = tokens.length;
  // Nearest cue token of the first pass on each side within the sentence.
  const size = to - from;
  const cueLeft = new Int32Array(size).fill(-1);
  const cueRight = new Int32Array(size).fill(-1);
  for (let i = from + 1; i < to; i++) {
    if (sentenceOf[i] !== sentenceOf[i - 1]) continue;
    cueLeft[i - from] = role(labels[i - 1] as number) === 2 ? i - 1 : (cueLeft[i - 1 - from] as number);
  }
  for (let i = to - 2; i >= from; i--) {
    if (sentenceOf[i] !== sentenceOf[i + 1]) continue;
    cueRight[i - from] = role(labels[i + 1] as number) === 2 ? i + 1 : (cueRight[i + 1 - from] as number);
  }
  const at = (i: number, j: number): number =>
    j >= 0 && j < n && sentenceOf[j] === sentenceOf[i] ? (labels[j] as number) : OUTSIDE_SENTENCE;
  let k = from * STACKED_FEATURE_COUNT;
  for (let i = from; i < to; i++) {
    if (skip && skip[sentenceOf[i] as number]) {
      k += STACKED_FEATURE_COUNT;
      continue;
    }
    const t = tokens[i] as Token;
    const l0 = labels[i] as number;
    const lm1 = at(i, i - 1);
    const lp1 = at(i, i + 1);
    const lm2 = at(i, i - 2);
    const lp2 = at(i, i + 2);
    const s = (sentenceOf[i] as number) + 1;
    const left = cueLeft[i - from] as number;
    const right = cueRight[i - from] as number;
    const dl = left < 0 ? 8 : near(i - left);
    const dr = right < 0 ? 8 : near(right - i);
    const q = quoted[i] as number;
    const p = posId(t.pos);
    out[k++] = finish(mix(mix(1, l0), 0));
    out[k++] = finish(mix(mix(mix(2, lm1), l0), lp1));
    out[k++] = finish(mix(mix(mix(mix(mix(3, lm2), lm1), l0), lp1), lp2));
    out[k++] = finish(mix(mix(4, l0), wordHash(t.lower)));
    out[k++] = finish(mix(mix(5, l0), p));
    out[k++] = finish(mix(mix(mix(6, dl), dr), q));
    out[k++] = finish(mix(mix(mix(7, dl), dr), p));
    out[k++] = finish(mix(mix(mix(8, roles[s] as number), l0), q));
    out[k++] = finish(mix(mix(mix(mix(9, roles[s - 1] as number), roles[s + 1] as number), l0), q));
    out[k++] = finish(mix(mix(mix(10, lm1), l0), p));
    out[k++] = finish(mix(mix(mix(11, dr), right < 0 ? 0 : wordHash((tokens[right] as Token).lemma)), q));
    out[k++] = finish(mix(mix(mix(12, dl), left < 0 ? 0 : wordHash((tokens[left] as Token).lemma)), l0));
  }
}
