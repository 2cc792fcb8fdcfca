import { expandLexicon, type LexiconTables } from './compact-lexicon.js';
import { lexiconData } from './lexicon-data.js';

/**
 * Word tags from compromise's built-in lexicon (first names, countries, cities,
 * organisations, common words). Looking words up is a map access; running
 * compromise's full tagger over every sentence would cost milliseconds per article.
 * The tables are built on first use (see compact-lexicon.ts for where they come from).
 */
let tables: LexiconTables | null = null;
function lexicon(): LexiconTables {
  tables ??= expandLexicon(lexiconData());
  return tables;
}

const EMPTY: readonly string[] = [];

/** Lexicon tags of a lower-case word, or an empty list. */
export function lexiconTags(lower: string): readonly string[] {
  const { tags } = lexicon();
  return Object.hasOwn(tags, lower) ? tags[lower]! : EMPTY;
}

export function isOrgWord(lower: string): boolean {
  return lexicon().orgWords.has(lower);
}

export function isPlaceWord(lower: string): boolean {
  return lexicon().placeWords.has(lower);
}

const COMMON_TAGS = new Set([
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Adjective',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Participle',
  'PhrasalVerb',
  'Copula',
  'Modal',
  'Plural',
  'Singular',
  'Uncountable',
  'QuestionWord',
  'Expression',
  'Negative',
  'Comparative',
  'Superlative',
  'Cardinal',
  'TextValue',
  'Ordinal',
  'Month',
  'WeekDay',
  'Duration',
  'Date',
  'Reflexive',
  'Possessive',
  'Condition',
  'Verb',
  'Noun',
  'Unit',
  'Fraction',
  'Multiple',
]);

const NAME_TAGS = new Set([
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Person',
  'Country',
  'City',
  'Region',
  'Place',
  'Organization',
  'ProperNoun',
  'Demonym',
  'SportsTeam',
]);

const COMMON = 1;
const FIRST_NAME = 2;
const LAST_NAME = 4;
const PLACE = 8;
const ORGANIZATION = 16;
const CALENDAR = 32;
const COMMON_FORM = 64;

function tagFlags(lower: string): number {
  const tags = lexiconTags(lower);
  let flags = 0;
  if (tags.some((t) => COMMON_TAGS.has(t)) && !tags.some((t) => NAME_TAGS.has(t))) flags |= COMMON;
  if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) flags |= FIRST_NAME;
  if (tags.some((t) => t === 'LastName' || t === 'Person')) flags |= LAST_NAME;
  if (tags.some((t) => t === 'Country' || t === 'City' || t === 'Region' || t === 'Place')) flags |= PLACE;
  if (tags.some((t) => t === 'Organization' || t === 'SportsTeam')) flags |= ORGANIZATION;
  if (tags.some((t) => t === 'Month' || t === 'WeekDay')) flags |= CALENDAR;
  return flags;
}

/**
 * What the lexicon says about a word, worked out once per word: the lexicon is one large
 * object, and looking up a fresh string in it costs far more than a Map lookup.
 */
const flagCache = new Map<string, number>();
function flagsOf(lower: string): number {
  let flags = flagCache.get(lower);
  if (flags === undefined) {
    flags = tagFlags(lower);
    if (flags & COMMON || commonStem(lower)) flags |= COMMON_FORM;
    // Bounded for long-running processes: the vocabulary of news fits many times over.
    if (flagCache.size >= 200_000) flagCache.clear();
    flagCache.set(lower, flags);
  }
  return flags;
}

/** True for words the lexicon knows only as ordinary vocabulary ("the", "however", "full"). */
export function isCommonWord(lower: string): boolean {
  return (flagsOf(lower) & COMMON) !== 0;
}

export function isFirstName(lower: string): boolean {
  return (flagsOf(lower) & FIRST_NAME) !== 0;
}

export function isLastName(lower: string): boolean {
  return (flagsOf(lower) & LAST_NAME) !== 0;
}

export function lexiconPlace(lower: string): boolean {
  return (flagsOf(lower) & PLACE) !== 0;
}

export function lexiconOrganization(lower: string): boolean {
  return (flagsOf(lower) & ORGANIZATION) !== 0;
}

export function isCalendarWord(lower: string): boolean {
  return (flagsOf(lower) & CALENDAR) !== 0;
}

/** Like isCommonWord, also for inflected forms the lexicon lacks ("dismisses", "claimed"). */
export function isCommonWordForm(lower: string): boolean {
  return (flagsOf(lower) & COMMON_FORM) !== 0;
}

/** An inflected form of a common word: a stem without -s, -es, -ed, -ing, … is common. */
function commonStem(lower: string): boolean {
  const stems = [
    lower.replace(/ies$/, 'y'),
    lower.replace(/es$/, ''),
    lower.replace(/s$/, ''),
    lower.replace(/ed$/, ''),
    lower.replace(/d$/, ''),
    lower.replace(/ing$/, ''),
    lower.replace(/ing$/, 'e'),
    lower.replace(/ied$/, 'y'),
  ];
  return stems.some((s) => s !== lower && s.length > 2 && (tagFlags(s) & COMMON) !== 0);
}
