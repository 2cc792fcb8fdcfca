import type { SeenDate } from '../../model/article.js';
import { normalizeSpace } from './normalize-space.js';
import { toIsoDate } from './to-iso-date.js';

/**
 * Dates from the first few `<time>` elements (their `datetime`, else their text). Pages
 * list many dates further down (comments, related stories), so only the first ones count.
 */
export function readTimeElements(times: Element[], limit = 3): SeenDate[] {
  const dates: SeenDate[] = [];
  for (const time of times) {
    if (dates.length >= limit) break;
    const raw = normalizeSpace(time.getAttribute('datetime') ?? time.textContent);
    const value = toIsoDate(raw);
    if (!value || dates.some((d) => d.value === value)) continue;
    const where =
      time.hasAttribute('pubdate') || /publish/i.test(time.getAttribute('itemprop') ?? '')
        ? 'time:published'
        : 'time';
    dates.push({ value, raw, where });
  }
  return dates;
}
