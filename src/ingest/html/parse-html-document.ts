import { parseHTML } from 'linkedom';
import { dropBlockWhitespace } from './drop-block-whitespace.js';
import { dropUnusedAttributes } from './drop-unused-attributes.js';
import { stripInertMarkup } from './strip-inert-markup.js';

function hasBody(document: Document): boolean {
  try {
    return !!document.documentElement && !!document.body;
  } catch {
    return false;
  }
}

/**
 * Parses a whole page with linkedom after dropping markup that never shows as text.
 * Input that does not give a document with an `<html>` and a `<body>` (a fragment, a
 * truncated `<html` tag) is parsed again wrapped in a minimal page.
 */
export function parseHtmlDocument(html: string): Document {
  const source = dropBlockWhitespace(dropUnusedAttributes(stripInertMarkup(html)));
  if (/<html[\s>]/i.test(source)) {
    const { document } = parseHTML(source);
    if (hasBody(document as unknown as Document)) return document as unknown as Document;
  }
  const wrapped = `<!doctype html><html><head></head><body>${source.replace(/<\/?(?:html|head|body)\b[^>]*>?/gi, '')}</body></html>`;
  return parseHTML(wrapped).document as unknown as Document;
}
