import { normalizeSpace } from './normalize-space.js';

/**
 * Every `<meta>` with a `property`, `name` or `itemprop` and a non-empty `content`,
 * keyed by the lower-cased attribute value, in document order.
 */
export function readMetaTags(metas: Element[]): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const meta of metas) {
    const content = normalizeSpace(meta.getAttribute('content'));
    if (!content) continue;
    for (const attribute of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (!key) continue;
      const values = tags.get(key) ?? [];
      values.push(content);
      tags.set(key, values);
    }
  }
  return tags;
}

/** The first value of the first key present. */
export function firstMeta(tags: Map<string, string[]>, ...keys: string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)?.[0];
    if (value) return value;
  }
  return null;
}
