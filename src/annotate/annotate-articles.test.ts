import { describe, expect, it } from 'vitest';
import { cleanDraft } from '../ingest/clean/clean-draft.js';
import type { Article } from '../model/article.js';
import { annotateArticle, annotateArticles } from './annotate-articles.js';

function article(id: string, body: string, published: string | null = '2026-03-14'): Article {
  const { article } = cleanDraft({ id, input: id, kind: 'jsonl', body, title: 'Headline', published });
  if (!article) throw new Error('fixture did not clean');
  return article;
}

const A = article(
  'a',
  'Mayor Hilde Marstrand said on Friday that the viaduct would stay closed for at least six months. She added that more than 40 metres of the deck had fallen.',
);
const B = article(
  'b',
  'Marstrand told reporters the town could not afford the repairs, according to officials.',
);

describe('annotateArticles', () => {
  it('should give every span offsets that match its slice of the text', () => {
    for (const { article: a, annotations } of annotateArticles([A, B])) {
      const spans = [
        ...annotations.sentences,
        ...annotations.mentions,
        ...annotations.quantities,
        ...annotations.times,
        ...annotations.hedges,
        ...annotations.attributions.flatMap((x) => [x, x.cue, x.content, ...(x.source ? [x.source] : [])]),
      ];
      for (const span of spans) expect(a.text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('should join a surname in one article to the full name in another', () => {
    const [first, second] = annotateArticles([A, B]);
    const full = first!.annotations.mentions.find((m) => m.name.includes('Marstrand'));
    const surname = second!.annotations.mentions.find((m) => m.name === 'Marstrand');
    expect(full?.key).toBeDefined();
    expect(surname?.key).toBe(full?.key);
  });

  it('should link attribution sources, pronouns included, to entity keys', () => {
    const [first] = annotateArticles([A]);
    const keys = first!.annotations.attributions.map((x) => x.sourceKey);
    const marstrand = first!.annotations.mentions.find((m) => m.name.includes('Marstrand'))!.key;
    expect(keys.filter((k) => k === marstrand).length).toBeGreaterThanOrEqual(2);
  });

  it('should find the quantity and resolve the relative day against the publication date', () => {
    const annotations = annotateArticle(A);
    expect(annotations.quantities.some((q) => q.value === 40 && q.qualifier === 'more-than')).toBe(true);
    expect(
      annotations.times.some((t) => t.text.includes('Friday') && t.value?.startsWith('2026-03-13')),
    ).toBe(true);
  });

  it('should throw a TypeError naming the call when misused', () => {
    expect(() => annotateArticles('x' as unknown as Article[])).toThrow(/annotateArticles/);
    expect(() => annotateArticle({} as Article)).toThrow(/annotateArticle/);
  });
});
