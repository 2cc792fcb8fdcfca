import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';

/** An article with its annotations, as `annotateArticles` returns it and the store keeps it. */
export interface ArticleRecord {
  article: Article;
  annotations: Annotations;
}

/** A stored article: the record plus what the store added; `article.id` is the id it is stored under. */
export interface StoredArticle extends ArticleRecord {
  /** ISO 8601 (UTC) time the store first saw this content. */
  ingestedAt: string;
  /** The story the article is assigned to, or null before assignment. */
  storyId: string | null;
}

/** What `putArticles` did with one input record, in input order. */
export interface PutArticleResult {
  /** The id the article is stored under: its own id, or `<id>@<hash prefix>` when another content already had that id. */
  id: string;
  /** The id the article came with. */
  inputId: string;
  contentHash: string;
  /** True when this call stored the content; false when the same content was already stored (under `id`). */
  isNew: boolean;
}

export interface StoryInit {
  id: string;
  title: string | null;
}

export interface StorySummary {
  id: string;
  title: string | null;
  /** ISO 8601 (UTC) time the story was first saved. */
  createdAt: string;
  /** ISO 8601 (UTC) time the story last changed (saved or given an article). */
  updatedAt: string;
  articleCount: number;
  /** Distinct outlets of its articles, sorted. */
  outlets: string[];
}

export interface StoryDetail extends StorySummary {
  /** Its articles' ids, oldest (by publication, else ingestion) first. */
  articleIds: string[];
}

/** Filters shared by `listArticles` and `listStories`. */
export interface ListQuery {
  /** ISO 8601 date or time: articles published (else ingested) at or after it; stories with such an article. */
  since?: string;
  /** Exact outlet name: its articles; stories that have one of its articles. */
  outlet?: string;
  /** Case-insensitive substring of the title (articles), or of the story's or one of its articles' titles. */
  search?: string;
  /** Page size, 1–1000; default 100. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * One page, most recently stored first (within one `putArticles` call, in content-hash
 * order); `nextCursor` is null on the last page. Pages stay stable while new rows arrive.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An opaque clustering state (JSON) with its revision, which counts the saves. */
export interface ClusteringState {
  state: unknown;
  revision: number;
  updatedAt: string;
}

/**
 * What story assignment may do while it holds the story lock. Everything here runs in one
 * transaction: it commits when the callback resolves and rolls back when it throws.
 */
export interface StoryWriter {
  getArticle(id: string): Promise<StoredArticle | null>;
  getStory(id: string): Promise<StoryDetail | null>;
  /** Creates the story, or updates its title. */
  putStory(story: StoryInit): Promise<void>;
  /** Puts a stored article into a story; an article is in exactly one story, so this moves it if it was elsewhere. */
  assignArticle(storyId: string, articleId: string): Promise<void>;
  /** Stored articles that are in no story yet, oldest first. */
  listUnassignedArticleIds(limit?: number): Promise<string[]>;
  getClusteringState(index: string): Promise<ClusteringState | null>;
  /** Saves the state of one clustering index (any JSON value) and empties its log: a new start for the index. */
  putClusteringState(index: string, state: unknown): Promise<void>;
  /** The revision of a clustering index without reading its state (null when it has none): a cheap "did anyone write?". */
  getClusteringRevision(index: string): Promise<number | null>;
  /**
   * Appends entries (JSON values) to the index's log at `fromSeq`, `fromSeq + 1`, … and
   * counts one revision; returns the new revision. The index must have a state
   * (`putClusteringState` first). An entry already at one of those places is an error:
   * the caller's view of the log was stale.
   */
  appendClusteringLog(index: string, fromSeq: number, entries: unknown[]): Promise<number>;
  /** The index's log entries from `fromSeq` on, in order. */
  readClusteringLog(index: string, fromSeq?: number): Promise<unknown[]>;
  /** Of these stored article ids, those in no story yet (in the order given). */
  filterUnassigned(articleIds: string[]): Promise<string[]>;
  /** Stored articles by id, in the order given, leaving out ids not stored. */
  getArticles(ids: string[]): Promise<StoredArticle[]>;
  /** Puts stored articles into a story, as `assignArticle` does for each. */
  assignArticles(storyId: string, articleIds: string[]): Promise<void>;
}

/** What differs between engines, said as capabilities rather than names. */
export interface StoreCapabilities {
  /** Engine label for messages and reports (never branched on). */
  engine: string;
  /** Several processes may write at once (PostgreSQL: yes; SQLite: one writer at a time, others wait). */
  concurrentWriters: boolean;
  /** Jobs can be queued in the store for workers on other machines. */
  jobQueue: boolean;
}

/** One store of articles and stories; SQLite and PostgreSQL implement it with the same behaviour. */
export interface Store extends StoryWriter {
  readonly capabilities: StoreCapabilities;
  /** Applied schema versions, oldest first (migrations run when the store opens). */
  schemaVersions(): Promise<number[]>;
  /** Runs the migrations that have not run yet; safe to call again. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Stores each content once (by `article.contentHash`), in one transaction. */
  putArticles(records: ArticleRecord[]): Promise<PutArticleResult[]>;
  listArticles(query?: ListQuery): Promise<Page<StoredArticle>>;
  listStories(query?: ListQuery): Promise<Page<StorySummary>>;
  /**
   * Runs `fn` in a write transaction that holds the store-wide story lock, so concurrent
   * ingesters (threads, processes or machines) assign stories one at a time against the
   * latest clustering state. Keep `fn` short: it blocks every other assigner.
   */
  withStoryLock<T>(fn: (writer: StoryWriter) => Promise<T>): Promise<T>;
}
