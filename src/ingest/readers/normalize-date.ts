const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a date the way feeds and JSONL rows write them (ISO 8601, RFC 822, anything
 * `Date.parse` understands) and returns ISO 8601: `YYYY-MM-DD` when only the day is
 * known, else a full UTC timestamp. Returns null for anything that is not a date.
 */
export function normalizeDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  // V8's Date.parse accepts fragments such as "1" or "May"; a real date names a year.
  if (!/\d{4}|\d{1,2}\s+[A-Za-z]{3,}\s+\d{2}\b/.test(value)) return null;
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) return isValidDay(dateOnly) ? value : null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  if (year < 1000 || year > 9999) return null;
  return date.toISOString();
}

function isValidDay(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
