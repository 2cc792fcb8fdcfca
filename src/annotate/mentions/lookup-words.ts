import { ACTOR_NOUNS, COUNTRIES, type PlaceEntry } from '../lexicon/demonyms.js';
import { ROLE_DOMAINS, ROLE_MODIFIERS, TITLES } from '../lexicon/titles.js';
import { foldAccents, keyFor } from './entity-key.js';

/** Word lists turned into lookup sets once, at module load. */

// Folding accents is slow (Unicode normalisation), so only non-ASCII text pays for it.
const phrase = (words: readonly string[]): string => {
  const joined = words.join(' ');
  return (/[^ -~]/.test(joined) ? foldAccents(joined) : joined.toLowerCase()).replace(/\./g, '');
};

export const TITLE_PHRASES: ReadonlySet<string> = new Set(TITLES);
/** Every single word that occurs in a title ("chief", "staff" from "chief of staff"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(TITLES.flatMap((t) => t.split(' ')));
export const MODIFIER_WORDS: ReadonlySet<string> = new Set(ROLE_MODIFIERS);
export const DOMAIN_WORDS: ReadonlySet<string> = new Set(ROLE_DOMAINS.flatMap((d) => d.split(' ')));
/** Modifiers that make a role on their own, without a title ("the late …", "acting …"). */
export const STANDALONE_MODIFIERS: ReadonlySet<string> = new Set([
  'former',
  'late',
  'acting',
  'deputy',
  'ex',
]);
export const ACTOR_NOUN_SET: ReadonlySet<string> = new Set(ACTOR_NOUNS);

export interface PlaceMatch {
  entry: PlaceEntry;
  key: string;
  demonym: boolean;
}

const placeIndex = new Map<string, PlaceMatch>();
for (const entry of COUNTRIES) {
  const key = keyFor(entry.name, 'place');
  for (const name of [entry.name, ...entry.aliases]) {
    placeIndex.set(phrase(name.split(' ')).replace(/^the /, ''), { entry, key, demonym: false });
  }
}
for (const entry of COUNTRIES) {
  const key = keyFor(entry.name, 'place');
  for (const demonym of entry.demonyms) {
    const k = phrase(demonym.split(' '));
    // A name that is both a country and a demonym ("Saudi") stays a country.
    if (!placeIndex.has(k)) placeIndex.set(k, { entry, key, demonym: true });
  }
}

/** Finds a country or demonym by its words ("north korean", "u.s."). */
export function lookupPlace(words: readonly string[]): PlaceMatch | undefined {
  const key = words.length === 1 ? words[0]! : words.join(' ');
  let found = placeCache.get(key);
  if (found === undefined) {
    found = placeIndex.get(phrase(words).replace(/^the /, '')) ?? null;
    if (placeCache.size >= 100_000) placeCache.clear();
    placeCache.set(key, found);
  }
  return found ?? undefined;
}

/** Answers by the words as given: most lookups repeat a word seen before, and folding it costs more. */
const placeCache = new Map<string, PlaceMatch | null>();

/** Longest number of words in any place name, to bound phrase lookups. */
export const MAX_PLACE_WORDS = Math.max(
  ...COUNTRIES.flatMap((e) => [e.name, ...e.aliases, ...e.demonyms].map((n) => n.split(' ').length)),
);

/** Last (or first) words that make a name an organisation ("X Ministry", "X Times"). */
export const ORG_HEADS: ReadonlySet<string> = new Set([
  'ministry',
  'army',
  'forces',
  'party',
  'council',
  'staff',
  'agency',
  'police',
  'news',
  'times',
  'post',
  'committee',
  'court',
  'government',
  'parliament',
  'assembly',
  'guard',
  'command',
  'service',
  'services',
  'office',
  'navy',
  'group',
  'institute',
  'federation',
  'alliance',
  'front',
  'brigade',
  'battalion',
  'regiment',
  'corps',
  'fleet',
  'press',
  'tribune',
  'journal',
  'herald',
  'telegraph',
  'guardian',
  'network',
  'broadcasting',
  'media',
  'fund',
  'bank',
  'nations',
  'union',
  'organization',
  'organisation',
  'senate',
  'congress',
  'house',
]);
