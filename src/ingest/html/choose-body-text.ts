import { htmlFragmentToText } from './html-fragment-to-text.js';
import { normalizeSpace } from './normalize-space.js';

export interface BodyChoice {
  paragraphs: string[];
  origin: 'readability' | 'json-ld' | 'none';
}

function wordCount(paragraphs: string[]): number {
  let count = 0;
  for (const p of paragraphs) count += p.split(' ').length;
  return count;
}

/** JSON-LD `articleBody` as paragraphs; sites put plain text or HTML there. */
export function jsonLdBodyParagraphs(body: string): string[] {
  const text = /<\/?[a-z][^>]*>/i.test(body) ? htmlFragmentToText(body) : body;
  return text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => normalizeSpace(p))
    .filter(Boolean);
}

/**
 * Picks between the text found in the page and the `articleBody` the page declares in
 * JSON-LD. The declared body is often a teaser or truncated, so it only wins when the
 * page text is missing or far shorter than it.
 */
export function chooseBodyText(found: string[], jsonLdBody: string | null, minRatio = 0.5): BodyChoice {
  const declared = jsonLdBody ? jsonLdBodyParagraphs(jsonLdBody) : [];
  const declaredWords = wordCount(declared);
  if (declaredWords >= 50 && wordCount(found) < declaredWords * minRatio) {
    return { paragraphs: declared, origin: 'json-ld' };
  }
  return { paragraphs: found, origin: found.length ? 'readability' : 'none' };
}
