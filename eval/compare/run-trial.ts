/**
 * One trial of the comparison benchmark: a story (the original article, perhaps with its
 * siblings) plus one copy, annotated together and compared; did the comparison set the
 * original against the copy with a discrepancy of the expected kind?
 */
import { annotateArticle } from '../../src/annotate/annotate-articles.js';
import { resolveEntityKeys } from '../../src/annotate/mentions/resolve-entity-keys.js';
import { resolveSourceKeys } from '../../src/annotate/resolve-source-keys.js';
import type { Annotations } from '../../src/model/annotations.js';
import { compareStory } from '../../src/compare/index.js';
import type { Article } from '../../src/model/article.js';
import type { Discrepancy } from '../../src/model/comparison.js';

export interface TrialResult {
  discrepancies: Discrepancy[];
  /** The discrepancies that set the original's article against the copy's. */
  separating: Discrepancy[];
}

/** The copy of an article: same metadata, new text, its own id. */
export function copyOf(article: Article, text: string, suffix: string): Article {
  return { ...article, id: `${article.id}#${suffix}`, text, contentHash: `${article.contentHash}#${suffix}` };
}

/**
 * True when the discrepancy sets the two apart: one variant holds one of them and not the
 * other, and another variant holds the other (which may repeat the first value elsewhere,
 * as a copy that changed one of two mentions of a number does).
 */
export function separates(d: Discrepancy, originalId: string, copyId: string): boolean {
  const apart = (one: string, other: string): boolean =>
    d.variants.some(
      (v) =>
        v.articleIds.includes(one) &&
        !v.articleIds.includes(other) &&
        d.variants.some((w) => w !== v && w.articleIds.includes(other)),
    );
  return apart(copyId, originalId) || apart(originalId, copyId);
}

const cache = new Map<string, Annotations>();

/** Each article's own annotations (cached by date and text: nothing else goes into them), entity keys then joined across them as `annotateArticles` does. */
function annotateTogether(articles: Article[]): Annotations[] {
  const own = articles.map((a) => {
    const key = `${a.published ?? ''}\n${a.text}`;
    let ann = cache.get(key);
    if (!ann) {
      ann = annotateArticle(a);
      if (cache.size > 2000) cache.clear();
      cache.set(key, ann);
    }
    return ann;
  });
  const joined = resolveEntityKeys(own.map((a) => a.mentions));
  return own.map((ann, i) => {
    const mentions = joined[i] ?? ann.mentions;
    return { ...ann, mentions, attributions: resolveSourceKeys(ann.attributions, mentions) };
  });
}

/** Compares the story with the copy added; every article counts as its own origin. */
export function runTrial(story: Article[], original: Article, copy: Article): TrialResult {
  const articles = [...story, copy];
  const comparison = compareStory({
    articles,
    annotations: annotateTogether(articles),
    origins: articles.map((a) => a.id),
  });
  return {
    discrepancies: comparison.discrepancies,
    separating: comparison.discrepancies.filter((d) => separates(d, original.id, copy.id)),
  };
}
