import * as chrono from 'chrono-node';
import type { TimeGrain, TimeRef } from '../../model/annotations.js';
import {
  NEEDS_CASUAL,
  NEEDS_DIGIT,
  NEEDS_MONTH,
  NEEDS_UNIT,
  NEEDS_WEEKDAY,
  findDateWindows,
} from './find-date-windows.js';
import { findDurations } from './find-durations.js';

const RELATIVE_WORDS =
  /\b(?:ago|yesterday|today|tonight|tomorrow|last|this|next|earlier|later|past|coming|previous|recent)\b/i;
const LEADING_RELATIVE = /\b(earlier|later|late|early|last|past|this|next)\s+$/i;
const YEAR_RE =
  /\b(?:in|since|by|until|of|during|from|before|after|through|around)\s+((?:18|19|20)[0-9]{2})\b(?![-/:.,]?[0-9])/gi;
// A day name with one of these is resolved by chrono as it says ("last Friday", "next Monday").
const WEEKDAY_MODIFIER = /\b(?:this|last|past|next|coming)\b/i;
// A future verb group before a bare day name in its sentence ("will vote on Friday", "is scheduled for
// Monday"): the day ahead of publication. Without one, a news report's day name is the one just past.
const FUTURE_CUE =
  /\b(?:will|shall|won['’]t|going to|scheduled|set to|due to|expected to|plans? to|planning to|is to|are to|upcoming)\b|['’]ll\b/i;
// How far back (characters, within the sentence) a future cue is looked for.
const FUTURE_REACH = 80;
const MONTH_NAMES =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;

/** What each of chrono's casual English parsers needs in the text to match, all of it (see findDateWindows). */
const PARSER_NEEDS: Readonly<Record<string, number>> = {
  ENYearMonthDayParser: NEEDS_DIGIT,
  ISOFormatParser: NEEDS_DIGIT,
  SlashDateFormatParser: NEEDS_DIGIT,
  ENSlashMonthFormatParser: NEEDS_DIGIT,
  ENTimeExpressionParser: NEEDS_DIGIT,
  // A year and a month name ("2025 April"): both must be there.
  ENYearMonthNameParser: NEEDS_DIGIT | NEEDS_MONTH,
  ENMonthNameLittleEndianParser: NEEDS_MONTH,
  ENMonthNameMiddleEndianParser: NEEDS_MONTH,
  ENMonthNameParser: NEEDS_MONTH,
  ENWeekdayParser: NEEDS_WEEKDAY,
  ENCasualDateParser: NEEDS_CASUAL,
  ENCasualTimeParser: NEEDS_CASUAL,
  ENEndOfCurrentMonthParser: NEEDS_CASUAL,
  ENTimeUnitWithinFormatParser: NEEDS_UNIT,
  ENTimeUnitAgoFormatParser: NEEDS_UNIT,
  ENTimeUnitLaterFormatParser: NEEDS_UNIT,
  ENTimeUnitCasualRelativeFormatParser: NEEDS_UNIT,
  ENRelativeDateFormatParser: NEEDS_UNIT,
};

/**
 * chrono's casual parser keeping only the parsers a window needs, in their order, with
 * every refiner: a parser that cannot match adds nothing, so the results are the same.
 * A parser this table does not know (a new chrono version) always runs.
 */
const chronoFor = (() => {
  const byNeeds = new Map<number, chrono.Chrono>();
  return (needs: number): chrono.Chrono => {
    let parser = byNeeds.get(needs);
    if (!parser) {
      parser = new chrono.Chrono({
        parsers: chrono.casual.parsers.filter((p) => {
          const need = PARSER_NEEDS[p.constructor.name];
          return need === undefined || (need & needs) === need;
        }),
        refiners: [...chrono.casual.refiners],
      });
      byNeeds.set(needs, parser);
    }
    return parser;
  };
})();

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * Dates and durations in text. Absolute dates are `resolved`; relative ones ("last
 * August", "on Friday", "two weeks ago") are resolved against the publication date
 * (`relative`); a date without a year takes it from the publication date
 * (`implied`). Without a publication date, relative and implied dates are
 * `unresolved` with a null value rather than guessed from today's date.
 */
export function findTimes(text: string, published: string | null): TimeRef[] {
  if (typeof text !== 'string') throw new TypeError('findTimes(text, published): text must be a string');
  const ref = referenceDate(published);
  const results: TimeRef[] = [];
  const years: TimeRef[] = [];
  // chrono only sees the windows that can hold a date: the same results, a fraction of the work.
  for (const { start, end, needs } of findDateWindows(text)) {
    const parser = chronoFor(needs);
    for (const parsed of parser.parse(text.slice(start, end), ref ?? new Date(Date.UTC(2000, 0, 1, 12)), {
      forwardDate: false,
    })) {
      const time = fromChrono(text, parsed, start, ref);
      if (time) results.push(time);
    }
    // A year has digits, so it is inside a window, with the words before it.
    if (needs & NEEDS_DIGIT) years.push(...yearsIn(text, start, end));
  }
  // After chrono's dates, as before: removeOverlaps keeps the first of two equal spans.
  results.push(...years, ...findDurations(text));
  return removeOverlaps(results);
}

/** Years after a preposition ("in 2022", "since 1991") in text[from, to). */
function yearsIn(text: string, from: number, to: number): TimeRef[] {
  const years: TimeRef[] = [];
  for (const m of text.slice(from, to).matchAll(YEAR_RE)) {
    const start = from + m.index + m[0].length - m[1]!.length;
    years.push({ text: m[1]!, start, end: start + 4, value: m[1]!, grain: 'year', resolution: 'resolved' });
  }
  return years;
}

function referenceDate(published: string | null): Date | null {
  if (published === null) return null;
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})/.exec(published);
  if (!match) return null;
  // Noon UTC keeps the calendar day the same in every time zone chrono might use.
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
}

