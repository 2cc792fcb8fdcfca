import type { AnyFeed } from 'feedsmith';

/** A date as the feed wrote it, with the element it came from (`pubDate`, `dc:date`, …). */
export interface FeedDate {
  raw: string;
  field: string;
}

/** One feed item in a shape shared by RSS, Atom, RDF and JSON Feed. */
export interface FeedEntry {
  title: string | null;
  /** True when the title may contain markup (Atom `type="html"`/`xhtml`). */
  titleIsHtml: boolean;
  link: string | null;
  guid: string | null;
  /** Full content as HTML (`content:encoded`, Atom `content`, `content_html`). */
  contentHtml: string | null;
  /** Full content as plain text (JSON Feed `content_text`, Atom `type="text"`). */
  contentText: string | null;
  /** Description / summary, possibly HTML. */
  summary: string | null;
  /** Dates in order of preference for `published`. */
  dates: FeedDate[];
  authors: string[];
  categories: string[];
  language: string | null;
}

/** What the feed says about itself. */
export interface FeedChannel {
  format: AnyFeed['format'];
  title: string | null;
  link: string | null;
  feedUrl: string | null;
  language: string | null;
}

export interface FeedEntries {
  channel: FeedChannel;
  entries: FeedEntry[];
}

type RssFeed = Extract<AnyFeed, { format: 'rss' }>['feed'];
type RssItem = NonNullable<RssFeed['items']>[number];
type AtomFeed = Extract<AnyFeed, { format: 'atom' }>['feed'];
type AtomEntry = NonNullable<AtomFeed['entries']>[number];
type AtomLink = NonNullable<AtomEntry['links']>[number];
type RdfFeed = Extract<AnyFeed, { format: 'rdf' }>['feed'];
type RdfItem = NonNullable<RdfFeed['items']>[number];
type JsonFeed = Extract<AnyFeed, { format: 'json' }>['feed'];
type JsonItem = NonNullable<JsonFeed['items']>[number];

/** Flattens a parsed feed of any format into channel information and entries. */
export function toFeedEntries(parsed: AnyFeed): FeedEntries {
  switch (parsed.format) {
    case 'rss':
      return fromRss(parsed.feed);
    case 'atom':
      return fromAtom(parsed.feed);
    case 'rdf':
      return fromRdf(parsed.feed);
    case 'json':
      return fromJson(parsed.feed);
  }
}

function fromRss(feed: RssFeed): FeedEntries {
  return {
    channel: {
      format: 'rss',
      title: str(feed.title),
      link: str(feed.link),
      feedUrl: selfLink(feed.atom?.links),
      language: str(feed.language) ?? first(feed.dc?.languages),
    },
    entries: (feed.items ?? []).map(fromRssItem),
  };
}

function fromRssItem(item: RssItem): FeedEntry {
  return {
    title: str(item.title) ?? first(item.dc?.titles),
    titleIsHtml: false,
    link: str(item.link) ?? (item.guid?.isPermaLink !== false ? urlLike(item.guid?.value) : null),
    guid: str(item.guid?.value),
    contentHtml: str(item.content?.encoded),
    contentText: null,
    summary: str(item.description) ?? first(item.dc?.descriptions),
    dates: [
      ...dated('pubDate', [item.pubDate]),
      ...dated('dc:date', item.dc?.dates),
      ...dated('dcterms:created', item.dcterms?.created ? [item.dcterms.created] : []),
      ...dated('dcterms:modified', item.dcterms?.modified ? [item.dcterms.modified] : []),
    ],
    authors: names([...(item.authors ?? []).map(personName), ...(item.dc?.creators ?? [])]),
    categories: names([...(item.categories ?? []).map((c) => c.name), ...(item.dc?.subjects ?? [])]),
    language: first(item.dc?.languages),
  };
}

function fromAtom(feed: AtomFeed): FeedEntries {
  return {
    channel: {
      format: 'atom',
      title: str(feed.title?.value),
      link: alternateLink(feed.links),
      feedUrl: selfLink(feed.links),
      language: null,
    },
    entries: (feed.entries ?? []).map(fromAtomEntry),
  };
}

