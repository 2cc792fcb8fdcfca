import type { SeenDate } from '../../model/article.js';

/** Origins that state a publication date, most trusted first; modification dates never qualify. */
const PUBLISHED_ORIGINS = [
  'json-ld:datePublished',
  'meta:article:published_time',
  'meta:og:published_time',
  'meta:datepublished',
  'meta:pubdate',
  'meta:publishdate',
  'meta:publish-date',
  'meta:publication_date',
  'meta:dc.date.issued',
  'meta:dc.date',
  'meta:dcterms.created',
  'meta:date',
  'time:published',
  'time',
];

/** The best publication date among the dates seen, or null. */
export function pickPublishedDate(dates: SeenDate[]): string | null {
  for (const origin of PUBLISHED_ORIGINS) {
    const found = dates.find((date) => date.where === origin);
    if (found) return found.value;
  }
  return null;
}
