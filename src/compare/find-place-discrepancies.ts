import type { Mention } from '../model/annotations.js';
import type { Discrepancy } from '../model/comparison.js';
import { unique, type StoryContext } from './story-context.js';
import { wordConcepts } from './to-concepts.js';

const LOCATIVE =
  /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:city|town|village|region|province|state|capital)?\s*(?:of\s+)?$/i;

// "in", "near", "outside" before a bare name locate something whatever the name was typed as
// (a town the annotator took for a surname, a district it did not know); "at" also takes
// companies and events ("at Apple", "at the Oscars"), so it does not count here.
const PLACE_PREPOSITION = /\b(?:in|near|outside|inside)\s+(?:the\s+)?$/i;

interface LocatedPlace {
  mention: Mention;
  /** False when only the preposition says it is a place: such a name rivals only a typed place. */
  typed: boolean;
}

/** Places a clause locates its event in ("in Lyon", "near the town of Arras"). */
function locativePlaces(text: string, mentions: Mention[], start: number, end: number): LocatedPlace[] {
  const out: LocatedPlace[] = [];
  for (const m of mentions) {
    if (m.demonym || m.start < start || m.end > end) continue;
    const before = text.slice(Math.max(start, m.start - 40), m.start);
    if (m.type === 'place' && LOCATIVE.test(before)) out.push({ mention: m, typed: true });
    else if (
      (m.type === 'other' || (m.type === 'person' && m.role === null)) &&
      PLACE_PREPOSITION.test(before) &&
      !/^['’]s\b/.test(text.slice(m.end, m.end + 3))
    )
      out.push({ mention: m, typed: false });
  }
  return out;
}

const GOVERNED =
  /([\p{L}'’-]+)\s+(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:(?:city|town|village|region|province|state|capital)\s+)?(?:of\s+)?$/iu;

/** The concept of the word a locative phrase hangs on ("born" in "born in Kenya"), or null. */
function governorOf(text: string, place: Mention, start: number): string | null {
  const m = GOVERNED.exec(text.slice(Math.max(start, place.start - 60), place.start));
  return m ? (wordConcepts(m[1]!)[0] ?? null) : null;
}

/**
 * Place discrepancies: one aligned fact located in different places by different
 * articles, where neither article names the other's place anywhere in its clause.
 */
export function findPlaceDiscrepancies(ctx: StoryContext): Omit<Discrepancy, 'id'>[] {
  const out: Omit<Discrepancy, 'id'>[] = [];
  for (const { fact, units } of ctx.facts) {
    if (units.length < 2) continue;
    const byKey = new Map<string, { value: string; articleIds: string[]; quotes: string[] }>();
    const keysOf = new Map<string, Set<string>>();
    // Per article: the governing word of each locative phrase → the places it takes.
    const governed = new Map<string, Map<string, Set<string>>>();
    const typedKeys = new Set<string>();
    for (const unit of units) {
      const text = ctx.articles[unit.articleIndex]!.text;
      const mentions = ctx.annotations[unit.articleIndex]!.mentions;
      const allKeys = new Set(
        mentions.filter((m) => m.start >= unit.start && m.end <= unit.end).map((m) => m.key),
      );
      keysOf.set(unit.articleId, allKeys);
      const byGovernor = governed.get(unit.articleId) ?? new Map<string, Set<string>>();
      governed.set(unit.articleId, byGovernor);
      for (const { mention: place, typed } of locativePlaces(text, mentions, unit.start, unit.end)) {
        const g = governorOf(text, place, unit.start);
        if (g !== null) byGovernor.set(g, new Set([...(byGovernor.get(g) ?? []), place.key]));
        if (typed) typedKeys.add(place.key);
        const entry = byKey.get(place.key) ?? { value: place.name, articleIds: [], quotes: [] };
        entry.articleIds = unique([...entry.articleIds, unit.articleId]);
        entry.quotes = unique([...entry.quotes, unit.text]);
        byKey.set(place.key, entry);
      }
    }
    // Where one article says "born in X" and another "born in Y", the same word takes rival places,
    // whatever else each clause names.
    const governorRivals = (key: string, other: string): boolean =>
      byKey.get(key)!.articleIds.some((a) =>
        [...(governed.get(a) ?? [])].some(
          ([g, places]) =>
            places.has(key) &&
            !places.has(other) &&
            byKey.get(other)!.articleIds.some((b) => {
              const theirs = governed.get(b)?.get(g);
              return b !== a && theirs !== undefined && theirs.has(other) && !theirs.has(key);
            }),
        ),
      );
    const variants = [...byKey].filter(([key, v]) =>
      [...byKey].some(([other, w]) => {
        if (other === key) return false;
        const bothTyped = typedKeys.has(key) && typedKeys.has(other);
        // A name only placed by its preposition rivals a typed place, never another such name,
        // and only where the same word takes each of them.
        if (!bothTyped)
          return (
            (typedKeys.has(key) || typedKeys.has(other)) &&
            (governorRivals(key, other) || governorRivals(other, key))
          );
        // A place counts as a rival only where the other articles of the fact do not name it at all.
        return (
          (w.articleIds.every((a) => !keysOf.get(a)!.has(key)) &&
            v.articleIds.every((a) => !keysOf.get(a)!.has(other))) ||
          governorRivals(key, other) ||
          governorRivals(other, key)
        );
      }),
    );
    if (variants.length < 2) continue;
    out.push({ kind: 'place', subject: `place of: ${fact.text}`, variants: variants.map(([, v]) => v) });
  }
  return out;
}