/** `offset` is where the text chrono parsed starts in `text`. */
function fromChrono(
  text: string,
  parsed: chrono.ParsedResult,
  offset: number,
  ref: Date | null,
): TimeRef | null {
  const index = offset + parsed.index;
  let start = index;
  const lead = LEADING_RELATIVE.exec(text.slice(Math.max(0, start - 12), start));
  if (lead) start -= lead[0].length;
  const end = index + parsed.text.replace(/[\s,.;:]+$/, '').length;
  const span = text.slice(start, end);
  const c = parsed.start;
  // "eight months (after)" is a duration, handled by findDurations; "now" names no date.
  if (
    /\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b/i.test(span) &&
    !RELATIVE_WORDS.test(span)
  )
    return null;
  if (/^(?:now|right now)$/i.test(span)) return null;
  // A decade ("the mid-1980s") is no date; chrono may read its digits as a clock time.
  if (/[0-9]0s\b/.test(span)) return null;
  // A bare clock time ("12:22 PM") or a lone number is not a date.
  if (
    !c.isCertain('day') &&
    !c.isCertain('month') &&
    !c.isCertain('weekday') &&
    !c.isCertain('year') &&
    !RELATIVE_WORDS.test(span)
  )
    return null;
  const relative = RELATIVE_WORDS.test(span) || (c.isCertain('weekday') && !c.isCertain('day'));
  let year = c.get('year') ?? 0;
  let month = c.get('month') ?? 1;
  let day = c.get('day') ?? 1;
  // A bare day name ("on Friday"): chrono takes the closest one, which may be ahead of publication.
  if (ref && c.isCertain('weekday') && !c.isCertain('day') && !WEEKDAY_MODIFIER.test(span)) {
    const shift = bareWeekdayShift(text, start, ref, c.get('weekday') ?? ref.getUTCDay());
    const date = new Date(ref.getTime() + shift * 864e5);
    [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  }
  // "last August" means the most recent August before publication.
  if (ref && /^last\s+/i.test(span) && MONTH_NAMES.test(parsed.text.trim()) && month >= ref.getUTCMonth() + 1)
    year = ref.getUTCFullYear() - 1;
  if (ref && /^last\s+/i.test(span) && MONTH_NAMES.test(parsed.text.trim()) && month < ref.getUTCMonth() + 1)
    year = ref.getUTCFullYear();
  // A date without a year in a news report is almost always in the past: a month
  // well after publication belongs to the year before — unless the text says it is ahead
  // ("December 15 of this year", "is scheduled for December 15").
  if (
    ref &&
    !relative &&
    !c.isCertain('year') &&
    Date.UTC(year, month - 1, day) > ref.getTime() + 31 * 864e5 &&
    !saidToBeAhead(text, start, end)
  )
    year -= 1;
  const grain = grainOf(span, c);
  if (grain === 'year' && /\byear\b/i.test(span)) month = 1;
  const resolution: TimeRef['resolution'] = relative
    ? 'relative'
    : c.isCertain('year')
      ? 'resolved'
      : 'implied';
  const value = resolution !== 'resolved' && ref === null ? null : formatValue(grain, year, month, day, c);
  return { text: span, start, end, value, grain, resolution: value === null ? 'unresolved' : resolution };
}

// "December 15 of this year", "December 15 this year": the publication's year, said outright.
const THIS_YEAR_AFTER = /^\s*,?\s*(?:of\s+)?this\s+year\b/i;

/**
 * Whether the text puts a date without a year ahead of publication: "of this year" right after
 * it, or a future cue before it in its sentence ("is scheduled for", "will be held on").
 */
function saidToBeAhead(text: string, start: number, end: number): boolean {
  return THIS_YEAR_AFTER.test(text.slice(end, end + 20)) || futureCueBefore(text, start);
}

/** Whether a future cue stands before `start` in its sentence, within FUTURE_REACH characters. */
function futureCueBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - FUTURE_REACH), start);
  const sentence = before.slice(before.search(/[.!?]\s+[^.!?]*$/) + 1);
  return FUTURE_CUE.test(sentence);
}

