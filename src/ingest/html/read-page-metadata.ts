import type { SeenDate } from '../../model/article.js';
import type { Message } from '../../model/message.js';
import { normalizeSpace } from './normalize-space.js';
import { pickPublishedDate } from './pick-published-date.js';
import { pickTitle } from './pick-title.js';
import { readByline } from './read-byline.js';
import { readCanonicalUrl } from './read-canonical-url.js';
import { readJsonLd } from './read-json-ld.js';
import { readJsonLdArticle } from './read-json-ld-article.js';
import { readMetaDates } from './read-meta-dates.js';
import { firstMeta, readMetaTags } from './read-meta-tags.js';
import { elementsOf, indexElements } from './index-elements.js';
import { readOutlet } from './read-outlet.js';
import { readTimeElements } from './read-time-elements.js';
import { toIsoDate } from './to-iso-date.js';

export interface PageMetadata {
  title: string | null;
  /** The `<title>` element's text, unchanged. */
  documentTitle: string | null;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  dates: SeenDate[];
  outlet: string | null;
  language: string | null;
  canonicalUrl: string | null;
  /** `articleBody` from JSON-LD, when the page publishes one. */
  jsonLdBody: string | null;
  messages: Message[];
}

function jsonLdDates(published: string | null, modified: string | null): SeenDate[] {
  const dates: SeenDate[] = [];
  const pub = toIsoDate(published);
  if (published && pub) dates.push({ value: pub, raw: published, where: 'json-ld:datePublished' });
  const mod = toIsoDate(modified);
  if (modified && mod) dates.push({ value: mod, raw: modified, where: 'json-ld:dateModified' });
  return dates;
}

/** Everything a page says about itself outside the body text. Read before the DOM is cleaned. */
export function readPageMetadata(document: Document, url: string | null, place: string): PageMetadata {
  const index = indexElements(document, ['meta', 'script', 'title', 'time', 'link', 'h1']);
  const tags = readMetaTags(elementsOf(index, 'meta'));
  const jsonLd = readJsonLd(elementsOf(index, 'script'), place);
  const article = readJsonLdArticle(jsonLd.nodes);
  const documentTitle = normalizeSpace(elementsOf(index, 'title')[0]?.textContent) || null;
  const dates = [
    ...jsonLdDates(article?.datePublished ?? null, article?.dateModified ?? null),
    ...readMetaDates(tags),
    ...readTimeElements(elementsOf(index, 'time')),
  ];
  const canonicalUrl = readCanonicalUrl(elementsOf(index, 'link'), firstMeta(tags, 'og:url'), url);
  const language =
    normalizeSpace(document.documentElement?.getAttribute('lang')) || firstMeta(tags, 'og:locale') || null;
  const siteName = firstMeta(tags, 'og:site_name', 'application-name');
  const outlet = readOutlet(siteName, article?.publisher ?? null, canonicalUrl ?? url);
  const hostName = readOutlet(null, null, canonicalUrl ?? url);
  const siteNames = [
    siteName,
    article?.publisher,
    outlet,
    hostName,
    hostName?.replace(/\.[a-z]+$/i, ''),
  ].filter((n): n is string => !!n);
  const headings = elementsOf(index, 'h1')
    .slice(0, 3)
    .map((h) => h.textContent ?? '');
  const metaAuthor = firstMeta(tags, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author');
  return {
    title: pickTitle({
      jsonLdHeadline: article?.headline ?? null,
      ogTitle: firstMeta(tags, 'og:title', 'twitter:title'),
      documentTitle,
      headings,
      siteNames,
    }),
    documentTitle,
    subtitle:
      firstMeta(tags, 'og:description', 'description', 'twitter:description') ?? article?.description ?? null,
    byline: article?.authors.length ? article.authors.join(', ') : (readByline(document) ?? metaAuthor),
    published: pickPublishedDate(dates),
    dates,
    outlet,
    language,
    canonicalUrl,
    jsonLdBody: article?.articleBody ?? null,
    messages: jsonLd.messages,
  };
}
