import type { BriefItem, Claim, Discrepancy } from '../model/comparison.js';
import type { BuiltFact } from './build-facts.js';
import { sentenceAt, unique, type StoryContext } from './story-context.js';
import { tidyContent } from './tidy-content.js';

const MAX_ITEMS = 12;
const MAX_FACTS = 7;
const MAX_DISPUTES = 2;
const MAX_DISCREPANCIES = 3;

/** The sentence a fact's representative clause sits in: extractive and complete. */
function factSentence(ctx: StoryContext, built: BuiltFact): string {
  const unit = built.units.find((u) => u.text === built.fact.text) ?? built.units[0]!;
  return (sentenceAt(ctx, unit.articleIndex, unit.start)?.text ?? unit.text).trim();
}

function disputeItem(claim: Claim, rebuttals: Claim[]): BriefItem {
  const said = `${claim.speaker} ${claim.cue} ${tidyContent(claim.content)}`;
  const replies = rebuttals.map((r) => `${r.speaker} ${r.cue} ${tidyContent(r.content)}`);
  return {
    text: `${said}; ${replies.join('; ')}.`.replace(/[.;,]+\.$/, '.'),
    articleIds: unique([claim, ...rebuttals].flatMap((c) => c.articleIds)),
    factIds: [],
  };
}

function count(n: number): string {
  return n === 1 ? 'one report' : `${n} reports`;
}

function discrepancyItem(d: Discrepancy): BriefItem {
  const sides = d.variants.map((v) => `${count(v.articleIds.length)}: "${(v.quotes[0] ?? v.value).trim()}"`);
  return {
    text: `Sources differ (${d.kind}, ${d.subject}): ${sides.join(' against ')}.`,
    articleIds: unique(d.variants.flatMap((v) => v.articleIds)),
    factIds: [],
  };
}

/**
 * The brief: the most widely supported facts in the sources' own sentences, then the
 * disputes between actors phrased with who says what, then the discrepancies between
 * sources; every item cites its articles and facts.
 */
export function composeBrief(ctx: StoryContext, claims: Claim[], discrepancies: Discrepancy[]): BriefItem[] {
  const items: BriefItem[] = [];
  const seen = new Set<string>();
  const byId = new Map(claims.map((c) => [c.id, c]));
  const multi = ctx.facts.filter((f) => f.origins.size > 1);
  const candidates = (multi.length >= 3 ? multi : ctx.facts).slice(0, MAX_FACTS);
  for (const built of candidates) {
    const text = factSentence(ctx, built);
    if (seen.has(text)) continue;
    seen.add(text);
    items.push({ text, articleIds: unique(built.units.map((u) => u.articleId)), factIds: [built.fact.id] });
  }
  const disputed = claims
    .filter((c) => c.rebuttedBy.length > 0)
    .sort((a, b) => b.articleIds.length - a.articleIds.length)
    .slice(0, MAX_DISPUTES);
  disputed.forEach((claim, k) => {
    const rebuttals = claim.rebuttedBy
      .map((id) => byId.get(id)!)
      .sort((a, b) => b.articleIds.length - a.articleIds.length)
      .slice(0, 1);
    items.splice(Math.min(1 + k, items.length), 0, disputeItem(claim, rebuttals));
  });
  for (const d of discrepancies.slice(0, MAX_DISCREPANCIES)) items.push(discrepancyItem(d));
  return items.slice(0, MAX_ITEMS);
}
