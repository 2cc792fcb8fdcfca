import { createHash } from 'node:crypto';
import type { Annotations } from '../model/annotations.js';
import { DEFAULT_CLUSTER_OPTIONS, StoryClusterer, type ClusterOptions } from '../stories/cluster-stories.js';
import {
  CLUSTERING_LOG_VERSION,
  checkLogHeader,
  ClustererStateError,
  logEntries,
  logHeader,
  replayEntries,
  termCount,
} from '../stories/clusterer-state.js';
import { pickStoryTitle } from '../stories/pick-story-title.js';
import { storyFeatures, type StoryFeatures } from '../stories/story-features.js';
import type { StoryAssigner } from './assign-stories.js';
import type { ArticleRecord, StoryWriter } from './store.js';

/** The clustering index (`getClusteringState` / `appendClusteringLog`) that holds story assignment. */
export const STORIES_INDEX = 'stories';

/** A story's title is recomputed from its first this many articles, then left alone. */
const TITLE_SAMPLE = 8;

/** Most prepared story features kept for assignments to come (a few jobs' worth). */
const PREPARED_LIMIT = 10_000;

const ENTITY_TYPES = new Set(['person', 'organization', 'place']);

export interface ClusteringAssignerOptions {
  /** Clustering options for a fresh index (a saved index keeps the options it was made with). */
  cluster?: ClusterOptions;
  /** Told when the saved state cannot be restored and clustering starts afresh (default: a process warning). */
  onWarning?: (message: string) => void;
}

/** Stable id of the story whose first article (in assignment order) is `firstArticleId`. */
export function storyIdFor(firstArticleId: string): string {
  return `story-${createHash('sha256').update(firstArticleId).digest('hex').slice(0, 16)}`;
}

/** Entity keys of people, organisations and places from stored annotations, or null without any. */
export function entityKeys(annotations: Annotations | null | undefined): string[] | null {
  const mentions = annotations?.mentions;
  if (!mentions || mentions.length === 0) return null;
  return mentions.filter((m) => ENTITY_TYPES.has(m.type)).map((m) => m.key);
}

const shared = new WeakMap<object, StoryAssigner>();

/**
 * The one clustering assigner of a store object, so every ingest through it in this
 * process (CLI batches, worker jobs, watch rounds) shares the clusterer held in memory
 * instead of reading the index again.
 */
export function assignerFor(store: object): StoryAssigner {
  let assigner = shared.get(store);
  if (!assigner) {
    assigner = createClusteringAssigner();
    shared.set(store, assigner);
  }
  return assigner;
}

/** The clusterer an assigner keeps between batches, and the index revision it matches. */
interface Held {
  clusterer: StoryClusterer;
  revision: number;
}

/** What `pickStoryTitle` reads of an article; `text` only of an untitled one (the fallback reads it). */
type TitleArticle = Pick<ArticleRecord['article'], 'id' | 'title' | 'text' | 'published'>;

const titleArticle = ({ id, title, text, published }: ArticleRecord['article']): TitleArticle => ({
  id,
  title,
  published,
  text: title && title.trim() ? '' : text,
});

/**
 * Story assignment by the stories part's online clustering, persisted in the store as a
 * log (one entry per article, `../stories/clusterer-state.ts`). It runs inside
 * `withStoryLock` (see `ingestRecords`): the PostgreSQL advisory lock or SQLite's BEGIN
 * IMMEDIATE serialises every assigner of every worker and machine — the design's "single
 * assigning role": stories are decided one batch at a time, never in parallel.
 *
 * The assigner keeps its clusterer in memory between batches. Under the lock it reads
 * the index revision: unchanged means nobody else assigned since, so nothing is read;
 * newer means other processes did, and only their entries are replayed. It then adds its
 * articles and appends their entries in the same transaction as the assignments. When
 * that transaction fails, `ingestRecords` calls `discard` and the next batch reloads.
 * Use one assigner per store (`assignerFor`): the revision it holds is that store's.
 */
