const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const HAS_TIME = /\d{1,2}:\d{2}/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b)\s*$/i;
const ISO_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Reads a date the way feeds and JSONL rows write them (ISO 8601, RFC 822, anything
 * `Date.parse` understands) and returns ISO 8601: `YYYY-MM-DD` when only the day is
 * known, else a full UTC timestamp. Returns null for anything that is not a date.
 *
 * A time without a zone is read as UTC rather than in the machine's zone, so the same
 * input gives the same value everywhere.
 */
export function normalizeDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  // V8's Date.parse accepts fragments such as "1" or "May"; a real date names a year.
  if (value.length > 100 || !/\d{4}|\d{1,2}\s+[A-Za-z]{3,}\s+\d{2}\b/.test(value)) return null;
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) return isValidDay(dateOnly) ? value : null;
  if (!HAS_TIME.test(value)) return localDay(Date.parse(value));
  const zoned = HAS_ZONE.test(value) ? value : ISO_LOCAL_TIME.test(value) ? `${value}Z` : `${value} GMT`;
  const time = Date.parse(zoned);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return inRange(date.getUTCFullYear()) ? date.toISOString() : null;
}

/** `Date.parse` reads a day without a time as local midnight: read it back the same way. */
function localDay(time: number): string | null {
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  if (!inRange(date.getFullYear())) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function inRange(year: number): boolean {
  return year >= 1000 && year <= 9999;
}

function isValidDay(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
