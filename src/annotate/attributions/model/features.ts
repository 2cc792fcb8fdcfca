import type { Attribution, Sentence, Span } from '../../../model/annotations.js';
import { CUE_NOUNS, CUE_VERBS, PASSIVE_CUES } from '../../lexicon/cue-verbs.js';
import type { Token } from '../tag-tokens.js';
import { LABELS, labelOf, ROLE_BIT, type Role } from './labels.js';

/** One article as the tagger sees it: tokens with their sentence, quote and rule context. */
export interface TaggerDocument {
  text: string;
  tokens: Token[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  sentences: Sentence[];
  /** Index of each token within its sentence, and the length of that sentence in tokens. */
  position: Int32Array;
  sentenceLength: Int32Array;
  /** 1 when the token lies inside a quotation (marks included). */
  quoted: Uint8Array;
  /** BIO label the rule-based extractor gives the token (top-level attributions), and nested ones. */
  ruleLabel: Uint8Array;
  nestedLabel: Uint8Array;
  /** The rule-based attributions the labels came from. */
  rules: Attribution[];
  /** Cue-rate class of each token from the tagger's learned vocabulary (`cueRates`); none when absent. */
  cueRates?: Uint8Array;
}

/**
 * Gathers what the features need: the sentence of each token, whether it is quoted, and
 * the role the rules gave it. `rules` are the attributions of `ruleAttributions`.
 */
export function prepareDocument(
  text: string,
  sentences: Sentence[],
  tokens: Token[],
  quotes: Span[],
  rules: Attribution[],
): TaggerDocument {
  const n = tokens.length;
  const sentenceOf = new Int32Array(n);
  const position = new Int32Array(n);
  const sentenceLength = new Int32Array(n);
  let s = 0;
  let first = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    let moved = false;
    while (s + 1 < sentences.length && t.start >= (sentences[s] as Sentence).end) {
      s++;
      moved = true;
    }
    if (moved || i === 0) {
      for (let k = first; k < i; k++) sentenceLength[k] = i - first;
      first = i;
    }
    sentenceOf[i] = s;
    position[i] = i - first;
  }
  for (let k = first; k < n; k++) sentenceLength[k] = n - first;
  const quoted = new Uint8Array(n);
  let q = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    while (q < quotes.length && (quotes[q] as Span).end <= t.start) q++;
    const quote = quotes[q];
    if (quote && quote.start <= t.start && t.end <= quote.end) quoted[i] = 1;
  }
  const top = rules.filter((a) => a.parent === null);
  const nested = rules.filter((a) => a.parent !== null);
  return {
    text,
    tokens,
    sentenceOf,
    sentences,
    position,
    sentenceLength,
    quoted,
    ruleLabel: labelTokens(tokens, top),
    nestedLabel: labelTokens(tokens, nested),
    rules,
  };
}

/** BIO labels of `tokens` for the spans of `attributions` (a later attribution does not overwrite). */
export function labelTokens(tokens: Token[], attributions: Attribution[]): Uint8Array {
  const spans: Array<{ start: number; end: number; role: Role; id: number }> = [];
  attributions.forEach((a, id) => {
    spans.push({ ...a.cue, role: 'CUE', id });
    if (a.source) spans.push({ ...a.source, role: 'SOURCE', id });
    for (const p of a.contentParts ?? [a.content]) spans.push({ ...p, role: 'CONTENT', id });
  });
  return labelBySpans(tokens, spans);
}

/** BIO labels from role spans: a token takes the first span holding its middle; B where a span's run starts. */
export function labelBySpans(
  tokens: Token[],
  spans: Array<{ start: number; end: number; role: Role; id: number }>,
): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  // The span of the previous token (a run continues while the id and role stay the same).
  let prevId = -1;
  let prevRole: Role | null = null;
  let k = 0;
  tokens.forEach((t, i) => {
    const mid = (t.start + t.end) / 2;
    while (k < sorted.length && (sorted[k]?.end ?? 0) <= t.start) k++;
    let hit: (typeof sorted)[number] | undefined;
    for (let j = k; j < sorted.length && (sorted[j]?.start ?? Infinity) <= mid; j++) {
      const sp = sorted[j];
      if (sp && sp.start <= mid && mid < sp.end) {
        hit = sp;
        break;
      }
    }
    if (!hit) {
      prevId = -1;
      prevRole = null;
      return;
    }
    labels[i] = labelOf(hit.role, hit.id === prevId && hit.role === prevRole);
    prevId = hit.id;
    prevRole = hit.role;
  });
  return labels;
}

/** Labels as the features spell them: O, B-S, I-T … */
export const SHORT_LABEL = LABELS.map((l) =>
  l.replace('SOURCE', 'S').replace('CUE', 'C').replace('CONTENT', 'T'),
);