export function createClusteringAssigner(options: ClusteringAssignerOptions = {}): StoryAssigner {
  const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
  const cluster = options.cluster ?? DEFAULT_CLUSTER_OPTIONS;
  let held: Held | null = null;
  // Title samples of the stories with fewer than TITLE_SAMPLE articles, by story id: their
  // articles as pickStoryTitle reads them, so a story's title is recomputed without
  // reading its articles back. Only a cache: checked against the clusterer's members.
  let samples = new Map<string, TitleArticle[]>();
  // Features of the records `prepare` was given, by stored id, until the `assign` of those
  // records. A worker runs several jobs at once on one assigner (`assignerFor`), so one
  // job's `prepare` may come between another's `prepare` and `assign`: each adds its own.
  let prepared = new Map<string, StoryFeatures>();
  return {
    prepare(known) {
      // Only a cache (`assign` computes what it lacks): records whose assignment another
      // process took first are never assigned here, so their features would stay.
      if (prepared.size > PREPARED_LIMIT) prepared = new Map();
      for (const [id, record] of known)
        prepared.set(id, storyFeatures(record.article, entityKeys(record.annotations)));
    },
    discard() {
      held = null;
      samples = new Map();
      prepared = new Map();
    },
    async assign(writer, articleIds, known) {
      const current = await catchUp(writer, held, cluster, warn);
      held = null; // until this batch is logged, the clusterer is ahead of the store
      const { clusterer } = current;
      const from = clusterer.articleCount;
      const termsBefore = termCount(clusterer);
      const added = new Map<number, ArticleRecord[]>();
      const unknown = articleIds.filter((id) => !known?.has(id));
      const read = new Map((await writer.getArticles(unknown)).map((stored) => [stored.article.id, stored]));
      for (const id of articleIds) {
        const stored = known?.get(id) ?? read.get(id);
        if (!stored) continue;
        let story = clusterer.storyOf(stored.article.id);
        // A stored id always names the same content, so features prepared under it fit.
        if (story < 0)
          story = clusterer.add(
            prepared.get(id) ?? storyFeatures(stored.article, entityKeys(stored.annotations)),
          );
        const list = added.get(story);
        if (list) list.push(stored);
        else added.set(story, [stored]);
      }
      for (const [story, articles] of added) {
        const members = clusterer.members(story);
        const storyId = storyIdFor(clusterer.articleId(members[0] as number));
        const ids = articles.map((stored) => stored.article.id);
        const fresh = new Set(ids);
        const earlier = members.map((m) => clusterer.articleId(m)).filter((id) => !fresh.has(id));
        // A story that had TITLE_SAMPLE articles keeps its title (and exists: no putStory).
        if (earlier.length < TITLE_SAMPLE)
          await writer.putStory({
            id: storyId,
            title: await storyTitle(writer, samples, storyId, earlier, articles),
          });
        await writer.assignArticles(storyId, ids);
      }
      let revision = current.revision;
      if (revision === 0) await writer.putClusteringState(STORIES_INDEX, logHeader(clusterer));
      const entries = logEntries(clusterer, from, termsBefore);
      if (entries.length || revision === 0)
        revision = await writer.appendClusteringLog(STORIES_INDEX, from, entries);
      // Logged: the clusterer no longer needs these articles' vectors (adding articles
      // never reads them; a reload replays them from the log), about 4 KB each.
      clusterer.forgetVectors(clusterer.articleCount);
      held = { clusterer, revision };
      for (const id of articleIds) prepared.delete(id);
      for (const id of known?.keys() ?? []) prepared.delete(id);
    },
  };
}

/** The clusterer as of the store's latest revision (revision 0: the index has no state yet). */
async function catchUp(
  writer: StoryWriter,
  held: Held | null,
  cluster: ClusterOptions,
  warn: (message: string) => void,
): Promise<Held> {
  const revision = await writer.getClusteringRevision(STORIES_INDEX);
  if (held && revision === held.revision) return held;
  if (held && revision !== null && revision > held.revision) {
    const entries = await writer.readClusteringLog(STORIES_INDEX, held.clusterer.articleCount);
    // Every append after ours logs at least one entry from our count on. None means the
    // index was saved afresh since (putClusteringState: reset, or a checkpoint that
    // emptied the log): read it whole below.
    if (entries.length)
      try {
        replayEntries(held.clusterer, entries);
        return { clusterer: held.clusterer, revision };
      } catch (error) {
        if (!(error instanceof ClustererStateError)) throw error;
        // The log was started again under us (a reset index): read it whole below.
      }
  }
  return load(writer, cluster, warn);
}

/** Reads the index whole: its header (or a version 1 state, the base of the log), then every entry. */
async function load(
  writer: StoryWriter,
  cluster: ClusterOptions,
  warn: (message: string) => void,
): Promise<Held> {
  const saved = await writer.getClusteringState(STORIES_INDEX);
  if (!saved) return { clusterer: new StoryClusterer(cluster), revision: 0 };
  try {
    const version = (saved.state as { version?: unknown } | null)?.version;
    const clusterer =
      version === CLUSTERING_LOG_VERSION
        ? new StoryClusterer({ ...DEFAULT_CLUSTER_OPTIONS, ...checkLogHeader(saved.state).options })
        : StoryClusterer.fromState(saved.state);
    replayEntries(clusterer, await writer.readClusteringLog(STORIES_INDEX, clusterer.articleCount));
    return { clusterer, revision: saved.revision };
  } catch (error) {
    if (!(error instanceof ClustererStateError)) throw error;
    warn(
      `${error.message}; story clustering starts afresh (revision ${saved.revision} is replaced): ` +
        'articles already stored keep their stories, new ones will not join them',
    );
    return { clusterer: new StoryClusterer(cluster), revision: 0 };
  }
}

/**
 * Title from the story's first TITLE_SAMPLE articles: all `earlier` ones (its articles
 * before this batch, fewer than TITLE_SAMPLE) and the `added` ones up to that many. The
 * earlier ones come from `samples` when it holds them all, else from the store; when no
 * article of the sample has a title, the store's order (oldest first) decides whose text
 * opens the title, as `getStory` gives it.
 */
async function storyTitle(
  writer: StoryWriter,
  samples: Map<string, TitleArticle[]>,
  storyId: string,
  earlier: string[],
  added: ArticleRecord[],
): Promise<string | null> {
  const cached = samples.get(storyId);
  let sample: TitleArticle[];
  if (cached && cached.length === earlier.length && earlier.every((id) => cached.some((a) => a.id === id)))
    sample = [...cached];
  else sample = (await writer.getArticles(earlier)).map((stored) => titleArticle(stored.article));
  for (const stored of added) if (sample.length < TITLE_SAMPLE) sample.push(titleArticle(stored.article));
  if (sample.length < TITLE_SAMPLE) samples.set(storyId, sample);
  else samples.delete(storyId);
  if (!sample.some((a) => a.title && a.title.trim())) {
    const existing = await writer.getStory(storyId);
    const ordered = (await writer.getArticles(existing?.articleIds ?? [])).map((s) => s.article);
    for (const stored of added) if (ordered.length < TITLE_SAMPLE) ordered.push(stored.article);
    return pickStoryTitle(ordered) || null;
  }
  return pickStoryTitle(sample) || null;
}
