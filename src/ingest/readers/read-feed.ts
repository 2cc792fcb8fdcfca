import type { ReaderResult } from '../types.js';
import type { DraftArticle, SeenDate } from '../../model/article.js';
import { createMessage } from '../../model/message.js';
import type { Message } from '../../model/message.js';
import { htmlFragmentToText } from '../html/html-fragment-to-text.js';
import { createIdRegistry } from './create-id-registry.js';
import type { IdRegistry } from './create-id-registry.js';
import { normalizeDate } from './normalize-date.js';
import { parseFeedTolerantly } from './parse-feed-tolerantly.js';
import { textToParagraphs } from './text-to-paragraphs.js';
import { toFeedEntries } from './to-feed-entries.js';
import type { FeedChannel, FeedEntry } from './to-feed-entries.js';

export { looksLikeFeed } from './looks-like-feed.js';

export interface ReadFeedOptions {
  /** The input as the user gave it (path, URL, `stdin`): used in places and default ids. */
  input: string;
  /** URL the feed was fetched from, if any: recorded and used to resolve relative links. */
  url?: string | null;
}

/**
 * A body read only from a description/summary shorter than this is a teaser, not the
 * article: news bodies are rarely this short, teasers rarely longer.
 */
const SUMMARY_ONLY_MAX_CHARS = 600;
/** A description this short next to full content is kept as the subtitle. */
const SUBTITLE_MAX_CHARS = 400;
const LOOKS_LIKE_HTML = /<[a-z!/][^<>]*>|&(?:#\d+|#x[\da-f]+|[a-z]+);/i;

/**
 * Reads an RSS 2.0, Atom, RDF (RSS 1.0) or JSON Feed document: one draft per item.
 * Problems in the feed or in one item become messages; the other items go on.
 */
export function readFeed(text: string, options: ReadFeedOptions): ReaderResult {
  if (typeof text !== 'string') throw new TypeError('readFeed(text, options): text must be a string');
  if (!options || typeof options.input !== 'string') {
    throw new TypeError('readFeed(text, options): pass options.input, the path or URL the feed came from');
  }
  const { input } = options;
  const parsed = parseFeedTolerantly(text);
  if (!parsed.ok) {
    const ruleId = parsed.problem === 'unrecognized' ? 'feed:unrecognized' : 'feed:malformed';
    return { drafts: [], messages: [feedMessage(ruleId, `${input}: ${parsed.reason}`, input, true)] };
  }
  const messages: Message[] = [];
  if (parsed.repair) messages.push(feedMessage('feed:recovered', `${input}: ${parsed.repair}`, input, false));
  const { channel, entries } = toFeedEntries(parsed.feed);
  const dropped = parsed.repair ? 0 : countXmlItems(text) - entries.length;
  if (dropped > 0) {
    const reason = `${input}: ${dropped} item(s) with no readable field were skipped by the parser; item numbers count only the items read`;
    messages.push(feedMessage('feed:empty-item', reason, input, false));
  }
  if (entries.length === 0) {
    messages.push(feedMessage('feed:no-items', `${input}: the feed has no items`, input, false));
  }
  const context: ItemContext = { input, url: options.url ?? null, channel, ids: createIdRegistry() };
  const drafts: DraftArticle[] = [];
  entries.forEach((entry, i) => {
    const result = entryToDraft(entry, i + 1, context);
    if (result.draft) drafts.push(result.draft);
    messages.push(...result.messages);
  });
  return { drafts, messages };
}

interface ItemContext {
  input: string;
  url: string | null;
  channel: FeedChannel;
  ids: IdRegistry;
}

interface ItemResult {
  draft: DraftArticle | null;
  /** Messages for the batch: those about a skipped item. Kept items carry theirs. */
  messages: Message[];
}

function entryToDraft(entry: FeedEntry, index: number, context: ItemContext): ItemResult {
  const place = `${context.input}#${index}`;
  const { body, fromSummary, summaryText } = readBody(entry);
  const title = readTitle(entry);
  const url = resolveUrl(entry.link, context.url ?? context.channel.link ?? context.channel.feedUrl);
  if (!title && !url && !entry.guid && !body) {
    const reason = `${place}: item ${index} has no title, link, id or content; skipped`;
    return { draft: null, messages: [feedMessage('feed:empty-item', reason, place, true)] };
  }
  const messages: Message[] = [];
  const claimed = context.ids.claim(url ?? entry.guid ?? place);
  const id = claimed.id;
  if (claimed.duplicateOf) {
    const reason = `${place}: item ${index} repeats the id ${claimed.duplicateOf} of an earlier item; it was renamed ${id}`;
    messages.push(feedMessage('feed:duplicate-id', reason, place, false, id));
  }
  const dates = readDates(entry, index, place, id, messages);
  if (!body) {
    const fix = url ? `; the page at ${url} can be fetched instead` : '';
    messages.push(
      feedMessage('feed:no-body', `${place}: item ${index} has no content${fix}`, place, false, id),
    );
  } else if (fromSummary && body.length < SUMMARY_ONLY_MAX_CHARS) {
    const fix = url ? `; the page at ${url} can be fetched for the full text` : '';
    const reason = `${place}: item ${index} carries only a short summary (${body.length} characters)${fix}`;
    messages.push(feedMessage('feed:summary-only', reason, place, false, id));
  }
  const draft: DraftArticle = {
    id,
    input: place,
    kind: 'feed',
    body,
    outlet: context.channel.title,
    url,
    title,
    subtitle: pickSubtitle(summaryText, body, fromSummary),
    byline: entry.authors.length > 0 ? entry.authors.join(', ') : null,
    published: dates[0]?.value ?? null,
    dates,
    language: entry.language ?? context.channel.language,
    metadata: {
      feedFormat: context.channel.format,
      feedUrl: context.url ?? context.channel.feedUrl,
      guid: entry.guid,
      categories: entry.categories,
    },
    messages,
  };
  return { draft, messages: [] };
}

interface Body {
  body: string;
  fromSummary: boolean;
  summaryText: string;
}

function readBody(entry: FeedEntry): Body {
  const summaryText = entry.summary ? richText(entry.summary) : '';
  const content = entry.contentHtml
    ? htmlFragmentToText(entry.contentHtml)
    : entry.contentText
      ? textToParagraphs(entry.contentText)
      : '';
  if (content) return { body: content, fromSummary: false, summaryText };
  return { body: summaryText, fromSummary: summaryText !== '', summaryText };
}

function pickSubtitle(summaryText: string, body: string, fromSummary: boolean): string | null {
  if (fromSummary || !summaryText || summaryText.length > SUBTITLE_MAX_CHARS) return null;
  // Many feeds put the first lines of the body in the description: that is no standfirst.
  const opening = summaryText.replace(/(?:\.\.\.|…|\[[^\]]*\])\s*$/, '').slice(0, 60);
  return body.includes(opening) ? null : summaryText;
}