function fromAtomEntry(entry: AtomEntry): FeedEntry {
  const contentType = entry.content?.type?.toLowerCase() ?? 'text';
  const content = entry.content?.src ? null : str(entry.content?.value);
  const isText = contentType === 'text' || contentType === 'text/plain';
  const titleType = entry.title?.type?.toLowerCase() ?? 'text';
  return {
    title: str(entry.title?.value),
    titleIsHtml: titleType === 'html' || titleType === 'xhtml',
    link: alternateLink(entry.links),
    guid: str(entry.id),
    contentHtml: isText ? null : content,
    contentText: isText ? content : null,
    summary: str(entry.summary?.value),
    dates: [
      ...dated('published', [entry.published]),
      ...dated('dc:date', entry.dc?.dates),
      ...dated('updated', [entry.updated]),
    ],
    authors: names([...(entry.authors ?? []).map((a) => a.name), ...(entry.dc?.creators ?? [])]),
    categories: names((entry.categories ?? []).map((c) => c.label ?? c.term)),
    language: null,
  };
}

function fromRdf(feed: RdfFeed): FeedEntries {
  return {
    channel: {
      format: 'rdf',
      title: str(feed.title),
      link: str(feed.link),
      feedUrl: str(feed.rdf?.about),
      language: first(feed.dc?.languages),
    },
    entries: (feed.items ?? []).map(fromRdfItem),
  };
}

function fromRdfItem(item: RdfItem): FeedEntry {
  return {
    title: str(item.title) ?? first(item.dc?.titles),
    titleIsHtml: false,
    link: str(item.link) ?? urlLike(item.rdf?.about),
    guid: str(item.rdf?.about),
    contentHtml: str(item.content?.encoded),
    contentText: null,
    summary: str(item.description) ?? first(item.dc?.descriptions),
    dates: [...dated('dc:date', item.dc?.dates)],
    authors: names(item.dc?.creators ?? []),
    categories: names(item.dc?.subjects ?? []),
    language: first(item.dc?.languages),
  };
}

function fromJson(feed: JsonFeed): FeedEntries {
  return {
    channel: {
      format: 'json',
      title: str(feed.title),
      link: str(feed.home_page_url),
      feedUrl: str(feed.feed_url),
      language: str(feed.language),
    },
    entries: (Array.isArray(feed.items) ? feed.items : []).map((item) => fromJsonItem(item, feed)),
  };
}

function fromJsonItem(item: JsonItem, feed: JsonFeed): FeedEntry {
  return {
    title: str(item.title),
    titleIsHtml: false,
    link: str(item.url) ?? str(item.external_url),
    guid: str(item.id),
    contentHtml: str(item.content_html),
    contentText: str(item.content_text),
    summary: str(item.summary),
    dates: [
      ...dated('date_published', [item.date_published]),
      ...dated('date_modified', [item.date_modified]),
    ],
    authors: names((item.authors ?? feed.authors ?? []).map((a) => a.name)),
    categories: names(item.tags ?? []),
    language: str(item.language),
  };
}

function str(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function first(values: readonly unknown[] | undefined): string | null {
  for (const value of values ?? []) {
    const s = str(value);
    if (s) return s;
  }
  return null;
}

function names(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const s = str(value);
    if (s && !out.includes(s)) out.push(s);
  }
  return out;
}

function dated(field: string, values: readonly unknown[] | undefined): FeedDate[] {
  const out: FeedDate[] = [];
  for (const value of values ?? []) {
    const raw = str(value);
    if (raw) out.push({ raw, field });
  }
  return out;
}

/** RSS `<author>` is often `mail@example.com (Name)`: prefer the name. */
function personName(person: { name?: string; email?: string }): string | null {
  const name = str(person.name);
  if (name) return name;
  const email = str(person.email);
  const inParens = email ? /\(([^)]+)\)/.exec(email) : null;
  return inParens?.[1]?.trim() ?? email;
}

function urlLike(value: unknown): string | null {
  const s = str(value);
  return s && /^https?:\/\//i.test(s) ? s : null;
}

function alternateLink(links: readonly AtomLink[] | undefined): string | null {
  const list = links ?? [];
  const alternate = list.find((l) => !l.rel || l.rel === 'alternate') ?? list.find((l) => l.rel !== 'self');
  return str(alternate?.href);
}

function selfLink(links: readonly { href?: string; rel?: string }[] | undefined): string | null {
  return str((links ?? []).find((l) => l.rel === 'self')?.href);
}
