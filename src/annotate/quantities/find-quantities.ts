import type { Quantity, QuantityQualifier, Span } from '../../model/annotations.js';
import { QUALIFIERS } from '../lexicon/qualifiers.js';
import { CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, MEASURE_WORDS } from '../lexicon/units.js';
import { tokenizeWords, type Token } from '../mentions/tokenize-words.js';
import { findCounted } from './find-counted.js';
import {
  isSpacedDecimalTail,
  mayStartNumber,
  MONTH_WORD,
  parseNumberAt,
  type ParsedNumber,
} from './parse-number.js';

const QUALIFIER_PHRASES = Object.keys(QUALIFIERS)
  .map((q) => q.split(' '))
  .sort((a, b) => b.length - a.length);
const CURRENCY_CODE_SET = new Set(CURRENCY_CODES);
// Maps, not the lexicon's records: a lookup with a token's fresh string is much faster.
const CURRENCY_SYMBOL_MAP = new Map(Object.entries(CURRENCY_SYMBOLS));
const CURRENCY_WORD_MAP = new Map(Object.entries(CURRENCY_WORDS));
const QUALIFIER_SET = new Set(Object.keys(QUALIFIERS));
const MEASURE_PHRASES = Object.keys(MEASURE_WORDS)
  .map((q) => q.split(' '))
  .sort((a, b) => b.length - a.length);

/** Words before a number that make it a label, not an amount ("Article 5", "No. 10"). */
const LABEL_WORDS = new Set([
  'article',
  'section',
  'paragraph',
  'chapter',
  'clause',
  'rule',
  'resolution',
  'amendment',
  'no',
  'number',
  'page',
  'title',
  'act',
  'room',
  'flight',
  'route',
  'highway',
  'level',
  'version',
  'model',
  'phase',
  'stage',
  'round',
  'episode',
  'season',
  'volume',
  'vol',
  '§',
]);
/** Durations and clock words belong to times, not quantities. */
const TIME_UNITS =
  /^(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centuries|century|am|pm|a\.m|p\.m|o'clock|gmt|utc|bst|cet|est|edt|pst)$/;
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th)$/;

/**
 * Finds amounts in text: digits, number words, percentages, money, ranges, with the
 * qualifier before them, their unit and the noun phrase they count.
 *
 * Dates, clock times, ordinals, phone numbers and labelled numbers ("Article 5") are
 * left out so that the same figure is not reported as both a time and an amount.
 * `words` is `tokenizeWords(text)` when the caller already has it.
 */
export function findQuantities(text: string, words?: Token[]): Quantity[] {
  if (typeof text !== 'string') throw new TypeError('findQuantities(text): text must be a string');
  const tokens = words ?? tokenizeWords(text);
  const result: Quantity[] = [];
  let i = 0;
  while (i < tokens.length) {
    const quantity = readQuantity(text, tokens, i);
    if (quantity) {
      result.push(quantity.value);
      i = quantity.next;
    } else i++;
  }
  return result;
}

interface Read {
  value: Quantity;
  next: number;
}

function readQuantity(text: string, tokens: Token[], i: number): Read | undefined {
  const t = tokens[i]!;
  if (!mayStartNumber(t) && !mayStartCurrency(tokens, i)) return undefined;
  const currencyBefore = currencyAt(tokens, i);
  const numberIndex = currencyBefore ? currencyBefore.to : i;
  const parsed = parseNumberAt(tokens, numberIndex);
  if (!parsed || isExcluded(tokens, parsed)) return undefined;
  // "one" is far more often a pronoun ("one of them", "no one") than an amount.
  if (parsed.to === parsed.from + 1 && tokens[parsed.from]!.lower === 'one') return undefined;

  let end = parsed.to;
  let upper: number | null = null;
  let qualifier: QuantityQualifier = parsed.vague ? 'at-least' : 'exact';
  // A range after the number: "10-20", "10 to 20", "two or three".
  const range = rangeAfter(tokens, end);
  if (range) {
    upper = range.value;
    end = range.to;
    qualifier = 'range';
  }
  let unit = currencyBefore?.unit ?? null;
  const unitAfter = unitAt(tokens, end);
  if (unitAfter) {
    unit ??= unitAfter.unit;
    end = unitAfter.to;
  }
  if (TIME_UNITS.test(tokens[end]?.lower ?? '') && unit === null) return undefined;

  let start = i;
  const before = qualifierBefore(tokens, start);
  if (before && qualifier !== 'range') {
    start = before.from;
    qualifier = before.qualifier;
  }
  // "between 10 and 20", "from 10 to 20"
  const between = tokens[start - 1]?.lower;
  if ((between === 'between' || between === 'from') && range) start -= 1;
  // "70,000 or so"
  if (tokens[end]?.lower === 'or' && tokens[end + 1]?.lower === 'so') {
    end += 2;
    if (qualifier === 'exact') qualifier = 'about';
  }
  const first = tokens[start]!;
  const last = tokens[end - 1]!;
  // A percentage, like a fraction, is a share of what follows "of" ("20% of the territory").
  const share = parsed.vague || isFractionLike(parsed) || unit === 'percent';
  const counted: Span | null = findCounted(text, tokens, end, start, share);
  return {
    value: {
      text: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
      value: parsed.value,
      upper,
      qualifier,
      unit,
      counted,
    },
    next: Math.max(end, i + 1),
  };
}

