import type { Token } from '../tag-tokens.js';
import {
  bucket,
  paragraphStart,
  SHORT_LABEL,
  staticContext,
  type HistoryState,
  type TaggerDocument,
} from './features.js';
import { EXTRA_FEATURE_COUNT, extraFeatureHashes } from './extra-features.js';

/*
 * The features of `staticFeatures` and `historyFeatures`, hashed without building their
 * strings: FNV-1a is folded over the parts of each feature in turn, which gives exactly
 * `hashFeature` of the joined string (so the shipped weights stay valid). The tests check
 * both paths agree.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UNDERSCORE = 0x5f;

/** FNV-1a state `h` continued over the UTF-16 units of `s` (from `from`). */
function fold(h: number, s: string, from = 0): number {
  for (let i = from; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a state after `s`, from the start. */
function start(s: string): number {
  return fold(FNV_OFFSET, s);
}

/** `fold(h, a + '_' + b)`. */
function pair(h: number, a: string, b: string): number {
  return fold(Math.imul(fold(h, a) ^ UNDERSCORE, FNV_PRIME), b);
}

const H = {
  b: start('b'),
  w: start('w='),
  l: start('l='),
  p: start('p='),
  sh: start('sh='),
  s3: start('s3='),
  wm1: start('w-1='),
  wp1: start('w+1='),
  wm2: start('w-2='),
  wp2: start('w+2='),
  wm1w: start('w-1w='),
  wwp1: start('ww+1='),
  pm1: start('p-1='),
  pp1: start('p+1='),
  pm2: start('p-2='),
  pp2: start('p+2='),
  pm1p: start('p-1p='),
  ppp1: start('pp+1='),
  pm2pm1p: start('p-2p-1p='),
  ppp1pp2: start('pp+1p+2='),
  lx: start('lx='),
  lxm1: start('lx-1='),
  lxp1: start('lx+1='),
  lxp: start('lx|p='),
  q: start('q='),
  qp: start('q|p='),
  qt: start('qt='),
  sp: start('sp='),
  se: start('se='),
  sq: start('sq='),
  sr: start('sr='),
  par: start('par='),
  lc: start('lc='),
  rc: start('rc='),
  lcw: start('lcw='),
  rcw: start('rcw='),
  lcq: start('lc|q='),
  r: start('r='),
  rm1: start('r-1='),
  rp1: start('r+1='),
  rm1rrp1: start('r-1rr+1='),
  rw: start('r|w='),
  rp: start('r|p='),
  nr: start('nr='),
};

/** Number of static features per token that `staticFeatures` spells as strings. */
export const STRING_FEATURE_COUNT = 44;

/** Number of static features per token: those of `staticFeatures`, then the extra ones. */
export const STATIC_FEATURE_COUNT = STRING_FEATURE_COUNT + EXTRA_FEATURE_COUNT;

/** The shape of a word, as `shape` in features.ts, without regular expressions for ASCII. */
export function fastShape(word: string): string {
  let out = '';
  let last = -1;
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    let code = word.charCodeAt(i);
    let unit = word[i] as string;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < word.length) {
      const low = word.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        unit = word.slice(i, i + 2);
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    let mapped: number;
    let text: string;
    if (code < 0x80) {
      if (code >= 65 && code <= 90) mapped = 88;
      else if (code >= 97 && code <= 122) mapped = 120;
      else if (code >= 48 && code <= 57) mapped = 100;
      else mapped = code;
      text = String.fromCharCode(mapped);
    } else if (/\p{Lu}/u.test(unit)) {
      mapped = 88;
      text = 'X';
    } else if (/\p{Ll}/u.test(unit)) {
      mapped = 120;
      text = 'x';
    } else if (/\p{N}/u.test(unit)) {
      mapped = 100;
      text = 'd';
    } else {
      mapped = code;
      text = unit;
    }
    // `(.)\1+` → `$1$1`: a run of one character keeps two; `.` does not match line terminators.
    const terminator = mapped === 10 || mapped === 13 || mapped === 0x2028 || mapped === 0x2029;
    if (mapped === last && !terminator) {
      run++;
      if (run > 2) continue;
    } else {
      last = mapped;
      run = 1;
    }
    out += text;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

/** `fold(h, fastShape(word))`, without building the shape for ASCII words. */
function foldShape(h: number, word: string): number {
  let last = -1;
  let run = 0;
  let length = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 0x80) return fold(h, fastShape(word));
  }
  for (let i = 0; i < word.length && length < 6; i++) {
    const code = word.charCodeAt(i);
    const mapped =
      code >= 65 && code <= 90 ? 88 : code >= 97 && code <= 122 ? 120 : code >= 48 && code <= 57 ? 100 : code;
    if (mapped === last && mapped !== 10 && mapped !== 13) {
      run++;
      if (run > 2) continue;
    } else {
      last = mapped;
      run = 1;
    }
    h = Math.imul(h ^ mapped, FNV_PRIME);
    length++;
  }
  return h;
}

/**
 * FNV-1a hashes (`hashFeature`) of the static features of every token, in the order of
 * `staticFeatures`, then the extra features (`extraFeatureHashes`): token `i` owns
 * `hashes[i * STATIC_FEATURE_COUNT ..]`. Int32 values;
 * `& mask` gives the same bucket as the unsigned hash. Tokens of the sentences flagged in
 * `skip` keep zeros.
 */
export function staticFeatureHashes(doc: TaggerDocument, skip: Uint8Array | null = null): Int32Array {
  const { tokens, sentenceOf, position, sentenceLength, quoted, ruleLabel, nestedLabel } = doc;
  const n = tokens.length;
  const { lex, left, right, sentenceQuoted, sentenceRule } = staticContext(doc, skip);
  const out = new Int32Array(n * STATIC_FEATURE_COUNT);
  const same = (i: number, j: number): boolean => j >= 0 && j < n && sentenceOf[i] === sentenceOf[j];
  const word = (i: number, j: number): string => (same(i, j) ? (tokens[j] as Token).lower : '|');
  const pos = (i: number, j: number): string => (same(i, j) ? (tokens[j] as Token).pos : '|');
  const short = (label: number | undefined): string => SHORT_LABEL[label ?? 0] ?? 'O';
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const s = sentenceOf[i] as number;
    if (skip && skip[s]) {
      k += STATIC_FEATURE_COUNT;
      continue;
    }
    const r = short(ruleLabel[i]);
    const rPrev = same(i, i - 1) ? short(ruleLabel[i - 1]) : '|';
    const rNext = same(i, i + 1) ? short(ruleLabel[i + 1]) : '|';
    const w = t.lower;
    const p = t.pos;
    const q = quoted[i] ? 'q' : 'u';
    const pos0 = position[i] as number;
    const toEnd = (sentenceLength[i] as number) - 1 - pos0;
    const l = left[i] as number;
    const rt = right[i] as number;
    const wm1 = word(i, i - 1);
    const wp1 = word(i, i + 1);
    const pm1 = pos(i, i - 1);
    const pp1 = pos(i, i + 1);
    const pm2 = pos(i, i - 2);
    const lx = lex[i] as string;
    out[k++] = H.b;
    out[k++] = fold(H.w, w);
    out[k++] = fold(H.l, t.lemma);
    out[k++] = fold(H.p, p);
    out[k++] = foldShape(H.sh, t.text);
    out[k++] = fold(H.s3, w, Math.max(0, w.length - 3));
    out[k++] = fold(H.wm1, wm1);
    out[k++] = fold(H.wp1, wp1);
    out[k++] = fold(H.wm2, word(i, i - 2));
    out[k++] = fold(H.wp2, word(i, i + 2));
    out[k++] = pair(H.wm1w, wm1, w);
    out[k++] = pair(H.wwp1, w, wp1);
    out[k++] = fold(H.pm1, pm1);
    out[k++] = fold(H.pp1, pp1);
    out[k++] = fold(H.pm2, pm2);
    out[k++] = fold(H.pp2, pos(i, i + 2));
    out[k++] = pair(H.pm1p, pm1, p);
    out[k++] = pair(H.ppp1, p, pp1);
    out[k++] = pair(pair(H.pm2pm1p, pm2, pm1), '', p);
    out[k++] = pair(pair(H.ppp1pp2, p, pp1), '', pos(i, i + 2));
    out[k++] = fold(H.lx, lx);
    out[k++] = fold(H.lxm1, same(i, i - 1) ? (lex[i - 1] as string) : '|');
    out[k++] = fold(H.lxp1, same(i, i + 1) ? (lex[i + 1] as string) : '|');
    out[k++] = pair(H.lxp, lx, p);
    out[k++] = fold(H.q, q);
    out[k++] = pair(H.qp, q, p);
    out[k++] = fold(
      fold(fold(H.qt, same(i, i - 1) ? (quoted[i - 1] ? 'q' : 'u') : '|'), q),
      same(i, i + 1) ? (quoted[i + 1] ? 'q' : 'u') : '|',
    );
    out[k++] = fold(H.sp, bucket(pos0));
    out[k++] = fold(H.se, bucket(toEnd));
    out[k++] = fold(H.sq, sentenceQuoted[s] ? '1' : '0');
    out[k++] = fold(H.sr, sentenceRule[s] ? '1' : '0');
    out[k++] = fold(H.par, pos0 === 0 && paragraphStart(doc, i) ? '1' : '0');
    out[k++] = fold(H.lc, l < 0 ? '-' : bucket(i - l));
    out[k++] = fold(H.rc, rt < 0 ? '-' : bucket(rt - i));
    out[k++] = fold(H.lcw, l < 0 ? '-' : (tokens[l] as Token).lemma);
    out[k++] = fold(H.rcw, rt < 0 ? '-' : (tokens[rt] as Token).lemma);
    out[k++] = fold(fold(fold(H.lcq, l < 0 ? '-' : 'y'), rt < 0 ? '-' : 'y'), q);
    out[k++] = fold(H.r, r);
    out[k++] = fold(H.rm1, rPrev);
    out[k++] = fold(H.rp1, rNext);
    out[k++] = pair(pair(H.rm1rrp1, rPrev, r), '', rNext);
    out[k++] = pair(H.rw, r, w);
    out[k++] = pair(H.rp, r, p);
    out[k++] = fold(H.nr, SHORT_LABEL[nestedLabel[i] ?? 0] as string);
    k += EXTRA_FEATURE_COUNT;
  }
  extraFeatureHashes(doc, lex, left, right, skip, out, STATIC_FEATURE_COUNT, STRING_FEATURE_COUNT);
  return out;
}

