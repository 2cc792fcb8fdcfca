import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_ABBREVIATIONS } from '../lexicon/months.js';

/**
 * Where in a text chrono-node can find a date, so that it parses those windows and not
 * the whole text: chrono runs eighteen parsers, each a regular expression tried at every
 * character it is given, and most sentences of a news report hold no date at all.
 *
 * Every parser of chrono's English casual mode (chrono-node 2.x, `chrono.casual`)
 * needs one of these in its match, read off its pattern:
 * - a digit (ISO, slash and year-month-day dates, clock times, "5 days", "April 26");
 * - a month name or abbreviation (the month-name parsers);
 * - a weekday, "weekend" or "weekday" (the weekday parser);
 * - now, today, tonight, tomorrow, overmorrow, tmr(w), yesterday, (last) night, morning,
 *   afternoon, evening, midnight, midday, noon, month (the casual and end-of-month parsers);
 * - a number word and a time unit ("the m", "a few days", "a couple of weeks"): the four
 *   time-unit parsers ("in …", "… ago", "… later", "next …"); chrono drops a number and
 *   unit written as one word ("them"), so they are two words;
 * - this/last/past/next and a time unit ("last week", "this year", "lasts").
 * Besides words on their own, the words chrono accepts run together with a prefix or
 * suffix ("inmay", "lastnight", "mondaynextweek") count, one join deep.
 */
const MONTHS = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS];
const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  // chrono's weekday words have no "tues"
  ...WEEKDAY_ABBREVIATIONS.filter((w) => w !== 'tues'),
  'weekend',
  'weekday',
];
const CASUAL_DAYS = [
  'now',
  'today',
  'tonight',
  'tomorrow',
  'overmorrow',
  'tmr',
  'tmrw',
  'yesterday',
  'month',
];
const DAY_PARTS = ['night', 'morning', 'afternoon', 'evening', 'midnight', 'midday', 'noon'];
const UNITS = [
  's',
  'sec',
  'second',
  'seconds',
  'm',
  'min',
  'mins',
  'minute',
  'minutes',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'd',
  'day',
  'days',
  'w',
  'week',
  'weeks',
  'mo',
  'mon',
  'mos',
  'month',
  'months',
  'qtr',
  'quarter',
  'quarters',
  'y',
  'yr',
  'year',
  'years',
];
/** The last word of a number in chrono's time-unit pattern ("a couple of", "half an"). */
const NUMBER_ENDS = new Set([
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'half',
  'a',
  'an',
  'few',
  'several',
  'the',
  'couple',
  'of',
]);
const RELATIVE = ['this', 'last', 'past', 'next'];
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'thirtieth',
];

const joined = (before: readonly string[], words: readonly string[], after: readonly string[] = ['']) =>
  before.flatMap((b) => words.flatMap((w) => after.map((a) => b + w + a)));

/** Words that are an anchor on their own, with the one-join forms chrono also reads. */
/** Which of chrono's parsers a window needs (a window's `needs`). */
export const NEEDS_DIGIT = 1;
export const NEEDS_MONTH = 2;
export const NEEDS_WEEKDAY = 4;
/** Casual days and day parts, "month" (end of the month). */
export const NEEDS_CASUAL = 8;
/** A number or this/last/past/next with a time unit. */
export const NEEDS_UNIT = 16;

/** A time unit word; a unit word after a word that ends a number is a NEEDS_UNIT anchor. */
const UNIT = 32;
/** Ends a number, or is this/last/past/next. */
const BEFORE_UNIT = 64;
const ANCHOR = NEEDS_MONTH | NEEDS_WEEKDAY | NEEDS_CASUAL | NEEDS_UNIT;

const ANCHOR_WORDS: Array<[readonly string[], number]> = [
  [MONTHS, NEEDS_MONTH],
  [joined(['in', 'of', 'on', ...ORDINALS], MONTHS), NEEDS_MONTH],
  [joined(MONTHS, ['of', ...ORDINALS]), NEEDS_MONTH],
  [WEEKDAYS, NEEDS_WEEKDAY],
  [joined(['on', ...RELATIVE], WEEKDAYS), NEEDS_WEEKDAY],
  [joined(WEEKDAYS, ['of', ...RELATIVE]), NEEDS_WEEKDAY],
  [[...CASUAL_DAYS, ...DAY_PARTS], NEEDS_CASUAL],
  [joined(['this', 'last'], DAY_PARTS), NEEDS_CASUAL],
  [joined(RELATIVE, UNITS), NEEDS_UNIT],
];

