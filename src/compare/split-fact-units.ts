import type { Annotations, Sentence } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import { spanConcepts } from './to-concepts.js';

/** A clause of one article that can be aligned with clauses of others. */
export interface FactUnit {
  articleIndex: number;
  articleId: string;
  origin: string;
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  concepts: Set<string>;
}

// Clause boundaries that join two statements of their own; the comma variants need a
// full clause on each side, checked by the minimum length below.
// "while still serving …", "while visiting …" is a time, not a contrast: no subject follows.
const CLAUSE_BREAK = /;\s+|,?\s+(?:while(?!\s+(?:still\s+)?\p{L}+ing\b)|whereas)\s+|,\s+but\s+/gu;
const MIN_CONCEPTS = 3;

/** True for headline-like lines: no closing punctuation and mostly capitalised words. */
export function isHeadingLike(text: string): boolean {
  const trimmed = text.trim();
  if (/[.!?"”’)]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length === 0) return true;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.6 || words.length < 4;
}

/** The clauses of one sentence as [start, end) pairs (absolute offsets), trimmed. */
export function splitClauses(text: string, sentence: Sentence): [number, number][] {
  const pieces: [number, number][] = [];
  let cursor = 0;
  const body = sentence.text;
  for (const match of body.matchAll(CLAUSE_BREAK)) {
    const at = match.index;
    if (at - cursor >= 25 && body.length - (at + match[0].length) >= 25) {
      pieces.push([cursor, at]);
      cursor = at + match[0].length;
    }
  }
  pieces.push([cursor, body.length]);
  return pieces.map(([a, b]) => trimSpan(text, sentence.start + a, sentence.start + b));
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Every article's sentences cut into fact units; headings and near-empty clauses are left out. */
export function splitFactUnits(
  articles: Article[],
  annotations: Annotations[],
  origins: string[],
): FactUnit[] {
  const units: FactUnit[] = [];
  articles.forEach((article, articleIndex) => {
    const ann = annotations[articleIndex]!;
    ann.sentences.forEach((sentence, sentenceIndex) => {
      if (isHeadingLike(sentence.text)) return;
      for (const [start, end] of splitClauses(article.text, sentence)) {
        const concepts = spanConcepts(article.text, start, end, ann);
        if (concepts.size < MIN_CONCEPTS) continue;
        units.push({
          articleIndex,
          articleId: article.id,
          origin: origins[articleIndex]!,
          sentenceIndex,
          start,
          end,
          text: article.text.slice(start, end),
          concepts,
        });
      }
    });
  });
  return units;
}
