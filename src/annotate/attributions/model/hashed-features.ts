import type { Token } from '../tag-tokens.js';
import {
  bucket,
  paragraphStart,
  SHORT_LABEL,
  staticContext,
  type HistoryState,
  type StaticContext,
  type TaggerDocument,
} from './features.js';
import { CUE_NOUNS, CUE_VERBS, PASSIVE_CUES } from '../../lexicon/cue-verbs.js';
import { POS_TAGS } from '../../pos/pos-features.js';
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

/*
 * Features over small sets of values (parts of speech, lexicon classes, rule labels,
 * distance buckets, flags) are read from tables of their hashes made once, instead of
 * folding their strings for every token: the same FNV-1a values, so the same weights.
 * Parts of speech outside `KNOWN_POS` (none from the project's tagger) and lexicon classes
 * outside the lexicon's cue classes take the string path.
 */

/** The tagger's universal parts of speech (POS_TAGS); '|' stands for a position outside the sentence. */
const KNOWN_POS = ['|', ...POS_TAGS];
const POS_ID = new Map(KNOWN_POS.map((p, i) => [p, i]));
const NP = KNOWN_POS.length;

/** Lexicon classes (`lexicon`): '-' and '|' (outside the sentence), then kind:class. */
const KNOWN_LEX = [
  '-',
  '|',
  ...['v', 'n', 'p', 'w'].flatMap((kind) =>
    [
      ...new Set(
        [...CUE_VERBS.values()]
          .map((v) => v.cueClass)
          .concat([...CUE_NOUNS.values(), ...PASSIVE_CUES.values()]),
      ),
    ]
      .sort()
      .map((c) => `${kind}:${c}`),
  ),
];
const LEX_ID = new Map(KNOWN_LEX.map((l, i) => [l, i]));
const NL = KNOWN_LEX.length;

/** Rule labels as spelled (SHORT_LABEL), then '|' for outside the sentence. */
const RULE_NAMES = [...(SHORT_LABEL as readonly string[]), '|'];
const NR = RULE_NAMES.length;
const RULE_OUT = NR - 1;

/** `bucket(n)` for the classes of `near` (0..7); `-` as 8. */
const BUCKET_NAMES = ['0', '1', '2', '3', '4-6', '7-10', '11-20', '21+', '-'];
const NEAR_NONE = 8;

const table = (size: number, hash: (index: number) => number): Int32Array =>
  Int32Array.from({ length: size }, (_, index) => hash(index));

