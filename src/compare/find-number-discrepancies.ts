import type { Discrepancy } from '../model/comparison.js';
import type { LocatedQuantity } from './group-reported-numbers.js';
import { unique, type StoryContext } from './story-context.js';

/**
 * Number discrepancies: one counted thing whose values do not fit each other across
 * articles. Variants must come from different articles and be tied by one aligned fact
 * (or by an identical counted phrase), so two different tolls in one story are not set
 * against each other.
 */
export function findNumberDiscrepancies(
  ctx: StoryContext,
  groups: LocatedQuantity[][][],
): Omit<Discrepancy, 'id'>[] {
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const variants of groups) {
    if (variants.length < 2) continue;
    const tied = variants.filter((v) => variants.some((w) => w !== v && tiedTogether(v, w)));
    if (tied.length < 2) continue;
    const articleSets = tied.map((v) => new Set(v.map((q) => q.articleIndex)));
    const distinct = articleSets.some((a, i) =>
      articleSets.some((b, j) => i !== j && [...a].some((x) => !b.has(x))),
    );
    if (!distinct) continue;
    const first = tied[0]![0]!;
    out.push({
      kind: 'number',
      subject: first.quantity.counted?.text ?? first.quantity.text,
      variants: tied.map((v) => ({
        value: v[0]!.quantity.text,
        articleIds: unique(v.map((q) => ctx.articles[q.articleIndex]!.id)),
        quotes: unique(v.map((q) => q.quote)),
      })),
    });
  }
  return out;
}

/**
 * Two quantities of different articles count one thing when one aligned fact holds both, when
 * the counted phrases are the same words (one bare noun only where the verbs after it agree), or
 * when the same head noun is followed by the same verb ("19 actions the president could take" /
 * "23 actions that will be taken").
 * A number in someone's quoted words is set only against the same speaker's quoted words,
 * never against an article's own account: that is a speaker's claim, not the sources
 * disagreeing.
 */
function tiedPair(x: LocatedQuantity, y: LocatedQuantity): boolean {
  if (x.articleIndex === y.articleIndex) return false;
  if (x.quoted !== y.quoted) return false;
  if (x.quoted && x.speaker !== null && y.speaker !== null && x.speaker !== y.speaker) return false;
  if (x.factId !== null && x.factId === y.factId) return true;
  const cx = x.quantity.counted;
  const cy = y.quantity.counted;
  if (cx === null || cy === null) return false;
  // One bare noun ("states") ties only where the verb after it is the same ("two states filed …"
  // and "23 states have enacted …" are two counts).
  if (
    cx.text.toLowerCase() === cy.text.toLowerCase() &&
    (/\s/.test(cx.text.trim()) || x.relVerb === y.relVerb)
  )
    return true;
  return x.noun !== null && x.noun === y.noun && x.relVerb !== null && x.relVerb === y.relVerb;
}

function tiedTogether(a: LocatedQuantity[], b: LocatedQuantity[]): boolean {
  return a.some((x) => b.some((y) => tiedPair(x, y)));
}