function isFractionLike(parsed: ParsedNumber): boolean {
  return parsed.value > 0 && parsed.value < 1;
}

function isExcluded(tokens: Token[], parsed: ParsedNumber, upperOfRange = false): boolean {
  const t = tokens[parsed.from]!;
  const prev = tokens[parsed.from - 1];
  const next = tokens[parsed.to];
  if (!/^[0-9]/.test(t.text)) return false;
  if (prev && LABEL_WORDS.has(prev.lower)) return true;
  if (isSpacedDecimalTail(tokens, parsed.from)) return true;
  // Part of a word or code: "COVID-19", "F-16", "A4".
  const beforeDash = tokens[parsed.from - 2];
  if (
    prev &&
    (prev.text === '-' || prev.text === '/') &&
    beforeDash?.end === prev.start &&
    prev.end === t.start &&
    /^\p{L}/u.test(beforeDash.text)
  )
    return true;
  // Inside a chain of digit groups ("555-0142-1177"): not the start of an amount.
  if (
    !upperOfRange &&
    prev &&
    prev.text === '-' &&
    prev.end === t.start &&
    beforeDash?.end === prev.start &&
    /^[0-9]/.test(beforeDash.text)
  )
    return true;
  if (next && ORDINAL_SUFFIX.test(next.lower) && next.start === t.end) return true;
  // Clock times "12:22", dates "26/04/2025", "2025-04-26"
  if (
    next &&
    (next.text === ':' || next.text === '/') &&
    next.start === t.end &&
    /^[0-9]/.test(tokens[parsed.to + 1]?.text ?? '')
  )
    return true;
  if (prev && (prev.text === ':' || prev.text === '/') && prev.end === t.start) return true;
  // The same written with a space after the separator, as pre-tokenised text does: "08: 30", "9: 25"
  // (a clock time) and "41 / 2" (a mixed fraction, four and a half).
  if (
    prev &&
    (prev.text === ':' || prev.text === '/') &&
    prev.end + 1 === t.start &&
    /^[0-9]+$/.test(beforeDash?.text ?? '') &&
    (prev.text === ':' ? beforeDash!.end === prev.start : true)
  )
    return true;
  if (next && next.text === '/' && /^[0-9]+$/.test(tokens[parsed.to + 1]?.text ?? '')) return true;
  if (isPhoneLike(tokens, parsed.from)) return true;
  // Day of month next to a month name: "April 26", "26 April".
  if (
    (prev && MONTH_WORD.test(prev.lower)) ||
    (next && MONTH_WORD.test(next.lower) && parsed.to === parsed.from + 1)
  )
    return true;
  // A bare year: 4 digits between 1800 and 2100 that nothing marks as an amount.
  const raw = t.text;
  if (/^[0-9]{4}$/.test(raw) && Number(raw) >= 1800 && Number(raw) <= 2100) {
    const qualified = prev !== undefined && QUALIFIER_SET.has(prev.lower);
    const unitAfter =
      next !== undefined && (unitAt(tokens, parsed.to) !== undefined || /s$/.test(next.lower));
    if (!qualified && !(unitAfter && !TIME_UNITS.test(next?.lower ?? '') && next?.upper !== true))
      return true;
  }
  return false;
}

