import type { Comparison, Discrepancy } from '../model/comparison.js';
import { alignFacts } from './align-facts.js';
import { buildFacts } from './build-facts.js';
import { checkCompareInput, type CompareInput } from './compare-input.js';
import { findDateDiscrepancies } from './find-date-discrepancies.js';
import { findNumberDiscrepancies } from './find-number-discrepancies.js';
import { findPlaceDiscrepancies } from './find-place-discrepancies.js';
import { findPolarityDiscrepancies } from './find-polarity-discrepancies.js';
import { findRoleDiscrepancies } from './find-role-discrepancies.js';
import { groupQuantities, locateQuantities, reportedNumbers } from './group-reported-numbers.js';
import { splitFactUnits } from './split-fact-units.js';
import { buildStoryContext } from './story-context.js';

/**
 * Compares the articles of one story: facts aligned across them with their status over
 * independent origins, discrepancies between sources, attributed claims with their
 * rebuttals, the numbers reported, and a cited brief.
 */
export function compareStory(input: CompareInput): Comparison {
  checkCompareInput(input);
  const { articles, annotations, origins } = input;
  const units = splitFactUnits(articles, annotations, origins);
  const totalOrigins = new Set(origins).size;
  const facts = buildFacts(units, alignFacts(units), totalOrigins);
  const ctx = buildStoryContext(articles, annotations, origins, facts);
  const quantityGroups = groupQuantities(locateQuantities(ctx));
  const discrepancies: Discrepancy[] = [
    ...findNumberDiscrepancies(ctx, quantityGroups),
    ...findDateDiscrepancies(ctx),
    ...findRoleDiscrepancies(ctx),
    ...findPolarityDiscrepancies(ctx, units),
    ...findPlaceDiscrepancies(ctx),
  ].map((d, i) => ({ id: `d${i + 1}`, ...d }));
  return {
    facts: facts.map((f) => f.fact),
    discrepancies,
    claims: [],
    numbers: reportedNumbers(ctx, quantityGroups),
    brief: [],
    uniqueDetails: [],
    omissions: [],
  };
}