function readTitle(entry: FeedEntry): string | null {
  if (!entry.title) return null;
  const text =
    entry.titleIsHtml || LOOKS_LIKE_HTML.test(entry.title) ? htmlFragmentToText(entry.title) : entry.title;
  const title = text.replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

function richText(value: string): string {
  return LOOKS_LIKE_HTML.test(value) ? htmlFragmentToText(value) : textToParagraphs(value);
}

function readDates(
  entry: FeedEntry,
  index: number,
  place: string,
  id: string,
  messages: Message[],
): SeenDate[] {
  const dates: SeenDate[] = [];
  for (const { raw, field } of entry.dates) {
    const value = normalizeDate(raw);
    if (value) {
      dates.push({ value, raw, where: `feed:${field}` });
    } else {
      const reason = `${place}: item ${index} has an unreadable ${field} "${raw.slice(0, 80)}"; ignored`;
      messages.push(feedMessage('feed:invalid-date', reason, place, false, id));
    }
  }
  return dates;
}

/** Counts item/entry start tags, to notice items the parser dropped without a word. */
function countXmlItems(text: string): number {
  if (/^\s*\{/.test(text)) return 0;
  return text.match(/<(?:[\w-]+:)?(?:item|entry)[\s>/]/g)?.length ?? 0;
}

function resolveUrl(link: string | null, base: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).href;
  } catch {
    return link;
  }
}

function feedMessage(
  ruleId: string,
  reason: string,
  place: string,
  fatal: boolean,
  articleId?: string,
): Message {
  return createMessage({ reason, source: 'feed', ruleId, place, fatal, articleId });
}
