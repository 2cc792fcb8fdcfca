import type { Discrepancy } from '../model/comparison.js';
import { UnionFind } from '../stories/union-find.js';
import { subjectsAgree } from './clause-subject.js';
import { countSameThing, splitVariants, valueKey, type LocatedQuantity } from './group-reported-numbers.js';
import { unique, type StoryContext } from './story-context.js';

/**
 * Number discrepancies: one counted thing whose values do not fit each other across
 * articles. Two numbers count one thing only when a pair of them from different articles is
 * tied (see `tiedPair`); the tied numbers are split into variants of fitting values, and a
 * pair of tied numbers that do not fit is a conflict — unless an article reports both
 * values itself (it tells them apart as two counts) and the pair is not one aligned fact. No
 * article stands on two sides of one discrepancy. Decades, averages written ".358", tallies and scores are not
 * counts and are never compared.
 */
export function findNumberDiscrepancies(
  ctx: StoryContext,
  groups: LocatedQuantity[][][],
): Omit<Discrepancy, 'id'>[] {
  const located = groups.flat(2).filter((q) => q.context.role !== 'other');
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const cluster of tiedClusters(located)) {
    const variants = splitVariants(cluster);
    const variantOf = new Map<LocatedQuantity, number>();
    variants.forEach((v, i) => v.forEach((q) => variantOf.set(q, i)));
    // Some article of the story reports both values itself.
    const toldApart = (i: number, j: number): boolean =>
      [...articlesOf(variants[i]!)].some((a) => variants[j]!.some((q) => q.articleIndex === a));
    // Each side: the quantities that take part in a conflict, by variant.
    const sides = variants.map(() => new Set<LocatedQuantity>());
    for (const x of cluster)
      for (const y of cluster) {
        const i = variantOf.get(x)!;
        const j = variantOf.get(y)!;
        if (i >= j || !tiedPair(x, y)) continue;
        // An article that itself reports both values (any article of the story) tells them apart as
        // two counts, unless the two articles word the same aligned fact with different values.
        const direct = x.factId !== null && x.factId === y.factId;
        if (!direct && toldApart(i, j)) continue;
        if (givesBoth(x, y) || givesBoth(y, x)) continue;
        sides[i]!.add(x);
        sides[j]!.add(y);
      }
    // No article on two sides of one discrepancy.
    const sideCount = new Map<number, number>();
    for (const side of sides)
      for (const a of new Set([...side].map((q) => q.articleIndex)))
        sideCount.set(a, (sideCount.get(a) ?? 0) + 1);
    const kept = sides
      .map((side) => [...side].filter((q) => sideCount.get(q.articleIndex) === 1))
      .filter((side) => side.length > 0)
      .sort((a, b) => articlesOf(b).size - articlesOf(a).size || a[0]!.articleIndex - b[0]!.articleIndex);
    if (kept.length < 2) continue;
    const first = kept[0]![0]!;
    out.push({
      kind: 'number',
      subject: first.quantity.counted?.text ?? first.quantity.text,
      variants: kept.map((v) => ({
        value: v[0]!.quantity.text,
        articleIds: unique(v.map((q) => ctx.articles[q.articleIndex]!.id)),
        quotes: unique(v.map((q) => q.quote)),
      })),
    });
  }
  return out;
}

/**
 * Whether x's sentence also gives y's value (same unit): an article does not contradict itself
 * within a sentence, so there the two values are two counts ("two sons, ages 6 and 16" / "ages 16
 * and 6"; "the 36-year-old champion … the 40-year-old challenger"), even inside one aligned fact.
 */
const givesBoth = (x: LocatedQuantity, y: LocatedQuantity): boolean => x.alsoGiven.has(valueKey(y.quantity));

const articlesOf = (v: LocatedQuantity[]): Set<number> => new Set(v.map((q) => q.articleIndex));

/** Connected sets of numbers under `tiedPair` (only numbers tied to another article's). */
function tiedClusters(located: LocatedQuantity[]): LocatedQuantity[][] {
  const sets = new UnionFind(located.length);
  const tied = new Set<number>();
  for (let i = 0; i < located.length; i++)
    for (let j = i + 1; j < located.length; j++)
      if (tiedPair(located[i]!, located[j]!)) {
        sets.union(i, j);
        tied.add(i).add(j);
      }
  const clusters = new Map<number, LocatedQuantity[]>();
  for (const i of tied) {
    const root = sets.find(i);
    const cluster = clusters.get(root);
    if (cluster) cluster.push(located[i]!);
    else clusters.set(root, [located[i]!]);
  }
  return [...clusters.values()];
}

