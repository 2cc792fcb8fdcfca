import type { Discrepancy, Fact } from '../../model/comparison.js';

export type FactCell = 'reported' | 'omitted' | 'contradicted';

export interface FactRow {
  fact: Fact;
  /** One cell per article, in the order of the article ids given. */
  cells: FactCell[];
}

/**
 * Facts × articles. An article reports a fact when one of its sentences supports it. It
 * contradicts the fact when a discrepancy quotes one of the fact's sentences under one
 * variant and cites that article only under another variant; otherwise it omits it.
 */
export function factMatrix(
  facts: readonly Fact[],
  discrepancies: readonly Discrepancy[],
  articleIds: readonly string[],
): FactRow[] {
  return facts.map((fact) => {
    const reporting = new Set(fact.support.map((s) => s.articleId));
    const sentences = new Set(fact.support.map((s) => s.text));
    const contradicting = new Set<string>();
    for (const discrepancy of discrepancies) {
      const factSide = discrepancy.variants.filter((v) => v.quotes.some((q) => sentences.has(q)));
      if (!factSide.length) continue;
      const sameSide = new Set(factSide.flatMap((v) => v.articleIds));
      for (const variant of discrepancy.variants) {
        if (factSide.includes(variant)) continue;
        for (const id of variant.articleIds) if (!sameSide.has(id)) contradicting.add(id);
      }
    }
    const cells = articleIds.map((id): FactCell =>
      reporting.has(id) ? 'reported' : contradicting.has(id) ? 'contradicted' : 'omitted',
    );
    return { fact, cells };
  });
}
