import type { Token } from '../tag-tokens.js';
import type { TaggerDocument } from './features.js';
import { finish, fnv1a as id, mix, near } from './hash-steps.js';

/*
 * More static features of the first and second pass, hashed from integers without
 * strings (as the stacked features are): a wider window of words and parts of speech,
 * lemma pairs, the distance to the nearest quotation mark, what lies between a token and
 * the nearest cue word of the lexicon, and the cue rate of each lemma learned from the
 * training split (`CueVocabulary`), with the nearest learned cue word on each side.
 */

/** Number of extra static features per token (as written by `extraFeatureHashes`). */
export const EXTRA_FEATURE_COUNT = 23;

/**
 * Lemma → cue-rate class learned from PolNeAR train: how often the lemma is (part of) a
 * gold cue, in classes 1..4 (see `rateClass`); lemmas seen fewer than `MIN_COUNT` times
 * or almost never in a cue are left out (class 0).
 */
export type CueVocabulary = ReadonlyMap<string, number>;

/** Class from which a lemma counts as a learned cue word (nearest-cue features, busy sentences). */
export const LEARNED_CUE_CLASS = 2;

// Chosen before looking at any score: rates at or under 5% carry little; classes split the
// remainder roughly evenly on a log scale.
const MIN_COUNT = 3;
export function rateClass(cue: number, total: number): number {
  if (total < MIN_COUNT) return 0;
  const r = cue / total;
  return r <= 0.05 ? 0 : r <= 0.15 ? 1 : r <= 0.35 ? 2 : r <= 0.6 ? 3 : 4;
}

/** The vocabulary from lemma counts: `[lemma, cue count, total count]`. */
export function vocabularyOf(counts: Iterable<readonly [string, number, number]>): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const [lemma, cue, total] of counts) {
    const c = rateClass(cue, total);
    if (c > 0) vocabulary.set(lemma, c);
  }
  return vocabulary;
}

/** The vocabulary as shipped: `lemma:class` separated by spaces. */
export function encodeVocabulary(vocabulary: CueVocabulary): string {
  return [...vocabulary.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w, c]) => `${w}:${c}`)
    .join(' ');
}

export function decodeVocabulary(encoded: string): Map<string, number> {
  const vocabulary = new Map<string, number>();
  for (const item of encoded.split(' ')) {
    const at = item.lastIndexOf(':');
    if (at > 0) vocabulary.set(item.slice(0, at), Number(item.slice(at + 1)));
  }
  return vocabulary;
}

/** Cue-rate class of each token of `doc` (by lemma, else by lower-case word). */
export function cueRates(doc: TaggerDocument, vocabulary: CueVocabulary | null): Uint8Array {
  const rates = new Uint8Array(doc.tokens.length);
  if (!vocabulary || vocabulary.size === 0) return rates;
  doc.tokens.forEach((t, i) => {
    rates[i] = vocabulary.get(t.lemma) ?? (t.lower === t.lemma ? 0 : (vocabulary.get(t.lower) ?? 0));
  });
  return rates;
}

const QUOTE_MARKS = new Set(['“', '”', '"', "''", '``', '«', '»', '‘', '’']);

/** Whether a token is one of QUOTE_MARKS (every one is one or two UTF-16 units long). */
function isQuoteMark(text: string): boolean {
  return text.length <= 2 && QUOTE_MARKS.has(text);
}

const POS_HASHES = new Map<string, number>();

/** `id(pos)`, remembered: parts of speech are a handful of strings. */
function posHash(pos: string): number {
  let h = POS_HASHES.get(pos);
  if (h === undefined) {
    h = id(pos);
    POS_HASHES.set(pos, h);
  }
  return h;
}
const BOUNDARY = 0x7fffffff;