const T = (() => {
  const P = KNOWN_POS;
  const L = KNOWN_LEX;
  const R = RULE_NAMES;
  const B = BUCKET_NAMES;
  const Q = ['u', 'q'];
  const Q3 = ['|', 'u', 'q'];
  const bit = ['0', '1'];
  const at = (names: readonly string[], i: number): string => names[i] as string;
  return {
    p: table(NP, (a) => fold(H.p, at(P, a))),
    pm1: table(NP, (a) => fold(H.pm1, at(P, a))),
    pp1: table(NP, (a) => fold(H.pp1, at(P, a))),
    pm2: table(NP, (a) => fold(H.pm2, at(P, a))),
    pp2: table(NP, (a) => fold(H.pp2, at(P, a))),
    pm1p: table(NP * NP, (x) => pair(H.pm1p, at(P, Math.floor(x / NP)), at(P, x % NP))),
    ppp1: table(NP * NP, (x) => pair(H.ppp1, at(P, Math.floor(x / NP)), at(P, x % NP))),
    pm2pm1p: table(NP * NP * NP, (x) =>
      pair(
        pair(H.pm2pm1p, at(P, Math.floor(x / NP / NP)), at(P, Math.floor(x / NP) % NP)),
        '',
        at(P, x % NP),
      ),
    ),
    ppp1pp2: table(NP * NP * NP, (x) =>
      pair(
        pair(H.ppp1pp2, at(P, Math.floor(x / NP / NP)), at(P, Math.floor(x / NP) % NP)),
        '',
        at(P, x % NP),
      ),
    ),
    lx: table(NL, (a) => fold(H.lx, at(L, a))),
    lxm1: table(NL, (a) => fold(H.lxm1, at(L, a))),
    lxp1: table(NL, (a) => fold(H.lxp1, at(L, a))),
    lxp: table(NL * NP, (x) => pair(H.lxp, at(L, Math.floor(x / NP)), at(P, x % NP))),
    q: table(2, (a) => fold(H.q, at(Q, a))),
    qp: table(2 * NP, (x) => pair(H.qp, at(Q, Math.floor(x / NP)), at(P, x % NP))),
    qt: table(18, (x) =>
      fold(fold(fold(H.qt, at(Q3, Math.floor(x / 6))), at(Q, Math.floor(x / 3) % 2)), at(Q3, x % 3)),
    ),
    sp: table(8, (a) => fold(H.sp, at(B, a))),
    se: table(8, (a) => fold(H.se, at(B, a))),
    sq: table(2, (a) => fold(H.sq, at(bit, a))),
    sr: table(2, (a) => fold(H.sr, at(bit, a))),
    par: table(2, (a) => fold(H.par, at(bit, a))),
    lc: table(9, (a) => fold(H.lc, at(B, a))),
    rc: table(9, (a) => fold(H.rc, at(B, a))),
    lcq: table(8, (x) => fold(fold(fold(H.lcq, x & 4 ? 'y' : '-'), x & 2 ? 'y' : '-'), at(Q, x & 1))),
    r: table(NR, (a) => fold(H.r, at(R, a))),
    rm1: table(NR, (a) => fold(H.rm1, at(R, a))),
    rp1: table(NR, (a) => fold(H.rp1, at(R, a))),
    rm1rrp1: table(NR * NR * NR, (x) =>
      pair(
        pair(H.rm1rrp1, at(R, Math.floor(x / NR / NR)), at(R, Math.floor(x / NR) % NR)),
        '',
        at(R, x % NR),
      ),
    ),
    /** State after `r|w=<r>_`, to be continued over the word. */
    rw: table(NR, (a) => Math.imul(fold(H.rw, at(R, a)) ^ UNDERSCORE, FNV_PRIME)),
    rp: table(NR * NP, (x) => pair(H.rp, at(R, Math.floor(x / NP)), at(P, x % NP))),
    nr: table(NR, (a) => fold(H.nr, at(R, a))),
  };
})();

