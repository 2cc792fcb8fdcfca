import { normalizeSpace } from './normalize-space.js';

const BYLINE_SELECTORS = [
  '[itemprop~="author"] [itemprop~="name"]',
  '[itemprop~="author"]',
  '[rel~="author"]',
  '.byline',
  '[class*="byline"]',
  '.author-name',
  '.author',
];

/** Strips the "By" lead-in and trailing dates or separators a byline usually carries. */
export function cleanByline(text: string): string | null {
  const cleaned = normalizeSpace(text)
    .replace(/^(written\s+)?by[:\s]+/i, '')
    .replace(/\s*[|,•·-]\s*$/, '')
    .trim();
  // Long texts under a byline class are bios or whole headers, not a name list.
  if (!cleaned || cleaned.length > 120) return null;
  return cleaned;
}

/** The byline from markup: schema.org `author`, `rel=author`, `.byline`, `.author`. */
export function readByline(document: Document): string | null {
  for (const selector of BYLINE_SELECTORS) {
    const names: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      const value = element.tagName === 'META' ? element.getAttribute('content') : element.textContent;
      const name = cleanByline(value ?? '');
      if (name && !names.includes(name)) names.push(name);
      if (names.length >= 4) break;
    }
    if (names.length) return names.join(', ');
  }
  return null;
}
