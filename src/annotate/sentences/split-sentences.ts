import type { Sentence } from '../../model/annotations.js';
import {
  LOWERCASE_ABBREVIATIONS,
  OTHER_ABBREVIATIONS,
  SENTENCE_OPENERS,
  TITLE_ABBREVIATIONS,
} from './abbreviations.js';

const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;
// A run of terminal punctuation, the closing quotes or brackets after it, then whitespace.
const TERMINATOR = /(\.{2,}|…|[.!?]+)([”"’'»)\]]*)(\s+)/g;

/**
 * Splits `text` into sentences: UTF-16 offsets into `text`, trimmed of whitespace, never
 * crossing a paragraph break (a blank line).
 */
export function splitSentences(text: string): Sentence[] {
  if (typeof text !== 'string') {
    throw new TypeError('splitSentences(text): text must be a string');
  }
  const sentences: Sentence[] = [];
  for (const [start, end] of paragraphRanges(text)) {
    for (const [s, e] of sentenceRanges(text, start, end)) {
      const span = trimRange(text, s, e);
      if (span) sentences.push(span);
    }
  }
  return sentences;
}

function paragraphRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    ranges.push([from, m.index]);
    from = m.index + m[0].length;
  }
  ranges.push([from, text.length]);
  return ranges;
}

function sentenceRanges(text: string, start: number, end: number): Array<[number, number]> {
  const paragraph = text.slice(start, end);
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (const m of paragraph.matchAll(TERMINATOR)) {
    const boundary = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const next = m.index + m[0].length;
    if (next >= paragraph.length) break;
    if (endsSentence(paragraph, m.index, m[1] ?? '', next)) {
      ranges.push([start + from, start + boundary]);
      from = next;
    }
  }
  ranges.push([start + from, end]);
  return ranges;
}

/** Decides whether the terminator at `at` (text `mark`) ends a sentence whose successor starts at `next`. */
function endsSentence(paragraph: string, at: number, mark: string, next: number): boolean {
  const nextWord = wordAt(paragraph, next);
  if (!startsLikeSentence(paragraph, next)) return false;
  if (mark !== '.') return true;
  const before = wordBefore(paragraph, at);
  if (/^\p{Lu}$/u.test(before)) return false;
  const key = before.toLowerCase();
  const counts = /^\p{Lu}/u.test(before) || LOWERCASE_ABBREVIATIONS.has(key);
  if (counts && TITLE_ABBREVIATIONS.has(key)) return false;
  if ((counts && OTHER_ABBREVIATIONS.has(key)) || /^(\p{L}\.)+\p{L}$/u.test(before)) {
    return SENTENCE_OPENERS.has(nextWord.toLowerCase());
  }
  return true;
}

function startsLikeSentence(paragraph: string, next: number): boolean {
  const rest = paragraph.slice(next, next + 3);
  return /^[“"‘'«([]*[\p{Lu}\p{N}]/u.test(rest) || /^[—–-]/u.test(rest);
}

/** The word ending right before `at`, without leading punctuation ("(Calif" → "Calif", "U.S" stays). */
function wordBefore(paragraph: string, at: number): string {
  let i = at;
  while (i > 0 && !/\s/.test(paragraph[i - 1] ?? ' ')) i--;
  return paragraph.slice(i, at).replace(/^[^\p{L}\p{N}]+/u, '');
}

function wordAt(paragraph: string, at: number): string {
  const m = /^[^\p{L}\p{N}]*([\p{L}\p{N}]+)/u.exec(paragraph.slice(at, at + 40));
  return m?.[1] ?? '';
}

function trimRange(text: string, start: number, end: number): Sentence | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return s < e ? { text: text.slice(s, e), start: s, end: e } : null;
}
