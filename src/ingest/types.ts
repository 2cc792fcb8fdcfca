import type { DraftArticle, SeenDate } from '../model/article.js';
import type { Message } from '../model/message.js';

/** What every format reader returns: zero or more drafts and the problems it met. */
export interface ReaderResult {
  drafts: DraftArticle[];
  messages: Message[];
}

/** Where a document's bytes came from, before its format is known. */
export interface RawDocument {
  /** The input as the user gave it (path, URL, `stdin`), used in messages and as default id. */
  input: string;
  /** The article id a single-article document gets (path as given, URL, `stdin`). */
  id: string;
  bytes: Uint8Array;
  /** `Content-Type` from HTTP, if any. */
  contentType?: string | null;
  /** URL the document was fetched from (after redirects), if any. */
  url?: string | null;
  /** File name or URL path, used for extension-based format hints. */
  name?: string | null;
  /** Dates from transport, e.g. HTTP `Last-Modified`. */
  dates?: SeenDate[];
}

/** What the HTML extractor returns for one page. */
export interface HtmlExtraction {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  published: string | null;
  dates: SeenDate[];
  outlet: string | null;
  /** `<html lang>` or `og:locale`, if present (a hint; detection still runs). */
  language: string | null;
  /** Canonical URL from `<link rel=canonical>` / `og:url`, if present. */
  canonicalUrl: string | null;
  /** Main text: paragraphs separated by one blank line. */
  text: string;
  messages: Message[];
}
