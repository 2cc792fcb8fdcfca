import { COUNTRIES } from '../annotate/lexicon/demonyms.js';
import { keyFor } from '../annotate/mentions/entity-key.js';
import type { Mention } from '../model/annotations.js';
import { WORLD_CAPITALS } from './world-capitals.js';
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
  /** True for "near X", "outside X": an approximate place, set only against another such one. */
  approximate: boolean;
}

const APPROXIMATE =
  /\b(?:near|outside)\s+(?:the\s+)?(?:(?:city|town|village|region|province|state|capital)\s+)?(?:of\s+)?$/i;

/** Places a clause locates its event in ("in Lyon", "near the town of Arras"). */
function locativePlaces(text: string, mentions: Mention[], start: number, end: number): LocatedPlace[] {
  const out: LocatedPlace[] = [];
  for (const m of mentions) {
    if (m.demonym || m.start < start || m.end > end) continue;
    const before = text.slice(Math.max(start, m.start - 40), m.start);
    const approximate = APPROXIMATE.test(before);
    if (m.type === 'place' && LOCATIVE.test(before)) out.push({ mention: m, typed: true, approximate });
    else if (
      (m.type === 'other' || (m.type === 'person' && m.role === null)) &&
      PLACE_PREPOSITION.test(before) &&
      !/^['’]s\b/.test(text.slice(m.end, m.end + 3))
    )
      out.push({ mention: m, typed: false, approximate });
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

// Between a place and the larger one it lies in: "Banstead, Surrey", "Banstead in Surrey", "Lyon, in France".
const INSIDE =
  /^\s*(?:,\s*(?:in\s+)?|\s+in\s+)(?:the\s+)?(?:(?:county|region|province|state|district)\s+of\s+)?$/i;

/**
 * Which places the story's own text puts inside which: pairs "inner>outer" of entity keys, from
 * a name followed by a comma or "in" and another name ("a supermarket in Banstead in Surrey").
 * No gazetteer: only what some article says.
 */
export function containedPlaces(ctx: Pick<StoryContext, 'articles' | 'annotations'>): Set<string> {
  const out = new Set<string>();
  ctx.annotations.forEach((ann, i) => {
    const text = ctx.articles[i]!.text;
    const mentions = [...ann.mentions].filter((m) => !m.demonym).sort((a, b) => a.start - b.start);
    for (let k = 0; k + 1 < mentions.length; k++) {
      const inner = mentions[k]!;
      const outer = mentions[k + 1]!;
      if (outer.type !== 'place' || inner.key === outer.key) continue;
      if (outer.start - inner.end > 30 || !INSIDE.test(text.slice(inner.end, outer.start))) continue;
      out.add(`${inner.key}>${outer.key}`);
    }
  });
  return out;
}

/** The lower-case words of a name. */
const nameWords = (name: string): string[] => name.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];

/**
 * Whether one place's name opens with the other's whole name: a venue named after its place
 * ("X Municipal Stadium", "X Airport", "X County Jail") lies inside that place. Only leading whole
 * words: "Port" is not inside "Portland", and "York" is not inside "New York".
 */
export function namedAfter(a: string, b: string): boolean {
  const wordsA = nameWords(a);
  const wordsB = nameWords(b);
  const [short, long] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  if (short.length === 0 || short.length === long.length) return false;
  return long.slice(0, short.length).join(' ') === short.join(' ');
}

const COUNTRY_KEYS = new Set(COUNTRIES.map((c) => keyFor(c.name, 'place')));
const CAPITAL_OF = new Map(
  Object.entries(WORLD_CAPITALS).map(([city, country]) => [keyFor(city, 'place'), keyFor(country, 'place')]),
);

/**
 * Whether a place lies in a country by general knowledge: a capital in its country ("a bank in
 * the capital" named by its city and "a bank in the country" tell one event). `country` and
 * `place` are entity keys. Other cities need the story's own words ("Lyon, France").
 */
export function capitalOf(country: string, place: string): boolean {
  return COUNTRY_KEYS.has(country) && CAPITAL_OF.get(place) === country;
}

/**
 * Place keys with the places they lie in: by the story's own words (`inside`, from
 * `containedPlaces`) and a capital's country. "Springfield" with "Springfield, Ill." in the story
 * gives both.
 */
export function withContainingPlaces(keys: Iterable<string>, inside: ReadonlySet<string>): Set<string> {
  const out = new Set(keys);
  for (const key of [...out]) {
    const country = CAPITAL_OF.get(key);
    if (country !== undefined) out.add(country);
  }
  for (const pair of inside) {
    const [inner, outer] = pair.split('>') as [string, string];
    if (out.has(inner)) out.add(outer);
  }
  return out;
}

/**
 * Place discrepancies: one aligned fact located in different places by different
 * articles, where neither article names the other's place anywhere in its clause, neither
 * place lies inside the other by the story's own words ("Banstead, Surrey") or by its name
 * ("Jacksonville Municipal Stadium" / "Jacksonville"), a capital is not set against its country,
 * and no article stands on two sides. `inside`: the story's place pairs (`containedPlaces`).
 */
export function findPlaceDiscrepancies(
  ctx: StoryContext,
  inside: ReadonlySet<string>,
): Omit<Discrepancy, 'id'>[] {
  const out: Omit<Discrepancy, 'id'>[] = [];
  const nested = (a: string, b: string): boolean => inside.has(`${a}>${b}`) || inside.has(`${b}>${a}`);
  for (const { fact, units } of ctx.facts) {
    if (units.length < 2) continue;
    const byKey = new Map<string, { value: string; articleIds: string[]; quotes: string[] }>();
    const quotesOf = new Map<string, [string, string][]>();
    const keysOf = new Map<string, Set<string>>();
    // Per article: the governing word of each locative phrase → the places it takes.
    const governed = new Map<string, Map<string, Set<string>>>();
    const typedKeys = new Set<string>();
    // Per place: whether it was given as "near/outside" (true) or "in/at" (false), or both.
    const kindsOf = new Map<string, Set<boolean>>();
    for (const unit of units) {
      const text = ctx.articles[unit.articleIndex]!.text;
      const mentions = ctx.annotations[unit.articleIndex]!.mentions;
      const allKeys = new Set(
        mentions.filter((m) => m.start >= unit.start && m.end <= unit.end).map((m) => m.key),
      );
      keysOf.set(unit.articleId, allKeys);
      const byGovernor = governed.get(unit.articleId) ?? new Map<string, Set<string>>();
      governed.set(unit.articleId, byGovernor);
      for (const { mention: place, typed, approximate } of locativePlaces(
        text,
        mentions,
        unit.start,
        unit.end,
      )) {
        kindsOf.set(place.key, new Set([...(kindsOf.get(place.key) ?? []), approximate]));
        const g = governorOf(text, place, unit.start);
        if (g !== null) byGovernor.set(g, new Set([...(byGovernor.get(g) ?? []), place.key]));
        if (typed) typedKeys.add(place.key);
        const entry = byKey.get(place.key) ?? { value: place.name, articleIds: [], quotes: [] };
        entry.articleIds = unique([...entry.articleIds, unit.articleId]);
        entry.quotes = unique([...entry.quotes, unit.text]);
        quotesOf.set(place.key, [...(quotesOf.get(place.key) ?? []), [unit.articleId, unit.text]]);
        byKey.set(place.key, entry);
      }
    }
    // Where one article says "born in X" and another "born in Y", the same word takes rival places,
    // whatever else each clause names: the pairs of articles [a, b] that do so.
    const governorRivals = (key: string, other: string): [string, string][] =>
      byKey.get(key)!.articleIds.flatMap((a) =>
        [...(governed.get(a) ?? [])]
          .filter(([, places]) => places.has(key) && !places.has(other))
          .flatMap(([g]) =>
            byKey
              .get(other)!
              .articleIds.filter((b) => {
                const theirs = governed.get(b)?.get(g);
                return b !== a && theirs !== undefined && theirs.has(other) && !theirs.has(key);
              })
              .map((b): [string, string] => [a, b]),
          ),
      );
    // Each place's side: the articles that set it against a rival place.
    const sideOf = new Map<string, Set<string>>();
    const join = (key: string, ids: string[]): void => {
      sideOf.set(key, new Set([...(sideOf.get(key) ?? []), ...ids]));
    };
    const places = [...byKey];
    for (const [key, v] of places)
      for (const [other, w] of places) {
        if (other <= key || nested(key, other) || namedAfter(v.value, w.value)) continue;
        if (capitalOf(key, other) || capitalOf(other, key)) continue;
        // "near X" and "in Y" may both hold: an approximate place rivals only another approximate one.
        if (![...kindsOf.get(key)!].some((k) => kindsOf.get(other)!.has(k))) continue;
        const eitherTyped = typedKeys.has(key) || typedKeys.has(other);
        const byGovernor = !eitherTyped
          ? []
          : [...governorRivals(key, other), ...governorRivals(other, key).map(([b, a]) => [a, b])];
        for (const [a, b] of byGovernor) {
          // Each article names both places in its clause ("from a prison in X to one in Y" / "to a
          // prison in Y from X"): the same two places, told in another order.
          if (keysOf.get(a!)!.has(other) && keysOf.get(b!)!.has(key)) continue;
          join(key, [a!]);
          join(other, [b!]);
        }
        // A name only placed by its preposition rivals a typed place, never another such name,
        // and only where the same word takes each of them (above).
        if (!(typedKeys.has(key) && typedKeys.has(other))) continue;
        // Two typed places are rivals where the other articles of the fact do not name them at all.
        if (
          w.articleIds.every((a) => !keysOf.get(a)!.has(key)) &&
          v.articleIds.every((a) => !keysOf.get(a)!.has(other))
        ) {
          join(key, v.articleIds);
          join(other, w.articleIds);
        }
      }
    // No article on two sides: one that stands on two keeps none of them here.
    const sides = new Map<string, number>();
    for (const ids of sideOf.values()) for (const a of ids) sides.set(a, (sides.get(a) ?? 0) + 1);
    const kept = [...sideOf]
      .map(([key, ids]) => {
        const keep = (a: string): boolean => ids.has(a) && sides.get(a) === 1;
        const quotes = unique((quotesOf.get(key) ?? []).filter(([a]) => keep(a)).map(([, q]) => q));
        return { value: byKey.get(key)!.value, articleIds: byKey.get(key)!.articleIds.filter(keep), quotes };
      })
      .filter((v) => v.articleIds.length > 0);
    if (kept.length < 2) continue;
    out.push({ kind: 'place', subject: `place of: ${fact.text}`, variants: kept });
  }
  return out;
}