/** `near(n)` as the index of `bucket(n)` in BUCKET_NAMES (n ≥ 0). */
function bucketIndex(n: number): number {
  return n <= 3 ? n : n <= 6 ? 4 : n <= 10 ? 5 : n <= 20 ? 6 : 7;
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
  const context = staticContext(doc, skip);
  const { lex, left, right, sentenceQuoted, sentenceRule } = context;
  const out = new Int32Array(n * STATIC_FEATURE_COUNT);
  // Table indices of each token's part of speech and lexicon class (-1: not in the tables).
  const posIds = new Int32Array(n);
  const lexIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    posIds[i] = POS_ID.get((tokens[i] as Token).pos) ?? -1;
    lexIds[i] = LEX_ID.get(lex[i] as string) ?? -1;
  }
  const same = (i: number, j: number): boolean => j >= 0 && j < n && sentenceOf[i] === sentenceOf[j];
  const word = (i: number, j: number): string => (same(i, j) ? (tokens[j] as Token).lower : '|');
  // Outside the sentence: '|' (id 0 of parts of speech, 1 of lexicon classes).
  const posAt = (i: number, j: number): number => (same(i, j) ? (posIds[j] as number) : 0);
  const lexAt = (i: number, j: number): number => (same(i, j) ? (lexIds[j] as number) : 1);
  const ruleAt = (i: number, j: number): number => (same(i, j) ? (ruleLabel[j] as number) : RULE_OUT);
  let k = 0;
  for (let i = 0; i < n; i++, k += STATIC_FEATURE_COUNT) {
    const s = sentenceOf[i] as number;
    if (skip && skip[s]) continue;
    const pm2 = posAt(i, i - 2);
    const pm1 = posAt(i, i - 1);
    const p = posIds[i] as number;
    const pp1 = posAt(i, i + 1);
    const pp2 = posAt(i, i + 2);
    const lm1 = lexAt(i, i - 1);
    const lx = lexIds[i] as number;
    const lp1 = lexAt(i, i + 1);
    const r = ruleLabel[i] as number;
    const nested = nestedLabel[i] as number;
    if ((pm2 | pm1 | p | pp1 | pp2 | lm1 | lx | lp1) < 0 || r >= RULE_OUT || nested >= RULE_OUT) {
      stringFeatureHashesAt(doc, context, i, out, k);
      continue;
    }
    const t = tokens[i] as Token;
    const w = t.lower;
    const rm1 = ruleAt(i, i - 1);
    const rp1 = ruleAt(i, i + 1);
    const q = quoted[i] as number;
    const pos0 = position[i] as number;
    const toEnd = (sentenceLength[i] as number) - 1 - pos0;
    const l = left[i] as number;
    const rt = right[i] as number;
    const wm1 = word(i, i - 1);
    const wp1 = word(i, i + 1);
    out[k] = H.b;
    out[k + 1] = fold(H.w, w);
    out[k + 2] = fold(H.l, t.lemma);
    out[k + 3] = T.p[p] as number;
    out[k + 4] = foldShape(H.sh, t.text);
    out[k + 5] = fold(H.s3, w, Math.max(0, w.length - 3));
    out[k + 6] = fold(H.wm1, wm1);
    out[k + 7] = fold(H.wp1, wp1);
    out[k + 8] = fold(H.wm2, word(i, i - 2));
    out[k + 9] = fold(H.wp2, word(i, i + 2));
    out[k + 10] = pair(H.wm1w, wm1, w);
    out[k + 11] = pair(H.wwp1, w, wp1);
    out[k + 12] = T.pm1[pm1] as number;
    out[k + 13] = T.pp1[pp1] as number;
    out[k + 14] = T.pm2[pm2] as number;
    out[k + 15] = T.pp2[pp2] as number;
    out[k + 16] = T.pm1p[pm1 * NP + p] as number;
    out[k + 17] = T.ppp1[p * NP + pp1] as number;
    out[k + 18] = T.pm2pm1p[(pm2 * NP + pm1) * NP + p] as number;
    out[k + 19] = T.ppp1pp2[(p * NP + pp1) * NP + pp2] as number;
    out[k + 20] = T.lx[lx] as number;
    out[k + 21] = T.lxm1[lm1] as number;
    out[k + 22] = T.lxp1[lp1] as number;
    out[k + 23] = T.lxp[lx * NP + p] as number;
    out[k + 24] = T.q[q] as number;
    out[k + 25] = T.qp[q * NP + p] as number;
    const qm1 = same(i, i - 1) ? 1 + (quoted[i - 1] as number) : 0;
    const qp1 = same(i, i + 1) ? 1 + (quoted[i + 1] as number) : 0;
    out[k + 26] = T.qt[qm1 * 6 + q * 3 + qp1] as number;
    out[k + 27] = T.sp[bucketIndex(pos0)] as number;
    out[k + 28] = T.se[bucketIndex(toEnd)] as number;
    out[k + 29] = T.sq[sentenceQuoted[s] ? 1 : 0] as number;
    out[k + 30] = T.sr[sentenceRule[s] ? 1 : 0] as number;
    out[k + 31] = T.par[pos0 === 0 && paragraphStart(doc, i) ? 1 : 0] as number;
    out[k + 32] = T.lc[l < 0 ? NEAR_NONE : bucketIndex(i - l)] as number;
    out[k + 33] = T.rc[rt < 0 ? NEAR_NONE : bucketIndex(rt - i)] as number;
    out[k + 34] = fold(H.lcw, l < 0 ? '-' : (tokens[l] as Token).lemma);
    out[k + 35] = fold(H.rcw, rt < 0 ? '-' : (tokens[rt] as Token).lemma);
    out[k + 36] = T.lcq[(l < 0 ? 0 : 4) | (rt < 0 ? 0 : 2) | q] as number;
    out[k + 37] = T.r[r] as number;
    out[k + 38] = T.rm1[rm1] as number;
    out[k + 39] = T.rp1[rp1] as number;
    out[k + 40] = T.rm1rrp1[(rm1 * NR + r) * NR + rp1] as number;
    out[k + 41] = fold(T.rw[r] as number, w);
    out[k + 42] = T.rp[r * NP + p] as number;
    out[k + 43] = T.nr[nested] as number;
  }
  extraFeatureHashes(doc, lex, left, right, skip, out, STATIC_FEATURE_COUNT, STRING_FEATURE_COUNT);
  return out;
}

