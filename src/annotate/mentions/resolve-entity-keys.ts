import type { Mention, MentionType } from '../../model/annotations.js';
import { entityKey } from './entity-key.js';
import { isFirstName, lexiconPlace } from './lexicon-tags.js';
import { PARTY_OF } from '../lexicon/institutions.js';
import { ORG_HEADS, TITLE_PHRASES } from './lookup-words.js';

/** Words of a person's name, without initials ("John F. Smith" → John, Smith). */
function nameWords(name: string): string[] {
  return name.split(/\s+/).filter((w) => w.length > 0 && !/^\p{L}\.?$/u.test(w));
}

interface NameParts {
  /** Number of words without initials. */
  count: number;
  /** Key of the last word. */
  surname: string;
}

/** Names recur in article after article; their parts are worked out once. */
const partsCache = new Map<string, NameParts>();
function partsOf(name: string): NameParts {
  let parts = partsCache.get(name);
  if (parts === undefined) {
    const words = nameWords(name);
    parts = { count: words.length, surname: entityKey(words[words.length - 1] ?? '') };
    if (partsCache.size >= 100_000) partsCache.clear();
    partsCache.set(name, parts);
  }
  return parts;
}

function surnameOf(name: string): string {
  return partsOf(name).surname;
}

function isFullPerson(m: Mention): boolean {
  return m.type === 'person' && partsOf(m.name).count >= 2;
}

/** A single-word mention that may be a surname or an acronym waiting for its full form. */
function isPartial(m: Mention): boolean {
  return m.demonym !== true && m.type !== 'place' && partsOf(m.name).count === 1;
}

const ACRONYM_SKIP = new Set(['of', 'the', 'for', 'and', '&', 'de', 'on']);

function acronymOf(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !ACRONYM_SKIP.has(w.toLowerCase()))
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

interface FullForms {
  bySurname: Map<string, Set<string>>;
  byAcronym: Map<string, Set<string>>;
  /** Teams and groups named after their home, by their plural nickname ("Colts" for "Indianapolis Colts"). */
  byLastWord: Map<string, Set<string>>;
  /** A full person key's name as first written. */
  names: Map<string, string>;
}

function collectFullForms(mentions: Iterable<Mention>): FullForms {
  const bySurname = new Map<string, Set<string>>();
  const byAcronym = new Map<string, Set<string>>();
  const byLastWord = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, k: string, v: string): void => {
    const set = map.get(k) ?? new Set<string>();
    set.add(v);
    map.set(k, set);
  };
  const names = new Map<string, string>();
  for (const m of mentions) {
    if (isFullPerson(m)) {
      add(bySurname, surnameOf(m.name), m.key);
      if (!names.has(m.key)) names.set(m.key, m.name);
    }
    if (m.type === 'organization' && partsOf(m.name).count >= 2) {
      add(byAcronym, acronymOf(m.name), m.key);
      const team = teamNickname(m.name);
      if (team) add(byLastWord, entityKey(team), m.key);
    }
  }
  return { bySurname, byAcronym, byLastWord, names };
}

/**
 * The plural last word of a name made of a known place and that word ("Colts" of "Indianapolis
 * Colts"): a team or group that news names by that word alone. Party words and generic
 * heads are no such word ("Senate Republicans", "Farrowdale Times").
 */
function teamNickname(name: string): string | undefined {
  if (name.charCodeAt(name.length - 1) !== 115) return undefined; // "s"
  const words = name.toLowerCase().split(/\s+/);
  const last = words.pop() ?? '';
  if (!/[a-z]s$/.test(last) || ORG_HEADS.has(last) || PARTY_OF.has(last)) return undefined;
  return lexiconPlace(words.join(' ')) ? last : undefined;
}

function only(set: Set<string> | undefined): string | undefined {
  if (set === undefined || set.size !== 1) return undefined;
  return set.values().next().value;
}

/**
 * Whether the name `longer` is `shorter` with given names or initials added ("William Mark
 * Dorn" for "Mark Dorn", "Ada F. Marsh" for "Ada Marsh"): the shorter name's words in
 * order, every other word a given name of the lexicon, an initial, or a capitalised middle
 * name between the shorter name's first and last words. Role words left in a name ("GM Theo
 * Dorn") do not count.
 */
export function isFullerName(longer: string, shorter: string): boolean {
  const long = longer.split(/\s+/).filter(Boolean);
  const short = shorter.toLowerCase().split(/\s+/).filter(Boolean);
  if (long.length <= short.length) return false;
  let j = 0;
  for (const word of long) {
    const lower = word.toLowerCase();
    if (j < short.length && lower === short[j]) j++;
    else if (isFirstName(lower.replace(/\.$/, '')) || /^\p{Lu}\.?$/u.test(word)) continue;
    else if (!isMiddleName(word, j, short.length)) return false;
  }
  return j === short.length;
}

