import type { Article } from '../model/article.js';
import type { Store } from './store.js';

/** Orders articles by id, so a report does not depend on when or in which batch they were stored. */
export const byArticleId = (a: Article, b: Article): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The stored articles of these ids (ids not stored are left out), in one read, ordered by id. */
export async function loadArticlesById(store: Store, ids: string[]): Promise<Article[]> {
  const stored = await store.getArticles(ids);
  return stored.map((s) => s.article).sort(byArticleId);
}

/**
 * The articles of one stored story in a stable order (by id), or null when the store has
 * no story with that id.
 */
export async function loadStoryArticles(store: Store, storyId: string): Promise<Article[] | null> {
  const story = await store.getStory(storyId);
  return story ? loadArticlesById(store, story.articleIds) : null;
}
