import type { SeenDate } from '../../model/article.js';
import { toIsoDate } from './to-iso-date.js';

/** Meta names that carry a publication or update date, in order of trust. */
export const META_DATE_KEYS = [
  'article:published_time',
  'article:modified_time',
  'og:published_time',
  'og:updated_time',
  'datepublished',
  'datemodified',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'dcterms.modified',
  'last-modified',
];

/** Dates from `<meta>` tags, each tagged `meta:<name>`; unreadable values are skipped. */
export function readMetaDates(tags: Map<string, string[]>): SeenDate[] {
  const dates: SeenDate[] = [];
  for (const key of META_DATE_KEYS) {
    const raw = tags.get(key)?.[0];
    const value = toIsoDate(raw);
    if (raw && value) dates.push({ value, raw, where: `meta:${key}` });
  }
  return dates;
}
