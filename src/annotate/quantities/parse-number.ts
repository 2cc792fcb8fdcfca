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

const has = (table: Readonly<Record<string, number>>, w: string | undefined): w is string =>
  w !== undefined && Object.hasOwn(table, w);

/** Value of "seventy", "seventy-six", "twelve"; undefined otherwise. */
function smallWord(w: string): number | undefined {
  if (Object.hasOwn(UNIT_WORDS, w)) return UNIT_WORDS[w];
  if (Object.hasOwn(TENS_WORDS, w)) return TENS_WORDS[w];
  if (!w.includes('-')) return undefined;
  const [tens, unit] = w.split('-');
  if (has(TENS_WORDS, tens) && has(UNIT_WORDS, unit) && UNIT_WORDS[unit]! < 10)
    return TENS_WORDS[tens]! + UNIT_WORDS[unit]!;
  return undefined;
}

/** Value of "two-thirds", "three-quarters". */
function fractionWord(w: string): number | undefined {
  if (!w.includes('-')) return undefined;
  const [num, den] = w.split('-');
  if (num !== undefined && den !== undefined && has(FRACTION_WORDS, den)) {
    const n = smallWord(num);
    if (n !== undefined) return n * FRACTION_WORDS[den]!;
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
  if (isDigits(t)) return withScale(tokens, i, parseDigits(t.text));
  return parseWords(tokens, i);
}

/** "1.2 million", "3bn", "70,000". */
function withScale(tokens: Token[], i: number, value: number): ParsedNumber {
  const next = tokens[i + 1];
  if (next && has(SCALE_WORDS, next.lower) && next.lower !== 'hundred') {
    return { value: value * SCALE_WORDS[next.lower]!, from: i, to: i + 2, vague: false };
  }
  if (next && adjacent(tokens[i], next) && has(SCALE_ABBREVIATIONS, next.lower)) {
    return { value: value * SCALE_ABBREVIATIONS[next.lower]!, from: i, to: i + 2, vague: false };
  }
  return { value, from: i, to: i + 1, vague: false };
}

function parseWords(tokens: Token[], i: number): ParsedNumber | undefined {
  const first = tokens[i]!.lower;
  const second = tokens[i + 1]?.lower;
  // "hundreds of", "tens of thousands of", "dozens of"
  if (has(VAGUE_PLURALS, first) && second === 'of') {
    return { value: VAGUE_PLURALS[first]!, from: i, to: i + 1, vague: true };
  }
  if (first === 'tens' && second === 'of' && has(VAGUE_PLURALS, tokens[i + 2]?.lower)) {
    return { value: 10 * VAGUE_PLURALS[tokens[i + 2]!.lower]!, from: i, to: i + 3, vague: true };
  }
  // "half a million", "a quarter of a million" is rare enough to leave out.
  if (first === 'half' && second === 'a' && has(SCALE_WORDS, tokens[i + 2]?.lower)) {
    return { value: 0.5 * SCALE_WORDS[tokens[i + 2]!.lower]!, from: i, to: i + 3, vague: false };
  }
  // "a dozen", "a million", "a third", "a hundred thousand"
  if (first === 'a' || first === 'an') {
    if (has(COUNT_WORDS, second) && second !== 'couple' && second !== 'pair')
      return { value: COUNT_WORDS[second]!, from: i, to: i + 2, vague: false };
    if (has(SCALE_WORDS, second)) return continueScales(tokens, i + 2, SCALE_WORDS[second]!, i);
    if (has(FRACTION_WORDS, second) && second !== 'half')
      return { value: FRACTION_WORDS[second]!, from: i, to: i + 2, vague: false };
    return undefined;
  }
  const fraction = fractionWord(first);
  if (fraction !== undefined) return { value: fraction, from: i, to: i + 1, vague: false };
  const small = smallWord(first);
  if (small === undefined) return undefined;
  // "one third", "two thirds"
  if (has(FRACTION_WORDS, second) && second !== 'half' && small < 10 && !/^(?:second|fourth)$/.test(second))
    return { value: small * FRACTION_WORDS[second]!, from: i, to: i + 2, vague: false };
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
    if (has(SCALE_WORDS, w)) {
      const scale = SCALE_WORDS[w]!;
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
