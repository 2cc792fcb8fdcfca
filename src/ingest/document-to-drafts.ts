import { decodeDocument } from './decode-document.js';
import { detectFormat } from './detect-format.js';
import { readHtml } from './readers/read-html.js';
import { readFeed } from './readers/read-feed.js';
import { readJsonl } from './readers/read-jsonl.js';
import { readTextDocument } from './read-document.js';
import type { RawDocument, ReaderResult } from './types.js';

/** One loaded document to drafts: decode its bytes, tell its format, run that reader. */
export function documentToDrafts(doc: RawDocument, maxBytes: number): ReaderResult {
  const decoded = decodeDocument(doc, { maxBytes });
  if (decoded.text === null) return { drafts: [], messages: decoded.messages };
  const text = decoded.text;
  const format = detectFormat(text, doc.name ?? null, doc.contentType ?? null);
  const result = readByFormat(format, text, doc);
  return { drafts: result.drafts, messages: [...decoded.messages, ...result.messages] };
}

export function readByFormat(
  format: ReturnType<typeof detectFormat>,
  text: string,
  doc: RawDocument,
): ReaderResult {
  switch (format) {
    case 'feed':
      return readFeed(text, { input: doc.input, url: doc.url ?? null });
    case 'jsonl':
      return readJsonl(text, { input: doc.input });
    case 'html':
      return readHtml(text, doc);
    case 'text':
      return readTextDocument(text, doc);
  }
}
