/** Media types whose bodies the readers can turn into articles (feeds, pages, text, JSON). */
const READABLE_TYPES = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/json',
  'application/x-ndjson',
  'application/jsonl',
  'application/xml',
  'text/xml',
]);

/** A gzip file served as such (`feed.xml.gz`), as opposed to a gzip `Content-Encoding`. */
const GZIP_TYPES = new Set(['application/gzip', 'application/x-gzip']);

export type ContentTypeCheck =
  { ok: true; essence: string | null; gzip: boolean } | { ok: false; essence: string };

/**
 * Decides from the `Content-Type` header whether a body is worth downloading. A
 * missing header passes: the readers sniff the bytes.
 */
export function checkContentType(header: string | null | undefined): ContentTypeCheck {
  const essence = contentTypeEssence(header);
  if (essence === null) return { ok: true, essence: null, gzip: false };
  if (READABLE_TYPES.has(essence)) return { ok: true, essence, gzip: false };
  if (GZIP_TYPES.has(essence)) return { ok: true, essence, gzip: true };
  return { ok: false, essence };
}

/** `Text/HTML; charset=UTF-8` → `text/html`; null when there is no usable type. */
export function contentTypeEssence(header: string | null | undefined): string | null {
  const essence = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return essence === '' ? null : essence;
}
