import type { Mention } from '../model/annotations.js';
import type { Discrepancy } from '../model/comparison.js';
import { unique, type StoryContext } from './story-context.js';
import { wordConcepts } from './to-concepts.js';

const LOCATIVE =
  /\b(?:in|at|near|outside|inside)\s+(?:the\s+)?(?:city|town|village|region|province|state|capital)?\s*(?:of\s+)?$/i;

/** Places a clause locates its event in ("in Lyon", "near the town of Arras"). */
function locativePlaces(text: string, mentions: Mention[], start: number, end: number): Mention[] {
  return mentions.filter(
    (m) =>
      m.type === 'place' &&
      !m.demonym &&
      m.start >= start &&
      m.end <= end &&
      LOCATIVE.test(text.slice(Math.max(start, m.start - 40), m.start)),
  );
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
    for (const unit of units) {
      const text = ctx.articles[unit.articleIndex]!.text;
      const mentions = ctx.annotations[unit.articleIndex]!.mentions;
      const allKeys = new Set(
        mentions.filter((m) => m.start >= unit.start && m.end <= unit.end).map((m) => m.key),
      );
      keysOf.set(unit.articleId, allKeys);
      const byGovernor = governed.get(unit.articleId) ?? new Map<string, Set<string>>();
      governed.set(unit.articleId, byGovernor);
      for (const place of locativePlaces(text, mentions, unit.start, unit.end)) {
        const g = governorOf(text, place, unit.start);
        if (g !== null) byGovernor.set(g, new Set([...(byGovernor.get(g) ?? []), place.key]));
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
      // A place counts as a rival only where the other articles of the fact do not name it at all.
      [...byKey].some(
        ([other, w]) =>
          other !== key &&
          ((w.articleIds.every((a) => !keysOf.get(a)!.has(key)) &&
            v.articleIds.every((a) => !keysOf.get(a)!.has(other))) ||
            governorRivals(key, other) ||
            governorRivals(other, key)),
      ),
    );
    if (variants.length < 2) continue;
    out.push({ kind: 'place', subject: `place of: ${fact.text}`, variants: variants.map(([, v]) => v) });
  }
  return out;
}
