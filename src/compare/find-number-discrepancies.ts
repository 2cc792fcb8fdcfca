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

function tiedTogether(a: LocatedQuantity[], b: LocatedQuantity[]): boolean {
  return a.some((x) =>
    b.some(
      (y) =>
        x.articleIndex !== y.articleIndex &&
        ((x.factId !== null && x.factId === y.factId) ||
          (x.quantity.counted !== null &&
            y.quantity.counted !== null &&
            x.quantity.counted.text.toLowerCase() === y.quantity.counted.text.toLowerCase())),
    ),
  );
}