/**
 * The string features of token `i` hashed by folding every part (the general path, for
 * tokens with a part of speech or lexicon class outside the tables), written at `out[k..]`.
 */
function stringFeatureHashesAt(
  doc: TaggerDocument,
  context: StaticContext,
  i: number,
  out: Int32Array,
  at: number,
): void {
  const { tokens, sentenceOf, position, sentenceLength, quoted, ruleLabel, nestedLabel } = doc;
  const { lex, left, right, sentenceQuoted, sentenceRule } = context;
  const n = tokens.length;
  const same = (j: number): boolean => j >= 0 && j < n && sentenceOf[i] === sentenceOf[j];
  const word = (j: number): string => (same(j) ? (tokens[j] as Token).lower : '|');
  const pos = (j: number): string => (same(j) ? (tokens[j] as Token).pos : '|');
  const short = (label: number | undefined): string => SHORT_LABEL[label ?? 0] ?? 'O';
  const t = tokens[i] as Token;
  const s = sentenceOf[i] as number;
  const r = short(ruleLabel[i]);
  const rPrev = same(i - 1) ? short(ruleLabel[i - 1]) : '|';
  const rNext = same(i + 1) ? short(ruleLabel[i + 1]) : '|';
  const w = t.lower;
  const p = t.pos;
  const q = quoted[i] ? 'q' : 'u';
  const pos0 = position[i] as number;
  const toEnd = (sentenceLength[i] as number) - 1 - pos0;
  const l = left[i] as number;
  const rt = right[i] as number;
  const wm1 = word(i - 1);
  const wp1 = word(i + 1);
  const pm1 = pos(i - 1);
  const pp1 = pos(i + 1);
  const pm2 = pos(i - 2);
  const lx = lex[i] as string;
  let k = at;
  out[k++] = H.b;
  out[k++] = fold(H.w, w);
  out[k++] = fold(H.l, t.lemma);
  out[k++] = fold(H.p, p);
  out[k++] = foldShape(H.sh, t.text);
  out[k++] = fold(H.s3, w, Math.max(0, w.length - 3));
  out[k++] = fold(H.wm1, wm1);
  out[k++] = fold(H.wp1, wp1);
  out[k++] = fold(H.wm2, word(i - 2));
  out[k++] = fold(H.wp2, word(i + 2));
  out[k++] = pair(H.wm1w, wm1, w);
  out[k++] = pair(H.wwp1, w, wp1);
  out[k++] = fold(H.pm1, pm1);
  out[k++] = fold(H.pp1, pp1);
  out[k++] = fold(H.pm2, pm2);
  out[k++] = fold(H.pp2, pos(i + 2));
  out[k++] = pair(H.pm1p, pm1, p);
  out[k++] = pair(H.ppp1, p, pp1);
  out[k++] = pair(pair(H.pm2pm1p, pm2, pm1), '', p);
  out[k++] = pair(pair(H.ppp1pp2, p, pp1), '', pos(i + 2));
  out[k++] = fold(H.lx, lx);
  out[k++] = fold(H.lxm1, same(i - 1) ? (lex[i - 1] as string) : '|');
  out[k++] = fold(H.lxp1, same(i + 1) ? (lex[i + 1] as string) : '|');
  out[k++] = pair(H.lxp, lx, p);
  out[k++] = fold(H.q, q);
  out[k++] = pair(H.qp, q, p);
  out[k++] = fold(
    fold(fold(H.qt, same(i - 1) ? (quoted[i - 1] ? 'q' : 'u') : '|'), q),
    same(i + 1) ? (quoted[i + 1] ? 'q' : 'u') : '|',
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
