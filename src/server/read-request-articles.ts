import { z } from 'zod';
import { cleanDraft } from '../ingest/clean/clean-draft.js';
import { documentToDrafts } from '../ingest/document-to-drafts.js';
import type { HostLookup } from '../ingest/fetch/check-host.js';
import { readArticles } from '../ingest/read-articles.js';
import { jsonlRowSchema } from '../ingest/readers/jsonl-row-schema.js';
import { isUrl } from '../ingest/sources/expand-inputs.js';
import type { Article } from '../model/article.js';
import { createMessage, type Message } from '../model/message.js';
import { ApiError, fieldName, validationError } from './api-error.js';

/** How a request body is read: limits, and the URL fetcher's settings. */
export interface RequestReadOptions {
  maxArticles: number;
  maxUrls: number;
  /** Largest document accepted, also for each fetched URL. */
  maxBytes: number;
  fetchTimeoutMs: number;
  fetchConcurrency: number;
  /** Fetch URLs on private, loopback and link-local addresses (off by default: the server would be an open proxy into its network). */
  allowPrivate: boolean;
  /** DNS resolution for the private-address guard (tests). */
  lookup?: HostLookup;
  /** Aborts URL fetches when the request times out or the client goes away. */
  signal?: AbortSignal;
}

export interface RequestArticles {
  articles: Article[];
  /** Every message: skipped items and problems inside articles. */
  messages: Message[];
  /** Items that gave no article, one fatal message each. */
  skipped: Message[];
}

/** The input name used in messages and in the ids of rows that bring none (`request:3`). */
export const REQUEST_INPUT = 'request';

const JSON_TYPES = /^application\/(?:[\w.+-]+\+)?json\b/i;
const JSONL_TYPES = /ndjson|jsonl|jsonlines|json-seq/i;
const TEXT_TYPES = /^text\/plain\b/i;
const REFUSED_TYPES = /^multipart\//i;

const urlSchema = z
  .string()
  .refine(
    (value) => isUrl(value) && !/\s/.test(value) && URL.canParse(value),
    'expected an absolute http:// or https:// URL',
  );

const urlsBodySchema = (max: number) =>
  z
    .object({
      urls: z
        .array(urlSchema)
        .min(1, 'expected at least one URL')
        .max(max, `at most ${max} URLs per request; split the list`),
    })
    .strict();

/**
 * Reads a request body into clean articles, through the same readers, cleaner and URL
 * fetcher (with its private-address guard) as `corroborate ingest`. Accepted bodies:
 * a JSON array of article rows (the JSONL row fields), JSONL, `{"urls": [...]}`, or a
 * plain-text list of URLs (one a line, `#` comments). Shape errors throw a 400 naming
 * the field; a row that gives no article is skipped with its reason, like a JSONL line.
 */
export async function readRequestArticles(
  bytes: Uint8Array,
  contentType: string | null,
  options: RequestReadOptions,
): Promise<RequestArticles> {
  if (bytes.length === 0)
    throw new ApiError(
      400,
      'validation',
      'the body is empty; send a JSON array of articles, JSONL, {"urls": [...]} or a list of URLs',
      'body',
    );
  const type = contentType ?? '';
  if (REFUSED_TYPES.test(type))
    throw new ApiError(
      415,
      'unsupported-media-type',
      `${type.split(';')[0]} is not read; send application/json, application/x-ndjson or text/plain`,
      'headers.content-type',
    );
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
  const kind = bodyKind(text, type);
  if (kind === 'jsonl') return readJsonlBody(text, options);
  if (kind === 'urls') return readUrls(parseUrlList(text, options.maxUrls), options);
  return readJsonBody(text, options);
}

type BodyKind = 'json' | 'jsonl' | 'urls';

/** The declared type when it is one the API reads; otherwise (curl's form default, none) the content tells. */
function bodyKind(text: string, type: string): BodyKind {
  if (JSONL_TYPES.test(type)) return 'jsonl';
  if (JSON_TYPES.test(type)) return 'json';
  if (TEXT_TYPES.test(type)) return 'urls';
  const head = text.trimStart();
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n', 1)[0] ?? '';
    return isJson(firstLine) && head.trim() !== firstLine.trim() ? 'jsonl' : 'json';
  }
  return 'urls';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function readJsonBody(text: string, options: RequestReadOptions): Promise<RequestArticles> | RequestArticles {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid-json', `the body is not JSON (${(error as Error).message})`, 'body');
  }
  if (Array.isArray(value)) return readRows(value, options);
  if (typeof value === 'object' && value !== null && 'urls' in value) {
    const parsed = urlsBodySchema(options.maxUrls).safeParse(value);
    if (!parsed.success) throw validationError('body', parsed.error);
    return readUrls(parsed.data.urls, options);
  }
  throw new ApiError(
    400,
    'validation',
    'body: expected a JSON array of articles ({"text" or "html", "id", "url", "outlet", "title", "published"}) or {"urls": [...]}',
    'body',
  );
}

