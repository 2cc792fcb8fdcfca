import {
  COUNT_WORDS,
  FRACTION_WORDS,
  SCALE_ABBREVIATIONS,
  SCALE_WORDS,
  TENS_WORDS,
  UNIT_WORDS,
  VAGUE_PLURALS,
} from '../lexicon/number-words.js';
import type { Token } from '../mentions/tokenize-words.js';

/** A number read from tokens [from, to): its value and whether it is only a lower bound ("hundreds of"). */
export interface ParsedNumber {
  value: number;
  from: number;
  to: number;
  /** "hundreds of", "dozens of": the value is a lower bound. */
  vague: boolean;
}

// Maps, not the lexicon's records: a lookup with a token's fresh string is much faster.
const asMap = (table: Readonly<Record<string, number>>): ReadonlyMap<string | undefined, number> =>
  new Map(Object.entries(table));
const COUNT_WORDS_MAP = asMap(COUNT_WORDS);
const FRACTION_WORDS_MAP = asMap(FRACTION_WORDS);
const SCALE_ABBREVIATIONS_MAP = asMap(SCALE_ABBREVIATIONS);
const SCALE_WORDS_MAP = asMap(SCALE_WORDS);
const TENS_WORDS_MAP = asMap(TENS_WORDS);
const UNIT_WORDS_MAP = asMap(UNIT_WORDS);
const VAGUE_PLURALS_MAP = asMap(VAGUE_PLURALS);

/** Value of "seventy", "seventy-six", "twelve"; undefined otherwise. */
function smallWord(w: string): number | undefined {
  if (UNIT_WORDS_MAP.has(w)) return UNIT_WORDS_MAP.get(w);
  if (TENS_WORDS_MAP.has(w)) return TENS_WORDS_MAP.get(w);
  if (!w.includes('-')) return undefined;
  const [tens, unit] = w.split('-');
  if (TENS_WORDS_MAP.has(tens) && UNIT_WORDS_MAP.has(unit) && UNIT_WORDS_MAP.get(unit)! < 10)
    return TENS_WORDS_MAP.get(tens)! + UNIT_WORDS_MAP.get(unit)!;
  return undefined;
}

/** Value of "two-thirds", "three-quarters". */
function fractionWord(w: string): number | undefined {
  if (!w.includes('-')) return undefined;
  const [num, den] = w.split('-');
  if (num !== undefined && den !== undefined && FRACTION_WORDS_MAP.has(den)) {
    const n = smallWord(num);
    if (n !== undefined) return n * FRACTION_WORDS_MAP.get(den)!;
  }
  return undefined;
}

export function parseDigits(text: string): number {
  return Number(text.replace(/,/g, ''));
}

const isDigits = (t: Token | undefined): boolean => t !== undefined && /^[0-9]/.test(t.text);
const adjacent = (a: Token | undefined, b: Token | undefined): boolean =>
  a !== undefined && b !== undefined && a.end === b.start;

/** First words that can open a number written in words ("seventy", "dozens", "a", "half"). */
const WORD_STARTS = new Set([
  ...Object.keys(UNIT_WORDS),
  ...Object.keys(TENS_WORDS),
  ...Object.keys(VAGUE_PLURALS),
  'tens',
  'half',
  'a',
  'an',
]);

/**
 * Whether a number can start at this token: a cheap test that lets callers skip the
 * tokens `parseNumberAt` would reject anyway (most of them).
 */
export function mayStartNumber(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 48 && c <= 57) || WORD_STARTS.has(t.lower) || t.lower.includes('-');
}

/** Reads a number starting at token i, or returns undefined. */
export function parseNumberAt(tokens: Token[], i: number): ParsedNumber | undefined {
  const t = tokens[i];
  if (t === undefined) return undefined;
  if (isDigits(t)) {
    const spaced = spacedNumber(tokens, i);
    if (spaced) return withScale(tokens, i, spaced.last, spaced.value);
    return withScale(tokens, i, i, parseDigits(t.text));
  }
  return parseWords(tokens, i);
}

