import { Readability } from '@mozilla/readability';

/**
 * Runs Readability on a document (which it mutates) and returns the article element it
 * chose, or null when it found none. Readability's own metadata is not used: the page
 * metadata is read separately before the document is touched.
 */
export function runReadability(document: Document): Element | null {
  try {
    const reader = new Readability<Element>(document, {
      serializer: (node) => node as Element,
      disableJSONLD: true,
      charThreshold: 300,
    });
    return reader.parse()?.content ?? null;
  } catch {
    // Readability can trip over unusual DOM shapes; that is "no content", not a crash.
    return null;
  }
}