/** Array rows become JSONL lines (invalid rows blank, so line n is item n-1) and go through the JSONL reader. */
function readRows(rows: unknown[], options: RequestReadOptions): RequestArticles {
  if (rows.length === 0) throw new ApiError(400, 'validation', 'body: expected at least one article', 'body');
  if (rows.length > options.maxArticles)
    throw new ApiError(
      413,
      'too-many-articles',
      `body: ${rows.length} articles; at most ${options.maxArticles} per request, split the batch`,
      'body',
    );
  const skipped: Message[] = [];
  const lines = rows.map((row, index) => {
    const parsed = jsonlRowSchema.safeParse(row);
    if (parsed.success) return JSON.stringify(row);
    const issue = parsed.error.issues[0]!;
    const field = fieldName(`body[${index}]`, issue.path);
    skipped.push(
      createMessage({
        reason: `${field}: ${issue.path.length ? issue.message : 'expected an article object with `text` or `html`'}; skipped`,
        source: 'server',
        ruleId: 'server:invalid-article',
        place: field,
        fatal: true,
      }),
    );
    return '';
  });
  const read = readDocument(lines.join('\n'), options);
  return {
    articles: read.articles,
    messages: [...skipped, ...read.messages],
    skipped: [...skipped, ...read.skipped],
  };
}

function readJsonlBody(text: string, options: RequestReadOptions): RequestArticles {
  const lines = text.split('\n').filter((line) => line.trim() !== '').length;
  if (lines > options.maxArticles)
    throw new ApiError(
      413,
      'too-many-articles',
      `body: ${lines} JSONL lines; at most ${options.maxArticles} articles per request, split the batch`,
      'body',
    );
  return readDocument(text, options);
}

/** One JSONL document through the readers and the cleaner, as `readArticles` does for each source. */
function readDocument(jsonl: string, options: RequestReadOptions): RequestArticles {
  const result = documentToDrafts(
    { input: REQUEST_INPUT, id: REQUEST_INPUT, bytes: Buffer.from(jsonl, 'utf8'), name: 'request.jsonl' },
    options.maxBytes,
  );
  const messages = [...result.messages];
  const articles: Article[] = [];
  for (const draft of result.drafts) {
    const cleaned = cleanDraft(draft);
    if (cleaned.article) articles.push(cleaned.article);
    messages.push(...cleaned.messages);
  }
  return { articles, messages, skipped: messages.filter((m) => m.fatal) };
}

function parseUrlList(text: string, maxUrls: number): string[] {
  const urls: string[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!urlSchema.safeParse(line).success)
      throw new ApiError(
        400,
        'validation',
        `body line ${index + 1}: "${line.slice(0, 80)}" is not an http(s) URL; a text body is a list of URLs, one a line (send articles as JSON or JSONL)`,
        `body[${index}]`,
      );
    urls.push(line);
  }
  if (urls.length === 0) throw new ApiError(400, 'validation', 'body: expected at least one URL', 'body');
  if (urls.length > maxUrls)
    throw new ApiError(
      413,
      'too-many-urls',
      `body: ${urls.length} URLs; at most ${maxUrls} per request, split the list`,
      'body',
    );
  return urls;
}

/** Every input is a checked http(s) URL here, so `readArticles` fetches and never touches the file system. */
async function readUrls(urls: string[], options: RequestReadOptions): Promise<RequestArticles> {
  const result = await readArticles(urls, {
    maxBytes: options.maxBytes,
    allowPrivate: options.allowPrivate,
    concurrency: options.fetchConcurrency,
    fetch: {
      timeoutMs: options.fetchTimeoutMs,
      ...(options.lookup ? { lookup: options.lookup } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    },
  });
  return { articles: result.articles, messages: result.messages, skipped: result.skipped };
}
