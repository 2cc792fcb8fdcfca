import { parseHTML } from 'linkedom';
import { dropUnusedAttributes } from './drop-unused-attributes.js';
import { stripInertMarkup } from './strip-inert-markup.js';

/**
 * Parses a whole page with linkedom. Input without an `<html>` element is wrapped so
 * linkedom always builds a full document with a `<head>` and a `<body>`.
 */
export function parseHtmlDocument(html: string): Document {
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(dropUnusedAttributes(stripInertMarkup(source)));
  return document as unknown as Document;
}
