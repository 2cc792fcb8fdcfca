import type { Comparison, Discrepancy } from '../model/comparison.js';
import { alignFacts } from './align-facts.js';
import { buildFacts } from './build-facts.js';
import { checkCompareInput, type CompareInput } from './compare-input.js';
import { findDateDiscrepancies } from './find-date-discrepancies.js';
import { findNumberDiscrepancies } from './find-number-discrepancies.js';
import { containedPlaces, findPlaceDiscrepancies } from './find-place-discrepancies.js';
import { findPolarityDiscrepancies } from './find-polarity-discrepancies.js';
import { findRoleDiscrepancies } from './find-role-discrepancies.js';
import { groupQuantities, locateQuantities, reportedNumbers } from './group-reported-numbers.js';
import { splitFactUnits } from './split-fact-units.js';
import { buildStoryContext } from './story-context.js';
import { collectClaimMentions } from './collect-claim-mentions.js';
import { groupClaims, toClaim } from './group-claims.js';
import { linkClaims } from './link-claims.js';
import { composeBrief } from './compose-brief.js';
import { findOmissions, findUniqueDetails } from './find-unique-details.js';

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
  // Which places the story's own words put inside which, for numbers and places alike.
  const inside = containedPlaces(ctx);
  const quantityGroups = groupQuantities(locateQuantities(ctx, inside));
  const discrepancies: Discrepancy[] = [
    ...findNumberDiscrepancies(ctx, quantityGroups),
    ...findDateDiscrepancies(ctx),
    ...findRoleDiscrepancies(ctx),
    ...findPolarityDiscrepancies(ctx, units),
    ...findPlaceDiscrepancies(ctx, inside),
  ].map((d, i) => ({ id: `d${i + 1}`, ...d }));
  const ids = articles.map((a) => a.id);
  const claimGroups = groupClaims(collectClaimMentions(ctx));
  const claims = claimGroups.map((g, i) => toClaim(ctx, g, `c${i + 1}`));
  linkClaims(claimGroups, claims);
  return {
    facts: facts.map((f) => f.fact),
    discrepancies,
    claims,
    numbers: reportedNumbers(ctx, quantityGroups),
    brief: composeBrief(ctx, claims, discrepancies),
    uniqueDetails: findUniqueDetails(ids, facts, totalOrigins),
    omissions: findOmissions(ids, facts),
  };
}