const sameSet = (a: Set<string>, b: Set<string>): boolean =>
  a.size === b.size && [...a].every((x) => b.has(x));

/**
 * Two numbers of different articles count one thing when a careful reader would take them so:
 * - the same kind of number: an age only against an age of the same person (named next to it;
 *   two unnamed ages only inside one aligned fact), a count only against a count;
 * - the same counted thing: the same head noun, the same names in it ("12 Somali" is not "23
 *   Somali and Yemeni"; a member of a coordination of counts only against a member of one), the same series words ("the next 23 games" is not "40 games"), no
 *   clashing link after it ("seasons as director" / "seasons with the club"), no clashing owner
 *   ("Romney (17 percent)" / "Palin (12 percent)") and no clashing verb, before the number or
 *   after the counted phrase, and no clashing subject of the governing verb;
 * - the same context: one aligned fact holds both, or the word that governs them is the same —
 *   the verb after the counted phrase ("actions that will be [taken]" / "actions the president
 *   could [take]"), the word before the number ("[won] 40 games"), or what happened to them
 *   ("killed", "injured").
 * A number in someone's quoted words is set only against the same speaker's quoted words,
 * never against an article's own account: that is a speaker's claim, not the sources
 * disagreeing.
 */
export function tiedPair(x: LocatedQuantity, y: LocatedQuantity): boolean {
  if (x.articleIndex === y.articleIndex) return false;
  if (x.quoted !== y.quoted) return false;
  if (x.quoted && x.speaker !== null && y.speaker !== null && x.speaker !== y.speaker) return false;
  const cx = x.context;
  const cy = y.context;
  if (cx.role !== cy.role || cx.role === 'other') return false;
  const sameFact = x.factId !== null && x.factId === y.factId;
  if (cx.role === 'age') {
    if ((x.quantity.unit ?? null) !== (y.quantity.unit ?? null)) return false;
    // An age is true at a time: one person's age at an arrest and at a trial years later differ
    // without any source being wrong. Two ages tie only inside one aligned fact (one event told
    // twice), and only as the same person's ("a 15-year-old son" only against that noun).
    if (cx.owner !== cy.owner) return false;
    return sameFact;
  }
  if (!countSameThing(x, y) || !sameSet(x.entities, y.entities)) return false;
  if (cx.series !== cy.series) return false;
  // A nationwide figure and a city's, a total and a part, a close and a fall during the day.
  if (x.scope !== y.scope) return false;
  // A part of a coordination ("12 Somali and 11 Yemeni") is not the whole ("23 Somali and Yemeni").
  if (cx.part !== cy.part) return false;
  if (cx.owner !== cy.owner) return false;
  // Different verbs for the counted things or governing the numbers: two counts ("four children who
  // wrote" / "20 children were killed"; "won 40 games" / "lost 40 games").
  if (x.relVerb !== null && y.relVerb !== null && x.relVerb !== y.relVerb) return false;
  if (cx.governor !== null && cy.governor !== null && cx.governor !== cy.governor) return false;
  // Different doers: "Teixeira hit 13 homers" / "Ortiz hit 30 homers".
  if (!subjectsAgree(x.subject, y.subject)) return false;
  if (cx.link !== null && cy.link !== null && cx.link !== cy.link) return false;
  // Different kinds of the counted thing: "440 receiving yards" / "404 rushing yards", "three
  // touchdowns on punt returns" / "two rushing touchdowns".
  if (cx.modifier !== '' && cy.modifier !== '' && cx.modifier !== cy.modifier) return false;
  if (x.noun !== y.noun) return false;
  if (sameFact) return true;
  // Outside one aligned fact, two sentences about different people count different people's things
  // ("[one player] threw for 329 yards" / "[another] threw for 364 yards"): when both name people,
  // they must share one.
  if (x.people.size > 0 && y.people.size > 0 && ![...x.people].some((p) => y.people.has(p))) return false;
  // Likewise places: "14 people were killed in Springfield" and "a shooting in Boulder that
  // killed three people" are two events (a place and the place it lies in count as one).
  if (x.places.size > 0 && y.places.size > 0 && ![...x.places].some((p) => y.places.has(p))) return false;
  if (x.noun === null) return false;
  return (
    (x.relVerb !== null && x.relVerb === y.relVerb) ||
    (cx.governor !== null && cx.governor === cy.governor) ||
    (x.event !== null && x.event === y.event)
  );
}
