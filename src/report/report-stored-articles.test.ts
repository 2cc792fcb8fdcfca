import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanDraft } from '../ingest/clean/clean-draft.js';
import { readArticles } from '../ingest/read-articles.js';
import type { Article } from '../model/article.js';
import type { Story } from '../model/story.js';
import { analyzeArticles } from './analyze-articles.js';
import { reportStoredArticles } from './report-stored-articles.js';

// The demo set (one event told by eight articles) plus an unrelated report: the batch
// clusterer makes two stories of them, while a stored story is reported as one whatever
// the batch clusterer would make of its articles.
const examples = fileURLToPath(new URL('../../examples', import.meta.url));
const UNRELATED = [
  'Harvest festival draws record crowds to the valley',
  '',
  'The autumn harvest festival in the valley town drew a record 14,000 visitors over the weekend, organisers said on Sunday.',
  '',
  'Apple growers sold out of cider by Saturday afternoon, and the pumpkin-carving contest had 212 entries, the most since the festival began in 1987.',
].join('\n');
const NOW = new Date('2026-03-15T00:00:00Z');

describe('reportStoredArticles', () => {
  let articles: Article[] = [];
  beforeAll(async () => {
    const extra = cleanDraft({
      id: 'unrelated',
      input: 'unrelated.txt',
      kind: 'text',
      body: UNRELATED,
      published: '2026-03-10',
    });
    articles = [...(await readArticles([examples])).articles, extra.article!];
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
