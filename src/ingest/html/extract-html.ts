import { createMessage } from '../../model/message.js';
import type { HtmlExtraction } from '../types.js';
import { extractBodyText } from './extract-body-text.js';
import { parseHtmlDocument } from './parse-html-document.js';
import { readPageMetadata } from './read-page-metadata.js';
import { toParagraphText } from './to-paragraphs.js';

export interface ExtractHtmlOptions {
  /** The page's URL, used to resolve relative links and as a fallback outlet. */
  url?: string | null;
  /** Where the page came from (path, URL, `stdin`), used as the place of messages. */
  input: string;
}

function emptyExtraction(place: string, reason: string, ruleId: string): HtmlExtraction {
  return {
    title: null,
    subtitle: null,
    byline: null,
    published: null,
    dates: [],
    outlet: null,
    language: null,
    canonicalUrl: null,
    text: '',
    messages: [createMessage({ reason, source: 'html', ruleId, place })],
  };
}

/**
 * Extracts the article from one HTML page: clean body text (paragraphs separated by one
 * blank line) and the metadata the page declares. Problems in the page become messages.
 */
export function extractHtml(html: string, options: ExtractHtmlOptions): HtmlExtraction {
  if (typeof html !== 'string') {
    throw new TypeError('extractHtml(html, options): html must be a string; decode the bytes first');
  }
  if (!options || typeof options.input !== 'string') {
    throw new TypeError('extractHtml(html, options): options.input must name where the page came from');
  }
  const url = options.url ?? null;
  const place = options.input;
  if (!html.trim()) return emptyExtraction(place, 'the page is empty', 'html:empty-page');
  try {
    return extractFromPage(html, url, place);
  } catch (error) {
    // The parser and Readability are third-party code; a page that trips them is a
    // problem with that page, reported like any other, not a crash of the batch.
    const detail = error instanceof Error ? error.message : String(error);
    return emptyExtraction(place, `the page could not be parsed (${detail})`, 'html:parse-failed');
  }
}

function extractFromPage(html: string, url: string | null, place: string): HtmlExtraction {
  const document = parseHtmlDocument(html);
  const meta = readPageMetadata(document, url, place);
  const body = extractBodyText(document, {
    title: meta.title,
    documentTitle: meta.documentTitle,
    jsonLdBody: meta.jsonLdBody,
  });
  const messages = [...meta.messages];
  if (!body.paragraphs.length) {
    messages.push(
      createMessage({
        reason: 'no main text was found in the page',
        source: 'html',
        ruleId: 'html:no-content',
        place,
      }),
    );
  }
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    byline: meta.byline,
    published: meta.published,
    dates: meta.dates,
    outlet: meta.outlet,
    language: meta.language,
    canonicalUrl: meta.canonicalUrl,
    text: toParagraphText(body.paragraphs),
    messages,
  };
}