/** The shape of a word: X, x and d for upper, lower case and digits, runs cut to two, at most 6 characters. */
export function shape(word: string): string {
  const s = word
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/gu, '$1$1');
  return s.length > 6 ? s.slice(0, 6) : s;
}

export function bucket(n: number): string {
  if (n <= 3) return String(n);
  if (n <= 6) return '4-6';
  if (n <= 10) return '7-10';
  if (n <= 20) return '11-20';
  return '21+';
}

/** The lexicon class of a token: verb, noun or passive participle cue, with its stance. */
export function lexicon(t: Token | undefined): string {
  if (!t) return '-';
  const verb = CUE_VERBS.get(t.lemma) ?? CUE_VERBS.get(t.lower);
  if (verb && (t.pos === 'VERB' || t.pos === 'AUX')) return `v:${verb.cueClass}`;
  const noun = CUE_NOUNS.get(t.lower);
  if (noun && t.pos === 'NOUN') return `n:${noun}`;
  const passive = PASSIVE_CUES.get(t.lower);
  if (passive) return `p:${passive}`;
  if (verb) return `w:${verb.cueClass}`;
  return '-';
}

/** What the static features of a document share: lexicon classes, nearest cues, sentence flags. */
export interface StaticContext {
  /** Lexicon class of each token (`lexicon`). */
  lex: string[];
  /** Nearest lexicon verb or participle cue to the left and right in the sentence, else -1. */
  left: Int32Array;
  right: Int32Array;
  /** Per sentence: 1 when one of its tokens is quoted, or has a rule label. */
  sentenceQuoted: Uint8Array;
  sentenceRule: Uint8Array;
}

export function staticContext(doc: TaggerDocument, skip: Uint8Array | null = null): StaticContext {
  const { tokens, sentenceOf, quoted, ruleLabel } = doc;
  const n = tokens.length;
  // A skipped sentence has no lexicon word (see quietSentences), so its classes are all '-'.
  const lex = tokens.map((t, i) => (skip && skip[sentenceOf[i] as number] ? '-' : lexicon(t)));
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  for (let i = 1; i < n; i++) {
    const prev = i - 1;
    left[i] = sentenceOf[i] !== sentenceOf[prev] ? -1 : isVerbCue(lex[prev]) ? prev : (left[prev] ?? -1);
  }
  for (let i = n - 2; i >= 0; i--) {
    const next = i + 1;
    right[i] = sentenceOf[i] !== sentenceOf[next] ? -1 : isVerbCue(lex[next]) ? next : (right[next] ?? -1);
  }
  const sentences = Math.max(doc.sentences.length, n > 0 ? (sentenceOf[n - 1] as number) + 1 : 0);
  const sentenceQuoted = new Uint8Array(sentences);
  const sentenceRule = new Uint8Array(sentences);
  for (let i = 0; i < n; i++) {
    const s = sentenceOf[i] as number;
    if (quoted[i]) sentenceQuoted[s] = 1;
    if (ruleLabel[i]) sentenceRule[s] = 1;
  }
  return { lex, left, right, sentenceQuoted, sentenceRule };
}

/** Whether token `i` opens a paragraph (start of the text or after a line break). */
export function paragraphStart(doc: TaggerDocument, i: number): boolean {
  const t = doc.tokens[i] as Token;
  const before = doc.text.slice(Math.max(0, t.start - 3), t.start);
  return t.start === 0 || /\n\s*$/.test(before);
}

/**
 * Static features of every token (those that do not depend on the tags already chosen),
 * as strings. `features[i]` is the list for token `i`.
 */
