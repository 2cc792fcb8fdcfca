import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import type { Article } from '../model/article.js';
import type { Story } from '../model/story.js';
import { analyzeArticles } from './analyze-articles.js';
import { reportStoredArticles } from './report-stored-articles.js';

// The demo set: one event told by eight articles, which the batch clusterer splits in two
// (the bridge collapse and the inspection dispute read as separate events) while the
// online clusterer of `ingest` keeps them as one stored story.
const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const NOW = new Date('2026-03-15T00:00:00Z');

describe('reportStoredArticles', () => {
  let articles: Article[] = [];
  beforeAll(async () => {
    articles = (await readArticles([examples])).articles;
  });

  it('reports a stored story as one story with every article, not the batch clusters', () => {
    const batch = analyzeArticles(articles, [], NOW);
    const stored = reportStoredArticles(articles, NOW);
    const stories = stored.stories as Story[];
    // The premise: the batch clusterer alone gives more than one story here.
    expect(batch.stories.length).toBeGreaterThan(1);
    expect(stories).toHaveLength(1);
    expect([...stories[0]!.articleIds].sort()).toEqual(articles.map((a) => a.id).sort());
    // Derivation edges are still found inside the one story.
    expect(stories[0]!.derivations.length).toBeGreaterThan(0);
  });

  it('gives no story for no articles', () => {
    expect(reportStoredArticles([], NOW).stories).toEqual([]);
  });
});
