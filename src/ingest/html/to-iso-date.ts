const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIMESTAMP =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const EPOCH = /^\d{10}(?:\d{3})?$/;

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function plausibleYear(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2200;
}

/**
 * Reads a date as found in page metadata and returns it as ISO 8601: `YYYY-MM-DD` when
 * only the day is known, a timestamp (offset kept when given) otherwise; `null` when
 * the text is not a date. Free-form dates fall back to `Date.parse` and become UTC.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (!text) return null;
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const ok = isRealDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
    return ok && plausibleYear(text) ? text : null;
  }
  const stamp = ISO_TIMESTAMP.exec(text);
  if (stamp) {
    const [, day = '', time = '', zone] = stamp;
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    if (!isRealDate(y, m, d) || !plausibleYear(day)) return null;
    const offset = !zone
      ? ''
      : zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
    const withSeconds = time.length === 5 ? `${time}:00` : time.replace(',', '.');
    return `${day}T${withSeconds}${offset}`;
  }
  if (EPOCH.test(text)) {
    const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
    const iso = new Date(ms).toISOString();
    return plausibleYear(iso) ? iso : null;
  }
  // Free-form text needs at least a year-like number to be worth asking Date.parse.
  if (!/\b(1[89]|2[01])\d{2}\b/.test(text)) return null;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString();
  return plausibleYear(iso) ? iso : null;
}