/** Number of history features per token (as in `historyFeatures`). */
export const HISTORY_FEATURE_COUNT = 10;

const LABEL_COUNT = SHORT_LABEL.length;
const SEEN_COUNT = 8;

/** Hash states of the history features' label-only parts, precomputed per label (and seen set). */
const HISTORY = (() => {
  const labels = SHORT_LABEL as readonly string[];
  const t1 = labels.map((a) => start(`t-1=${a}`));
  const t2t1 = labels.flatMap((b) => labels.map((a) => start(`t-2t-1=${b}_${a}`)));
  const t1w = labels.map((a) => start(`t-1|w=${a}_`));
  const t1p = labels.map((a) => start(`t-1|p=${a}_`));
  const t1q = labels.flatMap((a) => ['u', 'q'].map((q) => start(`t-1|q=${a}_${q}`)));
  const t1r = labels.flatMap((a) => labels.map((r) => start(`t-1|r=${a}_${r}`)));
  const t1ns = labels.flatMap((a) => ['0', '1'].map((ns) => start(`t-1|ns=${a}_${ns}`)));
  const seenCodes = Array.from({ length: SEEN_COUNT }, (_, s) => s);
  const seen = seenCodes.map((s) => start(`seen=${s}`));
  const seenP = seenCodes.map((s) => start(`seen|p=${s}_`));
  const seenT1 = seenCodes.flatMap((s) => labels.map((a) => start(`seen|t-1=${s}_${a}`)));
  return { t1, t2t1, t1w, t1p, t1q, t1r, t1ns, seen, seenP, seenT1 };
})();

