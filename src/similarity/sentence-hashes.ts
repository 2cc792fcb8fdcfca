import { hashString } from './hash32.js';
import { wordsInto } from './tokenize.js';

/** One sentence of a text with the hash of its normalised wording. */
export interface HashedSentence {
  start: number;
  end: number;
  /** Hash of the normalised sentence: equal for sentences that differ only in case, accents, punctuation or spacing. */
  hash: number;
  /** Normalised tokens of the sentence. */
  tokens: string[];
}

// A sentence ends at . ! ? (possibly followed by closing quotes or brackets) before
// whitespace, or at a line break. Cheap on purpose: fingerprints must not need annotations.
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s)|\n+/g;

/** Sentence spans of a text (UTF-16 offsets, trimmed), without annotation. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] as string)) s++;
    while (e > s && /\s/.test(text[e - 1] as string)) e--;
    if (e > s) spans.push({ start: s, end: e });
  };
  for (const match of text.matchAll(SENTENCE_END)) {
    const end = (match.index ?? 0) + match[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return spans;
}

/** Every sentence of a text with its normalised hash; given spans (e.g. from annotations) are used when present. */
export function sentenceHashes(text: string, spans = splitSentences(text)): HashedSentence[] {
  return spans.map(({ start, end }) => {
    // The tokens joined by spaces are the normalised sentence (`normalizeText`).
    const tokens = wordsInto(text, [], start, end);
    return { start, end, hash: hashString(tokens.join(' ')), tokens };
  });
}