/**
 * Hashes of the extra features of every token: token `i` owns
 * `out[i * EXTRA_FEATURE_COUNT ..]`; tokens of the sentences flagged in `skip` keep zeros.
 * `lex` is the lexicon class of each token (`staticContext`); `left` and `right` the
 * nearest lexicon cue on each side in the sentence (or -1).
 */
export function extraFeatureHashes(
  doc: TaggerDocument,
  lex: readonly string[],
  left: Int32Array,
  right: Int32Array,
  skip: Uint8Array | null,
  out: Int32Array,
  stride: number,
  offset: number,
): void {
  const { tokens, sentenceOf, quoted } = doc;
  const n = tokens.length;
  if (n === 0) return;
  const rates = doc.cueRates ?? new Uint8Array(n);
  // Hashes of each token's word, lemma and part of speech, computed once. Features only
  // look within a token's own sentence, so tokens of skipped sentences are left out here.
  const kept = (i: number): boolean => !skip || !skip[sentenceOf[i] as number];
  const words = new Int32Array(n);
  const lemmas = new Int32Array(n);
  const tags = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (!kept(i)) continue;
    const t = tokens[i] as Token;
    words[i] = id(t.lower);
    lemmas[i] = t.lemma === t.lower ? (words[i] as number) : id(t.lemma);
    tags[i] = posHash(t.pos);
  }
  const same = (i: number, j: number): boolean => j >= 0 && j < n && sentenceOf[i] === sentenceOf[j];
  const word = (i: number, j: number): number => (same(i, j) ? (words[j] as number) : BOUNDARY);
  const lemma = (i: number, j: number): number => (same(i, j) ? (lemmas[j] as number) : BOUNDARY);
  const pos = (i: number, j: number): number => (same(i, j) ? (tags[j] as number) : BOUNDARY);
  // Nearest quotation mark, verb, learned cue on each side; running counts for "between" flags.
  const markLeft = new Int32Array(n).fill(-1);
  const markRight = new Int32Array(n).fill(-1);
  const verbLeft = new Int32Array(n).fill(-1);
  const verbRight = new Int32Array(n).fill(-1);
  const learnedLeft = new Int32Array(n).fill(-1);
  const learnedRight = new Int32Array(n).fill(-1);
  const verbs = new Int32Array(n + 1);
  const commas = new Int32Array(n + 1);
  const thats = new Int32Array(n + 1);
  const sentences = (sentenceOf[n - 1] as number) + 1;
  const lexCount = new Uint8Array(sentences);
  const mark = new Uint8Array(n);
  const verb = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    verbs[i + 1] = verbs[i] as number;
    commas[i + 1] = commas[i] as number;
    thats[i + 1] = thats[i] as number;
    if (!kept(i)) continue;
    const t = tokens[i] as Token;
    mark[i] = isQuoteMark(t.text) ? 1 : 0;
    const isVerb = t.pos === 'VERB' ? 1 : 0;
    verb[i] = isVerb;
    verbs[i + 1] = (verbs[i] as number) + isVerb;
    if (t.text === ',') commas[i + 1] = (commas[i] as number) + 1;
    if (t.lower === 'that') thats[i + 1] = (thats[i] as number) + 1;
    const l = lex[i] as string;
    if (l !== '-' && l[0] !== 'w') {
      const s = sentenceOf[i] as number;
      if ((lexCount[s] as number) < 3) lexCount[s] = (lexCount[s] as number) + 1;
    }
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1]) continue;
    const p = i - 1;
    markLeft[i] = mark[p] ? p : (markLeft[p] as number);
    verbLeft[i] = verb[p] ? p : (verbLeft[p] as number);
    learnedLeft[i] = (rates[p] as number) >= LEARNED_CUE_CLASS ? p : (learnedLeft[p] as number);
  }
  for (let i = n - 2; i >= 0; i--) {
    if (sentenceOf[i] !== sentenceOf[i + 1] || !kept(i)) continue;
    const x = i + 1;
    markRight[i] = mark[x] ? x : (markRight[x] as number);
    verbRight[i] = verb[x] ? x : (verbRight[x] as number);
    learnedRight[i] = (rates[x] as number) >= LEARNED_CUE_CLASS ? x : (learnedRight[x] as number);
  }
  const between = (a: number, b: number, counts: Int32Array): number =>
    (counts[b] as number) - (counts[a + 1] as number) > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const s = sentenceOf[i] as number;
    let k = i * stride + offset;
    if (skip && skip[s]) continue;
    const t = tokens[i] as Token;
    const p = tags[i] as number;
    const w = words[i] as number;
    const lm = lemmas[i] as number;
    const q = quoted[i] as number;
    const pp1 = pos(i, i + 1);
    const ml = markLeft[i] as number;
    const mr = markRight[i] as number;
    const dml = ml < 0 ? 8 : near(i - ml);
    const dmr = mr < 0 ? 8 : near(mr - i);
    const lt = left[i] as number;
    const rt = right[i] as number;
    const vl = verbLeft[i] as number;
    const vr = verbRight[i] as number;
    const rate = rates[i] as number;
    const ll = learnedLeft[i] as number;
    const lr = learnedRight[i] as number;
    const dll = ll < 0 ? 8 : near(i - ll);
    const dlr = lr < 0 ? 8 : near(lr - i);
    // Between the token and the nearest lexicon cue on its right: a verb? a comma?
    const rcFlags = rt < 0 ? 7 : between(i, rt, verbs) | (between(i, rt, commas) << 1);
    // Between the nearest lexicon cue on its left and the token: a verb? a comma? "that"?
    const lcFlags =
      lt < 0 ? 15 : between(lt, i, verbs) | (between(lt, i, commas) << 1) | (between(lt, i, thats) << 2);
    out[k++] = finish(mix(101, word(i, i - 3)));
    out[k++] = finish(mix(102, word(i, i + 3)));
    out[k++] = finish(mix(mix(103, pos(i, i - 3)), pos(i, i - 2)));
    out[k++] = finish(mix(mix(104, pos(i, i + 2)), pos(i, i + 3)));
    out[k++] = finish(mix(mix(105, lemma(i, i - 1)), lm));
    out[k++] = finish(mix(mix(106, lm), lemma(i, i + 1)));
    out[k++] = finish(mix(mix(mix(107, pos(i, i - 1)), w), word(i, i + 1)));
    out[k++] = finish(mix(mix(mix(108, word(i, i - 1)), w), pp1));
    out[k++] = finish(mix(mix(109, id(t.lower, Math.max(0, t.lower.length - 2))), p));
    out[k++] = finish(mix(mix(mix(110, dml), dmr), q));
    out[k++] = finish(mix(mix(mix(111, dml), dmr), p));
    out[k++] = finish(mix(mix(112, lexCount[s] as number), p));
    out[k++] = finish(mix(mix(113, vl < 0 ? 0 : (lemmas[vl] as number)), p));
    out[k++] = finish(mix(mix(114, vr < 0 ? 0 : (lemmas[vr] as number)), p));
    out[k++] = finish(mix(mix(mix(115, rcFlags), rt < 0 ? 8 : near(rt - i)), p));
    out[k++] = finish(mix(mix(mix(116, lcFlags), lt < 0 ? 8 : near(i - lt)), p));
    out[k++] = finish(mix(117, rate));
    out[k++] = finish(mix(mix(118, rate), p));
    out[k++] = finish(mix(mix(mix(119, rate), p), pp1));
    out[k++] = finish(mix(mix(120, rate), word(i, i + 1)));
    out[k++] = finish(mix(mix(mix(121, dll), dlr), q));
    out[k++] = finish(mix(mix(122, dll), ll < 0 ? 0 : (lemmas[ll] as number)));
    out[k++] = finish(mix(mix(123, dlr), lr < 0 ? 0 : (lemmas[lr] as number)));
  }
}
