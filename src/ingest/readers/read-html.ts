import { extractHtml } from '../html/extract-html.js';
import type { RawDocument, ReaderResult } from '../types.js';

/** An HTML page is one article: the extractor finds its main text and metadata. */
export function readHtml(html: string, doc: RawDocument): ReaderResult {
  const page = extractHtml(html, { url: doc.url ?? null, input: doc.input });
  return {
    drafts: [
      {
        id: doc.id,
        input: doc.input,
        kind: 'html',
        body: page.text,
        url: page.canonicalUrl ?? doc.url ?? null,
        title: page.title,
        subtitle: page.subtitle,
        byline: page.byline,
        outlet: page.outlet,
        published: page.published,
        dates: [...page.dates, ...(doc.dates ?? [])],
        metadata: page.language ? { declaredLanguage: page.language } : {},
        messages: page.messages,
      },
    ],
    messages: [],
  };
}
