import { cleanDraft } from '../ingest/clean/clean-draft.js';
import { documentToDrafts } from '../ingest/document-to-drafts.js';
import { fetchDocument, type FetchOptions, type FetchOutcome } from '../ingest/fetch/fetch-document.js';
import type { Article, DraftArticle } from '../model/article.js';
import { createMessage, type Message } from '../model/message.js';
import { conditionalHeaders, type FeedState } from './feed-schedule.js';

export interface PollOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  /** Largest feed or page accepted, in bytes. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Stand-in for `fetchDocument` (tests). */
  fetch?: (url: string, options: FetchOptions) => Promise<FetchOutcome>;
}

export type PollOutcome =
  | { kind: 'not-modified' }
  | {
      kind: 'fetched';
      etag: string | null;
      lastModified: string | null;
      /** Items in the feed. */
      items: number;
      /** New articles, cleaned. */
      articles: Article[];
      /** Keys of the new items (link, guid, content hash), to remember once they are stored. */
      taken: string[];
      /** Problems with items or their pages; the feed itself was read. */
      messages: Message[];
    }
  | { kind: 'failed'; error: string };

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const NEEDS_PAGE = new Set(['feed:summary-only', 'feed:no-body']);

/** Keys that identify a feed item before its body is read: its link and its guid. */
export function itemKeys(draft: DraftArticle): string[] {
  const keys: string[] = [];
  if (draft.url) keys.push(`link:${draft.url}`);
  const guid = draft.metadata?.guid;
  if (typeof guid === 'string' && guid) keys.push(`guid:${guid}`);
  if (!keys.length) keys.push(`id:${draft.id}`);
  return keys;
}

export const hashKey = (article: Article): string => `hash:${article.contentHash}`;

/** True when the feed gave only a teaser (or nothing) and the item links to its page. */
export const needsPage = (draft: DraftArticle): boolean =>
  Boolean(draft.url) && (draft.messages ?? []).some((m) => NEEDS_PAGE.has(m.ruleId));

/**
 * Polls one feed: a conditional request with the validators seen last; on a full
 * response, reads the items, skips those already seen (by link, guid or content hash),
 * fetches the page of each new item that carries only a summary, and cleans them.
 */
export async function pollFeed(state: FeedState, options: PollOptions = {}): Promise<PollOutcome> {
  const fetch = options.fetch ?? fetchDocument;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const fetchOptions: FetchOptions = {
    allowPrivate: options.allowPrivate ?? false,
    maxBytes,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const outcome = await fetch(state.url, { ...fetchOptions, headers: conditionalHeaders(state) });
  if (!outcome.ok) {
    if (outcome.message.ruleId === 'fetch:not-modified') return { kind: 'not-modified' };
    return { kind: 'failed', error: outcome.message.reason };
  }
  const read = documentToDrafts(outcome.document, maxBytes);
  const fatal = read.messages.find((m) => m.fatal);
  if (!read.drafts.length && fatal) return { kind: 'failed', error: fatal.reason };

  const seen = new Set(state.seen);
  const articles: Article[] = [];
  const taken: string[] = [];
  const messages = read.messages.filter((m) => !m.articleId);
  for (const draft of read.drafts) {
    const keys = itemKeys(draft);
    if (keys.some((key) => seen.has(key))) continue;
    const cleaned = needsPage(draft)
      ? await readWithPage(draft, (url) => fetch(url, fetchOptions), maxBytes)
      : cleanDraft(draft);
    taken.push(...keys);
    if (!cleaned.article) {
      messages.push(...cleaned.messages);
      continue;
    }
    const hash = hashKey(cleaned.article);
    if (seen.has(hash)) continue;
    seen.add(hash);
    taken.push(hash);
    articles.push(cleaned.article);
  }
  return {
    kind: 'fetched',
    etag: outcome.headers.etag ?? null,
    lastModified: outcome.headers['last-modified'] ?? null,
    items: read.drafts.length,
    articles,
    taken,
    messages,
  };
}

/**
 * The item read from its page, keeping the feed's id and filling what the page lacks
 * from the feed; the feed's summary when the page cannot be fetched or read.
 */
async function readWithPage(
  draft: DraftArticle,
  fetchPage: (url: string) => Promise<FetchOutcome>,
  maxBytes: number,
): Promise<ReturnType<typeof cleanDraft>> {
  const outcome = await fetchPage(draft.url!);
  const page = outcome.ok ? documentToDrafts(outcome.document, maxBytes) : null;
  const pageDraft = page?.drafts[0];
  if (pageDraft) {
    const merged = mergePageDraft(draft, pageDraft);
    const cleaned = cleanDraft(merged);
    if (cleaned.article) return cleaned;
  }
  const reason = outcome.ok
    ? `${draft.input}: the page ${draft.url} gave no article text; the feed's summary is kept`
    : `${draft.input}: the page could not be fetched (${outcome.message.reason}); the feed's summary is kept`;
  const note = createMessage({
    reason,
    source: 'watch',
    ruleId: 'watch:page-unavailable',
    place: draft.input,
    articleId: draft.id,
  });
  return cleanDraft({ ...draft, messages: [...(draft.messages ?? []), note] });
}

export function mergePageDraft(item: DraftArticle, page: DraftArticle): DraftArticle {
  return {
    ...page,
    id: item.id,
    input: item.url ?? page.input,
    url: page.url ?? item.url ?? null,
    title: page.title ?? item.title ?? null,
    outlet: page.outlet ?? item.outlet ?? null,
    byline: page.byline ?? item.byline ?? null,
    published: page.published ?? item.published ?? null,
    dates: page.dates?.length ? page.dates : (item.dates ?? []),
    metadata: { ...item.metadata, ...page.metadata, fromPage: true },
    messages: (page.messages ?? []).map((m) => ({ ...m, articleId: item.id })),
  };
}
