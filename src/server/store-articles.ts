import { annotateArticles } from '../annotate/annotate-articles.js';
import type { Article } from '../model/article.js';
import { ingestRecords } from '../store/assign-stories.js';
import { createClusteringAssigner } from '../store/clustering-assigner.js';
import type { Store } from '../store/store.js';

/** What happened to one article of a write, in input order. */
export interface StoredItem {
  /** The id the article is stored under (its own, or `<id>@<hash prefix>` when that id held other content). */
  id: string;
  /** The id the article came with. */
  inputId: string;
  /** `stored`: new content; `duplicate`: the same content was already stored (under `id`). */
  status: 'stored' | 'duplicate';
  storyId: string | null;
  title: string | null;
  outlet: string | null;
}

/** Articles per annotation batch and transaction: the default of `corroborate ingest --batch`. */
export const WRITE_BATCH = 200;

/**
 * Annotates and stores articles the way `corroborate ingest` does (batches of one
 * transaction each, then story assignment by the online clustering under the story lock),
 * and says what became of each one.
 */
export async function storeArticles(store: Store, articles: Article[]): Promise<StoredItem[]> {
  const assigner = createClusteringAssigner();
  const items: StoredItem[] = [];
  for (let start = 0; start < articles.length; start += WRITE_BATCH) {
    const batch = articles.slice(start, start + WRITE_BATCH);
    const summary = await ingestRecords(store, annotateArticles(batch), assigner);
    for (const [index, result] of summary.results.entries()) {
      const stored = await store.getArticle(result.id);
      const article = batch[index]!;
      items.push({
        id: result.id,
        inputId: result.inputId,
        status: result.isNew ? 'stored' : 'duplicate',
        storyId: stored?.storyId ?? null,
        title: article.title,
        outlet: article.outlet,
      });
    }
  }
  return items;
}
