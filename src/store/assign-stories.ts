import type { ArticleRecord, PutArticleResult, Store, StoryWriter } from './store.js';

/**
 * Decides the story of stored articles that have none yet, while holding the story lock.
 * `createClusteringAssigner` (./clustering-assigner.ts) implements it with the stories
 * part's online clustering, keeping its index in the clustering state
 * (`writer.getClusteringState(index)` / `putClusteringState`).
 */
export interface StoryAssigner {
  /**
   * `known` may hold some of the articles by stored id, as the caller already has them
   * in memory, so the assigner need not read them back; any other id is read from `writer`.
   */
  assign(
    writer: StoryWriter,
    articleIds: string[],
    known?: ReadonlyMap<string, ArticleRecord>,
  ): Promise<void>;
  /**
   * Work on the records just stored that needs no lock (computing what `assign` will
   * need of them), which `ingestRecords` calls before it takes the story lock, so the
   * lock is held for less time. `assign` must give the same result without it.
   */
  prepare?(known: ReadonlyMap<string, ArticleRecord>): void;
  /**
   * Called when the transaction `assign` ran in did not commit, so an assigner that keeps
   * state in memory between calls drops what the store never saw.
   */
  discard?(): void;
}

export interface IngestSummary {
  results: PutArticleResult[];
  stored: number;
  duplicates: number;
  /** Articles given a story by this call (new ones, and earlier ones a crash left without). */
  assigned: number;
}

/**
 * Stores records (each content once), then, under the story lock, assigns every one of
 * them that has no story yet, so an ingest that died between the two steps is completed
 * by the next one that sees the same articles.
 */
export async function ingestRecords(
  store: Store,
  records: Parameters<Store['putArticles']>[0],
  assigner: StoryAssigner,
): Promise<IngestSummary> {
  const results = await store.putArticles(records);
  const ids = [...new Set(results.map((r) => r.id))];
  // Stored just now: the records as given, under the id they were stored with.
  const known = new Map<string, ArticleRecord>();
  results.forEach((result, i) => {
    const record = records[i];
    if (result.isNew && record)
      known.set(result.id, { ...record, article: { ...record.article, id: result.id } });
  });
  assigner.prepare?.(known);
  let assigned: number;
  try {
    assigned = await store.withStoryLock(async (writer) => {
      const pending = await writer.filterUnassigned(ids);
      if (pending.length) await assigner.assign(writer, pending, known);
      return pending.length;
    });
  } catch (error) {
    assigner.discard?.();
    throw error;
  }
  const stored = results.filter((r) => r.isNew).length;
  return { results, stored, duplicates: results.length - stored, assigned };
}

/**
 * The simplest assigner, for tests and fixtures that exercise storage rather than
 * clustering: one story per stored content. Ingestion uses `createClusteringAssigner`
 * (./clustering-assigner.ts).
 */
export const assignByContentHash: StoryAssigner = {
  async assign(writer, articleIds) {
    for (const id of articleIds) {
      const stored = await writer.getArticle(id);
      if (!stored) continue;
      const storyId = `story-${stored.article.contentHash.slice(0, 16)}`;
      if (!(await writer.getStory(storyId)))
        await writer.putStory({ id: storyId, title: stored.article.title });
      await writer.assignArticle(storyId, id);
    }
  },
};
