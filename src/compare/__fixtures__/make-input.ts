import { annotateArticles } from '../../annotate/annotate-articles.js';
import type { Article } from '../../model/article.js';
import type { CompareInput } from '../compare-input.js';

/** A story of hand-written reports, each its own origin, annotated by the real annotator. */
export function makeInput(texts: string[], extra: Partial<Article>[] = []): CompareInput {
  const articles: Article[] = texts.map((text, i) => ({
    id: `a${i}`,
    input: `a${i}`,
    outlet: null,
    url: null,
    title: null,
    subtitle: null,
    byline: null,
    published: '2024-05-02',
    dates: [],
    language: 'eng',
    text,
    contentHash: String(i),
    metadata: {},
    messages: [],
    ...extra[i],
  }));
  const annotated = annotateArticles(articles);
  return { articles, annotations: annotated.map((a) => a.annotations), origins: articles.map((a) => a.id) };
}
