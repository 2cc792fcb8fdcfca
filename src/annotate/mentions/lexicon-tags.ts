import nlp from 'compromise';

/**
 * Word tags from compromise's built-in lexicon (first names, countries, cities,
 * organisations, common words). Looking words up is a map access; running
 * compromise's full tagger over every sentence would cost milliseconds per article.
 */
interface CompromiseModel {
  one: { lexicon: Record<string, string | string[] | undefined> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

const model = (nlp as unknown as { model: () => CompromiseModel }).model();
const lexicon = model.one.lexicon;
const orgWords = new Set(Object.keys(model.two.orgWords));
const placeWords = new Set(Object.keys(model.two.placeWords));

const EMPTY: readonly string[] = [];

/** Lexicon tags of a lower-case word, or an empty list. */
export function lexiconTags(lower: string): readonly string[] {
  const tags = Object.hasOwn(lexicon, lower) ? lexicon[lower] : undefined;
  if (tags === undefined) return EMPTY;
  return typeof tags === 'string' ? [tags] : tags;
}

export function isOrgWord(lower: string): boolean {
  return orgWords.has(lower);
}

export function isPlaceWord(lower: string): boolean {
  return placeWords.has(lower);
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

/** True for words the lexicon knows only as ordinary vocabulary ("the", "however", "full"). */
export function isCommonWord(lower: string): boolean {
  const tags = lexiconTags(lower);
  if (tags.length === 0) return false;
  return tags.some((t) => COMMON_TAGS.has(t)) && !tags.some((t) => NAME_TAGS.has(t));
}

export function isFirstName(lower: string): boolean {
  return lexiconTags(lower).some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName');
}

export function isLastName(lower: string): boolean {
  return lexiconTags(lower).some((t) => t === 'LastName' || t === 'Person');
}

export function lexiconPlace(lower: string): boolean {
  return lexiconTags(lower).some((t) => t === 'Country' || t === 'City' || t === 'Region' || t === 'Place');
}

export function lexiconOrganization(lower: string): boolean {
  return lexiconTags(lower).some((t) => t === 'Organization' || t === 'SportsTeam');
}

export function isCalendarWord(lower: string): boolean {
  return lexiconTags(lower).some((t) => t === 'Month' || t === 'WeekDay');
}

/** Like isCommonWord, also for inflected forms the lexicon lacks ("dismisses", "claimed"). */
export function isCommonWordForm(lower: string): boolean {
  if (isCommonWord(lower)) return true;
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
  return stems.some((s) => s !== lower && s.length > 2 && isCommonWord(s));
}
