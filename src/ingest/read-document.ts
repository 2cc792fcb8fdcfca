import { decodeDocument } from './decode-document.js';
import { detectFormat } from './detect-format.js';
import { readText } from './readers/read-text.js';
import type { RawDocument, ReaderResult } from './types.js';

/**
 * documentToDrafts for callers that can wait: a text document is read here, and the readers
 * of the other formats are loaded when one is first met. They bring the HTML and feed
 * parsers (linkedom, htmlparser2, feedsmith), whose compiling and set-up cost about 60 ms
 * of a cold CLI start that reads only text files.
 */
export async function readDocument(doc: RawDocument, maxBytes: number): Promise<ReaderResult> {
  const decoded = decodeDocument(doc, { maxBytes });
  if (decoded.text === null) return { drafts: [], messages: decoded.messages };
  const text = decoded.text;
  const format = detectFormat(text, doc.name ?? null, doc.contentType ?? null);
  const result =
    format === 'text'
      ? readTextDocument(text, doc)
      : (await import('./document-to-drafts.js')).readByFormat(format, text, doc);
  return { drafts: result.drafts, messages: [...decoded.messages, ...result.messages] };
}

/** A decoded text document to its draft. */
export function readTextDocument(text: string, doc: RawDocument): ReaderResult {
  return readText(text, {
    input: doc.input,
    id: doc.id,
    name: doc.name ?? null,
    url: doc.url ?? null,
    dates: doc.dates ?? [],
  });
}
