import * as chrono from 'chrono-node';
import type { SeenDate } from '../../model/article.js';

const LABEL =
  /^(?:(?:first |last )?(?:published|updated|posted|modified|created|date|filed)(?: on| at)?\s*[:-]?\s*|on\s+)/i;
const LEFTOVER =
  /^[\s,.;:|()\-–—/]*(?:(?:[A-Z]{2,5}|GMT[+-]?\d*|UTC[+-]?\d*|local time)\b[\s,.;:|()\-–—/]*)*$/;

export interface DateLine {
  /** The date when the line names a full calendar date, else null (e.g. "3 hours ago", "12:22 PM"). */
  date: SeenDate | null;
}

/**
 * Reads a line that consists of a date or time and nothing else ("Saturday, March 29, 2025",
 * "Updated: April 27, 2025 12:22 PM ET"). Returns null for any line with other content,
 * so a sentence that merely contains a date is never mistaken for a header date.
 */
export function parseDateLine(line: string, where = 'header'): DateLine | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > 80) return null;
  const rest = trimmed.replace(LABEL, '');
  const results = chrono.parse(rest, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  if (results.length === 0) return null;
  let uncovered = rest;
  for (const result of [...results].sort((a, b) => b.index - a.index)) {
    uncovered = uncovered.slice(0, result.index) + uncovered.slice(result.index + result.text.length);
  }
  if (!LEFTOVER.test(uncovered)) return null;
  const first = results[0]!;
  return { date: toSeenDate(first, trimmed, where) };
}

function toSeenDate(result: chrono.ParsedResult, raw: string, where: string): SeenDate | null {
  const start = result.start;
  if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) return null;
  if (/\bago\b|\btoday\b|\byesterday\b/i.test(result.text)) return null;
  return { value: isoFromComponents(start), raw, where };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** ISO 8601 from parsed components, without shifting through the local time zone. */
export function isoFromComponents(start: chrono.ParsedComponents): string {
  const date = `${pad(start.get('year') ?? 0, 4)}-${pad(start.get('month') ?? 1)}-${pad(start.get('day') ?? 1)}`;
  if (!start.isCertain('hour')) return date;
  const time = `${pad(start.get('hour') ?? 0)}:${pad(start.get('minute') ?? 0)}`;
  const offset = start.get('timezoneOffset');
  if (offset === null || offset === undefined) return `${date}T${time}`;
  if (offset === 0) return `${date}T${time}Z`;
  const sign = offset > 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${time}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