/** "555-0142", "+44 20 7946 0958", "(212) 555-0100": three or more digit groups joined tightly. */
function isPhoneLike(tokens: Token[], i: number): boolean {
  let groups = 1;
  let j = i;
  while (j + 2 < tokens.length + 1) {
    const sep = tokens[j + 1];
    const next = tokens[j + 2];
    if (!sep || !next || !/^[0-9]+$/.test(next.text) || !['-', '.', ' '].includes(sep.text)) break;
    if (sep.start !== tokens[j]!.end || next.start !== sep.end) break;
    groups++;
    j += 2;
  }
  const prev = tokens[i - 1];
  return (
    groups >= 3 ||
    (prev?.text === '+' && prev.end === tokens[i]!.start) ||
    (prev?.text === ')' && groups >= 2)
  );
}

function mayStartCurrency(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (tokens[i + 1]?.text === '$') return true;
  // No currency symbol or code starts with a lower-case ASCII letter; most tokens do.
  const c = t.text.charCodeAt(0);
  if (c >= 97 && c <= 122) return false;
  return CURRENCY_SYMBOL_MAP.has(t.text) || CURRENCY_CODE_SET.has(t.text);
}

function currencyAt(tokens: Token[], i: number): { unit: string; to: number } | undefined {
  const t = tokens[i];
  const next = tokens[i + 1];
  if (!t || !next) return undefined;
  // "US$5", "A$3"
  const joined =
    next.text === '$' && t.end === next.start ? CURRENCY_SYMBOL_MAP.get(`${t.text}$`) : undefined;
  if (joined !== undefined) return { unit: joined, to: i + 2 };
  const symbol = CURRENCY_SYMBOL_MAP.get(t.text);
  if (symbol !== undefined) return { unit: symbol, to: i + 1 };
  if (CURRENCY_CODE_SET.has(t.text) && /^[0-9]/.test(next.text)) return { unit: t.text, to: i + 1 };
  return undefined;
}

function unitAt(tokens: Token[], i: number): { unit: string; to: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (CURRENCY_CODE_SET.has(t.text)) return { unit: t.text, to: i + 1 };
  const word = CURRENCY_WORD_MAP.get(t.lower);
  if (word !== undefined) return { unit: word, to: i + 1 };
  for (const phrase of MEASURE_PHRASES) {
    if (phrase.every((w, k) => tokens[i + k]?.lower === w)) {
      // Single letters ("m", "g") count as units only when written tight against the number.
      if (
        phrase.length === 1 &&
        phrase[0]!.length === 1 &&
        phrase[0] !== '%' &&
        tokens[i - 1]?.end !== t.start
      )
        continue;
      return { unit: MEASURE_WORDS[phrase.join(' ')]!, to: i + phrase.length };
    }
  }
  return undefined;
}

function rangeAfter(tokens: Token[], i: number): ParsedNumber | undefined {
  const sep = tokens[i];
  if (!sep) return undefined;
  const dash = sep.text === '-' || sep.text === '–' || sep.text === '—';
  if (!(dash || sep.lower === 'to' || sep.lower === 'and' || sep.lower === 'or')) return undefined;
  const afterSep = currencyAt(tokens, i + 1)?.to ?? i + 1;
  const upper = parseNumberAt(tokens, afterSep);
  if (!upper || upper.vague) return undefined;
  // "and"/"or" only join numbers in "between 10 and 20" or "two or three".
  if (sep.lower === 'and' && tokens[i - 2]?.lower !== 'between' && tokens[i - 3]?.lower !== 'between')
    return undefined;
  if (sep.lower === 'or' && upper.to - upper.from !== 1) return undefined;
  if (isExcluded(tokens, upper, true)) return undefined;
  return upper;
}

function qualifierBefore(
  tokens: Token[],
  i: number,
): { from: number; qualifier: QuantityQualifier } | undefined {
  for (const phrase of QUALIFIER_PHRASES) {
    const from = i - phrase.length;
    if (from < 0) continue;
    if (phrase.every((w, k) => tokens[from + k]!.lower === w))
      return { from, qualifier: QUALIFIERS[phrase.join(' ')]! };
  }
  return undefined;
}