/**
 * Days from publication to a bare day name at `start`: back to the most recent such day (the
 * same day counts), or forward to the next one when a future cue precedes it in its sentence.
 */
function bareWeekdayShift(text: string, start: number, ref: Date, weekday: number): number {
  const refDay = ref.getUTCDay();
  return futureCueBefore(text, start) ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
}

function grainOf(span: string, c: chrono.ParsedComponents): TimeGrain {
  if (/\bweeks?\b/i.test(span) && !/\bago\b/i.test(span)) return 'week';
  if (/\b(?:this|last|next|past)\s+month\b/i.test(span)) return 'month';
  if (/\b(?:this|last|next|past)\s+year\b/i.test(span)) return 'year';
  if (c.isCertain('hour')) return c.isCertain('day') || c.isCertain('weekday') ? 'instant' : 'day';
  if (
    c.isCertain('day') ||
    c.isCertain('weekday') ||
    /\b(?:ago|yesterday|today|tomorrow|tonight)\b/i.test(span)
  )
    return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return 'day';
}

function formatValue(
  grain: TimeGrain,
  year: number,
  month: number,
  day: number,
  c: chrono.ParsedComponents,
): string {
  if (grain === 'year') return pad(year, 4);
  if (grain === 'month') return `${pad(year, 4)}-${pad(month)}`;
  if (grain === 'instant')
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Keeps the longest of overlapping references, in text order. */
function removeOverlaps(times: TimeRef[]): TimeRef[] {
  const sorted = [...times].sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: TimeRef[] = [];
  for (const t of sorted) {
    const last = kept[kept.length - 1];
    if (last && t.start < last.end) {
      if (t.end - t.start > last.end - last.start) kept[kept.length - 1] = t;
      continue;
    }
    kept.push(t);
  }
  return kept;
}