/**
 * The kinds of each listed word, by a hash of its letters: scanning then needs no
 * substring per word, only for the few whose hash is listed.
 */
const KINDS = new Map<number, Map<string, number>>();
/**
 * Which hashes may be listed, by their low 16 bits folded with the high ones: most words of
 * a text are not listed, and one read here spares them the map lookup (listed words fill
 * a few percent of the slots, so a word not listed passes on to the map seldom).
 */
const MAY_BE_LISTED = new Uint8Array(1 << 16);
const slotOf = (h: number): number => (h ^ (h >>> 16)) & 0xffff;
function addKind(words: Iterable<string>, kind: number): void {
  for (const word of words) {
    const h = hashOf(word, 0, word.length);
    const bucket = KINDS.get(h) ?? new Map<string, number>();
    bucket.set(word, (bucket.get(word) ?? 0) | kind);
    KINDS.set(h, bucket);
    MAY_BE_LISTED[slotOf(h)] = 1;
  }
}

/** Hash of text[from, to) with ASCII letters lower-cased. */
function hashOf(text: string, from: number, to: number): number {
  let h = 0;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (text.charCodeAt(i) | 32)) | 0;
  return h;
}

for (const [words, kind] of ANCHOR_WORDS) addKind(words, kind);
addKind(UNITS, UNIT);
addKind([...NUMBER_ENDS, ...RELATIVE], BEFORE_UNIT);

/**
 * Text kept on each side of an anchor. A chrono match reaches at most a few words past
 * its anchors ("on the twenty-first to thirtieth of May", "Tuesday, of next week"), and
 * its refiners look at most a few words before or after a match ("end of the", a time
 * zone); 40 characters cover the longest of these.
 */
const CONTEXT = 40;

const isSpace = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

export interface DateWindow {
  start: number;
  end: number;
  /** NEEDS_* flags of the anchors inside: the parsers that can match in the window. */
  needs: number;
}

/**
 * Disjoint windows of `text`, in order, that together hold every date
 * expression chrono-node finds in it. Each window starts at the start of a word and ends
 * at the end of one, so chrono sees the same word boundaries as in the whole text.
 */
export function findDateWindows(text: string): DateWindow[] {
  const windows: DateWindow[] = [];
  const add = (from: number, to: number, needs: number): void => {
    const start = wordStartBefore(text, from - CONTEXT);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      if (to + CONTEXT > last.end) last.end = wordEndAfter(text, to + CONTEXT);
      last.needs |= needs;
    } else windows.push({ start, end: wordEndAfter(text, to + CONTEXT), needs });
  };
  let previousKind = 0;
  let previousStart = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      const from = i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      add(from, i, NEEDS_DIGIT);
      previousKind = BEFORE_UNIT;
      previousStart = from;
      continue;
    }
    if (!isLetter(code)) {
      i++;
      continue;
    }
    const from = i;
    let h = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isLetter(c)) break;
      h = (Math.imul(h, 31) + (c | 32)) | 0;
      i++;
    }
    const bucket = MAY_BE_LISTED[slotOf(h)] === 0 ? undefined : KINDS.get(h);
    const kind = bucket === undefined ? 0 : (bucket.get(text.slice(from, i).toLowerCase()) ?? 0);
    if (kind & ANCHOR) add(from, i, kind & ANCHOR);
    if (kind & UNIT && previousKind & BEFORE_UNIT) add(previousStart, i, NEEDS_UNIT);
    previousKind = kind;
    previousStart = from;
  }
  return windows;
}

/** Start of the word at or before `at`, skipping back over the spaces before it. */
function wordStartBefore(text: string, at: number): number {
  if (at <= 0) return 0;
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i))) i--;
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the word at or after `at`, skipping over the spaces before it. */
function wordEndAfter(text: string, at: number): number {
  if (at >= text.length) return text.length;
  let i = at;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  return i;
}
