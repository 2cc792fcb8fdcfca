import type { AnalyzedStory } from '../analyze-articles.js';
import { Brief } from './brief.js';
import type { CiteContext } from './cite-context.js';
import { ClaimList } from './claim-list.js';
import { DerivationList } from './derivation-list.js';
import { DiscrepancyCards } from './discrepancy-cards.js';
import { FactMatrix } from './fact-matrix.js';

export interface StorySectionsProps {
  story: AnalyzedStory;
  ctx: CiteContext;
  level: 2 | 3 | 4;
}

/** The comparison of one story, in reading order; the static report and the web app both render this. */
export function StorySections({ story, ctx, level }: StorySectionsProps) {
  return (
    <>
      <Brief brief={story.brief} facts={story.facts} ctx={ctx} level={level} />
      <DiscrepancyCards discrepancies={story.discrepancies} ctx={ctx} level={level} />
      <ClaimList claims={story.claims} ctx={ctx} level={level} />
      <FactMatrix
        facts={story.facts}
        discrepancies={story.discrepancies}
        articleIds={story.articleIds}
        ctx={ctx}
        level={level}
      />
      <DerivationList derivations={story.derivations} ctx={ctx} level={level} />
    </>
  );
}