const PLAIN_DIGITS = /^[0-9]+$/;
/** A month's name or abbreviation, in lower case. */
export const MONTH_WORD =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$/;

/** Whether a separator token is glued to the token before it and followed by exactly one space. */
const spacedAfter = (prev: Token, sep: Token | undefined, next: Token | undefined): boolean =>
  sep !== undefined && next !== undefined && prev.end === sep.start && next.start === sep.end + 1;

/** A unit or scale right after a decimal tail: what shows "5. 4 per cent" is one number. */
function unitFollows(tokens: Token[], j: number): boolean {
  const next = tokens[j];
  if (next === undefined) return false;
  if (next.text === '%' || next.lower === 'percent' || SCALE_WORDS_MAP.has(next.lower)) return true;
  if (next.lower === 'per' && tokens[j + 1]?.lower === 'cent') return true;
  return adjacent(tokens[j - 1], next) && SCALE_ABBREVIATIONS_MAP.has(next.lower);
}

/**
 * A number some pre-tokenised corpora write with a space after its separator: "22, 000" (digit
 * groups) and "5. 4 per cent" (a decimal point), read as one number where it clearly is one:
 * - groups: 1–3 digits, then each ", " + exactly three digits; not after a month ("June 5, 300
 *   people" is a date and a count) nor inside a list ("1, 2, 300": a comma before it, or a comma
 *   and a group of another length after it);
 * - a decimal: digits, ". " and digits followed by a percentage, a scale word or a scale
 *   abbreviation ("3. 9 percent", "472. 72bn"); a sentence ending in a number followed by one
 *   starting with a number needs that unit to be read as one, which is rare in news.
 * Returns the value and the index of the last digit token, or undefined.
 */
export function spacedNumber(tokens: Token[], i: number): { value: number; last: number } | undefined {
  const t = tokens[i]!;
  if (!PLAIN_DIGITS.test(t.text)) return undefined;
  const prev = tokens[i - 1];
  if (t.text.length <= 3 && !(prev && (MONTH_WORD.test(prev.lower) || prev.text === ','))) {
    let k = i;
    let digits = t.text;
    while (tokens[k + 1]?.text === ',' && /^[0-9]{3}$/.test(tokens[k + 2]?.text ?? '')) {
      if (!spacedAfter(tokens[k]!, tokens[k + 1], tokens[k + 2])) break;
      digits += tokens[k + 2]!.text;
      k += 2;
    }
    const listGoesOn = tokens[k + 1]?.text === ',' && PLAIN_DIGITS.test(tokens[k + 2]?.text ?? '');
    if (k > i && !listGoesOn) return { value: Number(digits), last: k };
  }
  const sep = tokens[i + 1];
  const tail = tokens[i + 2];
  if (sep?.text === '.' && tail && PLAIN_DIGITS.test(tail.text) && spacedAfter(t, sep, tail))
    if (unitFollows(tokens, i + 3)) return { value: Number(`${t.text}.${tail.text}`), last: i + 2 };
  return undefined;
}

/**
 * Whether the digits at i are the tail of a spaced decimal whose head is glued to a word or a
 * currency ("Dh472. 72bn"): not an amount of their own.
 */
export function isSpacedDecimalTail(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const sep = tokens[i - 1];
  const head = tokens[i - 2];
  return (
    t !== undefined &&
    head !== undefined &&
    sep?.text === '.' &&
    /[0-9]$/.test(head.text) &&
    PLAIN_DIGITS.test(t.text) &&
    spacedAfter(head, sep, t) &&
    unitFollows(tokens, i + 1)
  );
}

