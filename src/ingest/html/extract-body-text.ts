import { chooseBodyText } from './choose-body-text.js';
import { dropLinkLists } from './drop-link-lists.js';
import { dropTitleParagraphs } from './drop-title-paragraphs.js';
import { dropTrailingBio } from './drop-trailing-bio.js';
import { isBoilerplateParagraph } from './is-boilerplate-paragraph.js';
import { runReadability } from './run-readability.js';
import { stripBoilerplate } from './strip-boilerplate.js';
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
  stripBoilerplate(document);
  const article = runReadability(document);
  const kept = article ? dropLinkLists(toParagraphs(article)).filter((p) => !isBoilerplateParagraph(p)) : [];
  const paragraphs = dropTrailingBio(
    dropTitleParagraphs(
      kept.map((p) => p.text),
      [hints.title, hints.documentTitle],
    ),
  );
  return chooseBodyText(paragraphs, hints.jsonLdBody);
}
