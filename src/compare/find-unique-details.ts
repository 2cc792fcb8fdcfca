import type { Omissions, UniqueDetails } from '../model/comparison.js';
import type { BuiltFact } from './build-facts.js';

/** Facts that only one article reports, per article (stories with one origin have none). */
export function findUniqueDetails(
  articleIds: string[],
  facts: BuiltFact[],
  totalOrigins: number,
): UniqueDetails[] {
  if (totalOrigins < 2) return [];
  return articleIds
    .map((articleId) => ({
      articleId,
      factIds: facts
        .filter((f) => f.fact.status === 'single' && f.units.some((u) => u.articleId === articleId))
        .map((f) => f.fact.id),
    }))
    .filter((u) => u.factIds.length > 0);
}

/** Consensus-or-majority facts each article leaves out. */
export function findOmissions(articleIds: string[], facts: BuiltFact[]): Omissions[] {
  const wide = facts.filter((f) => f.fact.status === 'consensus' || f.fact.status === 'majority');
  return articleIds
    .map((articleId) => ({
      articleId,
      factIds: wide.filter((f) => !f.units.some((u) => u.articleId === articleId)).map((f) => f.fact.id),
    }))
    .filter((o) => o.factIds.length > 0);
}
