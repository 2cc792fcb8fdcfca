import { dropTitleParagraphs } from './drop-title-paragraphs.js';
import { runReadability } from './run-readability.js';
import { toParagraphs } from './to-paragraphs.js';

export interface BodyHints {
  title: string | null;
  documentTitle: string | null;
  jsonLdBody: string | null;
}

export interface BodyText {
  paragraphs: string[];
  /** Which extractor produced the text. */
  origin: 'readability' | 'json-ld' | 'none';
}

/** The main text of a page as paragraphs. Mutates the document. */
export function extractBodyText(document: Document, hints: BodyHints): BodyText {
  const article = runReadability(document);
  const paragraphs = article
    ? dropTitleParagraphs(toParagraphs(article), [hints.title, hints.documentTitle])
    : [];
  return { paragraphs, origin: paragraphs.length ? 'readability' : 'none' };
}
