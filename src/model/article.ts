import type { Message } from './message.js';

/** A date seen in an article's header or metadata, with where it was seen. */
export interface SeenDate {
  /** ISO 8601: a full timestamp when the time is known, else `YYYY-MM-DD`. */
  value: string;
  /** The text the date was read from. */
  raw: string;
  /** Where it was seen: `header`, `dateline`, `meta:article:published_time`, `json-ld`, `time`, `feed`, `jsonl`, `http`, … */
  where: string;
}

/** One news report, cleaned. Offsets of every later annotation are UTF-16 offsets into `text`. */
export interface Article {
  id: string;
  /** Where it came from: the path as given, the URL, `stdin`, or `file.jsonl:12`. */
  input: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  /** Standfirst / subtitle / teaser when one was recognised. */
  subtitle: string | null;
  byline: string | null;
  /** ISO 8601 or null. */
  published: string | null;
  dates: SeenDate[];
  /** ISO 639-3 code from franc, `und` when the text is too short to tell. */
  language: string;
  /** Clean body: paragraphs separated by one blank line; no title, no boilerplate. */
  text: string;
  /** Stable hash of the normalised text (sha256, hex). */
  contentHash: string;
  /** Fields from the input that have no place in the model (JSONL extras, feed categories…). */
  metadata: Record<string, unknown>;
  messages: Message[];
}

/**
 * What a reader produces before cleaning: the raw body and whatever metadata the
 * format carried. Cleaning turns it into an `Article`.
 */
export interface DraftArticle {
  id: string;
  input: string;
  /** `text` bodies get title detection and header parsing; `html` bodies came from an extractor. */
  kind: 'text' | 'html' | 'feed' | 'jsonl';
  body: string;
  outlet?: string | null;
  url?: string | null;
  title?: string | null;
  subtitle?: string | null;
  byline?: string | null;
  published?: string | null;
  dates?: SeenDate[];
  language?: string | null;
  metadata?: Record<string, unknown>;
  messages?: Message[];
}