/**
 * A capitalised word that stands between the given name and the surname the shorter name
 * has matched so far (a middle or maiden name: "Ada Quill Marsh" for "Ada Marsh"), and is
 * no title.
 */
function isMiddleName(word: string, matched: number, shortLength: number): boolean {
  return (
    matched > 0 &&
    matched < shortLength &&
    /^\p{Lu}[\p{Ll}'’-]+$/u.test(word) &&
    !TITLE_PHRASES.has(word.toLowerCase())
  );
}

/**
 * The one person the full names of a surname stand for: the only one, or the longest when
 * every other is a shorter form of it; none when they are different people ("John Smith",
 * "Jane Smith").
 */
function oneForm(set: Set<string> | undefined, names: Map<string, string>): string | undefined {
  if (set === undefined || set.size === 0) return undefined;
  if (set.size === 1) return only(set);
  const nameOf = (key: string): string => names.get(key) ?? key;
  let longest = '';
  let most = 0;
  for (const key of set) {
    const count = partsOf(nameOf(key)).count;
    if (count > most) [longest, most] = [key, count];
  }
  for (const key of set) if (key !== longest && !isFullerName(nameOf(longest), nameOf(key))) return undefined;
  return longest;
}

/** The full key a partial mention stands for, if exactly one full form fits it. */
function fullKeyFor(m: Mention, forms: FullForms): { key: string; type: MentionType } | undefined {
  if (!isPartial(m)) return undefined;
  const word = m.name.replace(/\./g, '');
  if (/^\p{Lu}{2,8}$/u.test(word)) {
    const key = only(forms.byAcronym.get(word));
    if (key) return { key, type: 'organization' };
  }
  if (m.type !== 'person') {
    const key = only(forms.byLastWord.get(entityKey(m.name)));
    if (key) return { key, type: 'organization' };
  }
  if (m.type === 'organization') return undefined;
  const key = oneForm(forms.bySurname.get(surnameOf(m.name)), forms.names);
  return key ? { key, type: 'person' } : undefined;
}

/** For a full name, the fuller form of it the text also gives ("Mark Felt" → "William Mark Felt"). */
function fullerKeyFor(m: Mention, forms: FullForms): string | undefined {
  if (!isFullPerson(m)) return undefined;
  const key = oneForm(forms.bySurname.get(surnameOf(m.name)), forms.names);
  return key !== undefined && key !== m.key ? key : undefined;
}

function applyForms(mentions: readonly Mention[], forms: FullForms): Mention[] {
  return mentions.map((m) => {
    const fuller = fullerKeyFor(m, forms);
    if (fuller) return { ...m, key: fuller };
    const full = fullKeyFor(m, forms);
    return full && full.key !== m.key ? { ...m, key: full.key, type: full.type } : m;
  });
}

/**
 * Joins surname-only and acronym mentions to the one full name in the same article
 * ("Smith" → "john-smith"). Used by findMentions; ambiguous surnames stay apart.
 */
export function joinMentionsInArticle(mentions: readonly Mention[]): Mention[] {
  return applyForms(mentions, collectFullForms(mentions));
}

/**
 * Makes keys agree across the articles of one story: each article is first joined
 * on its own (its own full name wins), then a surname left alone is joined to the
 * unique full name with that surname anywhere in the story. Every mention of one
 * key then takes the type most of them have, so a bare "Smith" typed `other` in
 * one report becomes a person when another report titles him.
 */
export function resolveEntityKeys(articlesMentions: readonly (readonly Mention[])[]): Mention[][] {
  if (!Array.isArray(articlesMentions)) {
    throw new TypeError('resolveEntityKeys(articlesMentions): pass one array of mentions per article');
  }
  return resolveJoinedEntityKeys(articlesMentions.map((mentions) => joinMentionsInArticle(mentions)));
}

/**
 * resolveEntityKeys for mentions already joined within their article, as findMentions
 * returns them: joining them again would change nothing.
 */
export function resolveJoinedEntityKeys(local: readonly (readonly Mention[])[]): Mention[][] {
  const story = collectFullForms(local.flat());
  const joined = local.map((mentions) => applyForms(mentions, story));
  const types = majorityTypes(joined.flat());
  return joined.map((mentions) =>
    mentions.map((m) => {
      const type = types.get(m.key);
      return type && type !== m.type && m.demonym !== true ? { ...m, type } : m;
    }),
  );
}

function majorityTypes(mentions: Mention[]): Map<string, MentionType> {
  const counts = new Map<string, Map<MentionType, number>>();
  for (const m of mentions) {
    if (m.type === 'other') continue;
    const c = counts.get(m.key) ?? new Map<MentionType, number>();
    c.set(m.type, (c.get(m.type) ?? 0) + 1);
    counts.set(m.key, c);
  }
  const result = new Map<string, MentionType>();
  for (const [key, c] of counts) {
    const best = [...c.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) result.set(key, best[0]);
  }
  return result;
}
