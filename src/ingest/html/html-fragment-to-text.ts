import { parseHTML } from 'linkedom';
import { toParagraphs, toParagraphText } from './to-paragraphs.js';

/**
 * Turns an HTML fragment (a feed item's content, a JSON-LD body) into plain text: block
 * elements become paragraphs separated by one blank line, inline whitespace collapses,
 * script and style are dropped.
 */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return toParagraphText(toParagraphs(document.body as unknown as Node).map((p) => p.text));
}