export function staticFeatures(doc: TaggerDocument): string[][] {
  const { tokens, sentenceOf, position, sentenceLength, quoted, ruleLabel, nestedLabel } = doc;
  const n = tokens.length;
  const { lex, left, right, sentenceQuoted, sentenceRule } = staticContext(doc);
  const same = (i: number, j: number): boolean => j >= 0 && j < n && sentenceOf[i] === sentenceOf[j];
  const word = (i: number, j: number): string => (same(i, j) ? (tokens[j] as Token).lower : '|');
  const pos = (i: number, j: number): string => (same(i, j) ? (tokens[j] as Token).pos : '|');
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = tokens[i] as Token;
    const s = sentenceOf[i] as number;
    const r = SHORT_LABEL[ruleLabel[i] ?? 0] ?? 'O';
    const rPrev = same(i, i - 1) ? (SHORT_LABEL[ruleLabel[i - 1] ?? 0] ?? 'O') : '|';
    const rNext = same(i, i + 1) ? (SHORT_LABEL[ruleLabel[i + 1] ?? 0] ?? 'O') : '|';
    const w = t.lower;
    const p = t.pos;
    const q = quoted[i] ? 'q' : 'u';
    const pos0 = position[i] as number;
    const toEnd = (sentenceLength[i] as number) - 1 - pos0;
    const l = left[i] as number;
    const rt = right[i] as number;
    const f = [
      'b',
      `w=${w}`,
      `l=${t.lemma}`,
      `p=${p}`,
      `sh=${shape(t.text)}`,
      `s3=${w.slice(-3)}`,
      `w-1=${word(i, i - 1)}`,
      `w+1=${word(i, i + 1)}`,
      `w-2=${word(i, i - 2)}`,
      `w+2=${word(i, i + 2)}`,
      `w-1w=${word(i, i - 1)}_${w}`,
      `ww+1=${w}_${word(i, i + 1)}`,
      `p-1=${pos(i, i - 1)}`,
      `p+1=${pos(i, i + 1)}`,
      `p-2=${pos(i, i - 2)}`,
      `p+2=${pos(i, i + 2)}`,
      `p-1p=${pos(i, i - 1)}_${p}`,
      `pp+1=${p}_${pos(i, i + 1)}`,
      `p-2p-1p=${pos(i, i - 2)}_${pos(i, i - 1)}_${p}`,
      `pp+1p+2=${p}_${pos(i, i + 1)}_${pos(i, i + 2)}`,
      `lx=${lex[i]}`,
      `lx-1=${same(i, i - 1) ? lex[i - 1] : '|'}`,
      `lx+1=${same(i, i + 1) ? lex[i + 1] : '|'}`,
      `lx|p=${lex[i]}_${p}`,
      `q=${q}`,
      `q|p=${q}_${p}`,
      `qt=${same(i, i - 1) ? (quoted[i - 1] ? 'q' : 'u') : '|'}${q}${same(i, i + 1) ? (quoted[i + 1] ? 'q' : 'u') : '|'}`,
      `sp=${bucket(pos0)}`,
      `se=${bucket(toEnd)}`,
      `sq=${sentenceQuoted[s] ? 1 : 0}`,
      `sr=${sentenceRule[s] ? 1 : 0}`,
      `par=${pos0 === 0 && paragraphStart(doc, i) ? 1 : 0}`,
      `lc=${l < 0 ? '-' : bucket(i - l)}`,
      `rc=${rt < 0 ? '-' : bucket(rt - i)}`,
      `lcw=${l < 0 ? '-' : (tokens[l] as Token).lemma}`,
      `rcw=${rt < 0 ? '-' : (tokens[rt] as Token).lemma}`,
      `lc|q=${l < 0 ? '-' : 'y'}${rt < 0 ? '-' : 'y'}${q}`,
      `r=${r}`,
      `r-1=${rPrev}`,
      `r+1=${rNext}`,
      `r-1rr+1=${rPrev}_${r}_${rNext}`,
      `r|w=${r}_${w}`,
      `r|p=${r}_${p}`,
      `nr=${SHORT_LABEL[nestedLabel[i] ?? 0]}`,
    ];
    out.push(f);
  }
  return out;
}

function isVerbCue(lex: string | undefined): boolean {
  return !!lex && (lex.startsWith('v:') || lex.startsWith('p:'));
}

/** Features that depend on the labels already given to earlier tokens (greedy left to right). */
export function historyFeatures(
  doc: TaggerDocument,
  i: number,
  labels: Uint8Array,
  state: HistoryState,
): string[] {
  const t = doc.tokens[i] as Token;
  const p1 = i > 0 ? (labels[i - 1] ?? 0) : 0;
  const p2 = i > 1 ? (labels[i - 2] ?? 0) : 0;
  const t1 = SHORT_LABEL[p1] ?? 'O';
  const t2 = SHORT_LABEL[p2] ?? 'O';
  const newSentence = i === 0 || doc.sentenceOf[i] !== doc.sentenceOf[i - 1];
  const seen = newSentence ? 0 : state.seen;
  const q = doc.quoted[i] ? 'q' : 'u';
  return [
    `t-1=${t1}`,
    `t-2t-1=${t2}_${t1}`,
    `t-1|w=${t1}_${t.lower}`,
    `t-1|p=${t1}_${t.pos}`,
    `t-1|q=${t1}_${q}`,
    `t-1|r=${t1}_${SHORT_LABEL[doc.ruleLabel[i] ?? 0]}`,
    `t-1|ns=${t1}_${newSentence ? 1 : 0}`,
    `seen=${seen}`,
    `seen|p=${seen}_${t.pos}`,
    `seen|t-1=${seen}_${t1}`,
  ];
}

/** Which roles the labels have used so far in the current sentence (a bit per role). */
export interface HistoryState {
  seen: number;
}

/** Updates `state` after token `i` received `label`. */
export function advanceHistory(doc: TaggerDocument, i: number, label: number, state: HistoryState): void {
  const newSentence = i === 0 || doc.sentenceOf[i] !== doc.sentenceOf[i - 1];
  if (newSentence) state.seen = 0;
  state.seen |= ROLE_BIT[label] ?? 0;
}

/** FNV-1a hash of a feature string. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