/**
 * Writes the hashes of `historyFeatures(doc, i, labels, state)` into `out` (from 0), in
 * the same order, and returns their number.
 */
export function historyFeatureHashes(
  doc: TaggerDocument,
  i: number,
  labels: Uint8Array,
  state: HistoryState,
  out: Int32Array,
): number {
  const t = doc.tokens[i] as Token;
  const p1 = i > 0 ? (labels[i - 1] ?? 0) : 0;
  const p2 = i > 1 ? (labels[i - 2] ?? 0) : 0;
  const newSentence = i === 0 || doc.sentenceOf[i] !== doc.sentenceOf[i - 1];
  const seen = newSentence ? 0 : state.seen;
  const q = doc.quoted[i] ? 1 : 0;
  out[0] = HISTORY.t1[p1] as number;
  out[1] = HISTORY.t2t1[p2 * LABEL_COUNT + p1] as number;
  out[2] = fold(HISTORY.t1w[p1] as number, t.lower);
  out[3] = fold(HISTORY.t1p[p1] as number, t.pos);
  out[4] = HISTORY.t1q[p1 * 2 + q] as number;
  out[5] = HISTORY.t1r[p1 * LABEL_COUNT + (doc.ruleLabel[i] ?? 0)] as number;
  out[6] = HISTORY.t1ns[p1 * 2 + (newSentence ? 1 : 0)] as number;
  out[7] = HISTORY.seen[seen] as number;
  out[8] = fold(HISTORY.seenP[seen] as number, t.pos);
  out[9] = HISTORY.seenT1[seen * LABEL_COUNT + p1] as number;
  return HISTORY_FEATURE_COUNT;
}