/** "1.2 million", "3bn", "70,000": the number's digits run from token i to token last. */
function withScale(tokens: Token[], i: number, last: number, value: number): ParsedNumber {
  const next = tokens[last + 1];
  if (next && SCALE_WORDS_MAP.has(next.lower) && next.lower !== 'hundred') {
    return { value: value * SCALE_WORDS_MAP.get(next.lower)!, from: i, to: last + 2, vague: false };
  }
  if (next && adjacent(tokens[last], next) && SCALE_ABBREVIATIONS_MAP.has(next.lower)) {
    return { value: value * SCALE_ABBREVIATIONS_MAP.get(next.lower)!, from: i, to: last + 2, vague: false };
  }
  return { value, from: i, to: last + 1, vague: false };
}

function parseWords(tokens: Token[], i: number): ParsedNumber | undefined {
  const first = tokens[i]!.lower;
  const second = tokens[i + 1]?.lower;
  // "hundreds of", "tens of thousands of", "dozens of"
  if (VAGUE_PLURALS_MAP.has(first) && second === 'of') {
    return { value: VAGUE_PLURALS_MAP.get(first)!, from: i, to: i + 1, vague: true };
  }
  if (first === 'tens' && second === 'of' && VAGUE_PLURALS_MAP.has(tokens[i + 2]?.lower)) {
    return { value: 10 * VAGUE_PLURALS_MAP.get(tokens[i + 2]!.lower)!, from: i, to: i + 3, vague: true };
  }
  // "half a million", "a quarter of a million" is rare enough to leave out.
  if (first === 'half' && second === 'a' && SCALE_WORDS_MAP.has(tokens[i + 2]?.lower)) {
    return { value: 0.5 * SCALE_WORDS_MAP.get(tokens[i + 2]!.lower)!, from: i, to: i + 3, vague: false };
  }
  // "a dozen", "a million", "a third", "a hundred thousand"
  if (first === 'a' || first === 'an') {
    if (COUNT_WORDS_MAP.has(second) && second !== 'couple' && second !== 'pair')
      return { value: COUNT_WORDS_MAP.get(second)!, from: i, to: i + 2, vague: false };
    if (SCALE_WORDS_MAP.has(second)) return continueScales(tokens, i + 2, SCALE_WORDS_MAP.get(second)!, i);
    if (FRACTION_WORDS_MAP.has(second) && second !== 'half')
      return { value: FRACTION_WORDS_MAP.get(second)!, from: i, to: i + 2, vague: false };
    return undefined;
  }
  const fraction = fractionWord(first);
  if (fraction !== undefined) return { value: fraction, from: i, to: i + 1, vague: false };
  const small = smallWord(first);
  if (small === undefined) return undefined;
  // "one third", "two thirds"
  if (
    FRACTION_WORDS_MAP.has(second) &&
    second !== 'half' &&
    small < 10 &&
    !/^(?:second|fourth)$/.test(second!)
  )
    return { value: small * FRACTION_WORDS_MAP.get(second)!, from: i, to: i + 2, vague: false };
  return continueScales(tokens, i + 1, small, i);
}

/** Continues "seventy-six | thousand", "two | hundred and fifty | thousand". */
function continueScales(tokens: Token[], j: number, start: number, from: number): ParsedNumber {
  let total = 0;
  let current = start;
  let k = j;
  for (;;) {
    const w = tokens[k]?.lower;
    if (w === undefined) break;
    if (SCALE_WORDS_MAP.has(w)) {
      const scale = SCALE_WORDS_MAP.get(w)!;
      if (scale === 100) current *= 100;
      else {
        total += current * scale;
        current = 0;
      }
      k++;
      continue;
    }
    const andNext = w === 'and' ? smallWord(tokens[k + 1]?.lower ?? '') : undefined;
    if (andNext !== undefined && (current >= 100 || total > 0)) {
      current += andNext;
      k += 2;
      continue;
    }
    const small = smallWord(w);
    if (
      small !== undefined &&
      (current % 100 === 0 || total > 0) &&
      current !== small &&
      (current >= 100 || total > 0)
    ) {
      current += small;
      k++;
      continue;
    }
    break;
  }
  return { value: total + current, from, to: k, vague: false };
}
