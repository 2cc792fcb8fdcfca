import type { Annotations } from '../model/annotations.js';
import { STOPWORDS } from '../similarity/stopwords.js';
import { conceptOf } from './news-synonyms.js';
import { stemWord } from './stem-word.js';

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Stems of the content words of a text, in order, each mapped to its synonym concept. */
export function wordConcepts(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0]
      .toLowerCase()
      .replace(/['’]s$/, '')
      .replace(/['’]/g, '');
    if (word.length < 2 || STOPWORDS.has(word) || /^\d/.test(word)) continue;
    for (const part of word.split('-')) {
      if (part.length < 2 || STOPWORDS.has(part)) continue;
      out.push(conceptOf(stemWord(part)));
    }
  }
  return out;
}

/**
 * The concepts of one span of an article: content-word concepts outside entity mentions
 * and numbers, plus `E:<entity key>` for each mention and `N:<value>` for each quantity,
 * so that shared entities and numbers anchor the alignment.
 */
export function spanConcepts(
  text: string,
  start: number,
  end: number,
  annotations: Annotations,
): Set<string> {
  const concepts = new Set<string>();
  let cursor = start;
  const inside = annotations.mentions
    .filter((m) => m.start >= start && m.end <= end)
    .sort((a, b) => a.start - b.start);
  for (const mention of inside) {
    if (mention.start < cursor) continue;
    for (const c of wordConcepts(text.slice(cursor, mention.start))) concepts.add(c);
    concepts.add(`E:${mention.key}`);
    cursor = mention.end;
  }
  for (const c of wordConcepts(text.slice(cursor, end))) concepts.add(c);
  for (const q of annotations.quantities) {
    if (q.start >= start && q.end <= end) concepts.add(`N:${q.value}`);
  }
  return concepts;
}
