import { isContentWord } from '../similarity/stopwords.js';
import { wordsInto } from '../similarity/tokenize.js';
import { countTermsListed, type CountedTerms } from '../similarity/corpus-stats.js';

/** What story clustering reads of an article: cheap to compute, no annotation needed. */
export interface StoryFeatures {
  id: string;
  /** Milliseconds since the epoch, or null when the date is unknown. */
  time: number | null;
  /** Content words of title and body (the title counted `titleWeight` times). */
  terms: string[];
  /** Words written capitalised inside a sentence: a cheap stand-in for names. */
  names: Set<string>;
  /** Canonical entity keys from annotations, when the caller has them. */
  entities: Set<string> | null;
}

export interface FeatureOptions {
  /** How many times title words count. */
  titleWeight: number;
  /** Count numbers (years, tallies, scores) with names: they tell apart similar events. */
  numbersAsNames: boolean;
  /** Add pairs of adjacent content words as terms. */
  bigrams: boolean;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  titleWeight: 2,
  numbersAsNames: true,
  bigrams: true,
};

// A capitalised word that does not open a sentence or a line.
const NAME = /(?<![.!?:"“]\s*|^\s*)\b\p{Lu}[\p{L}'’-]+/gmu;

/** Lower-cased, accent-free words written with a capital inside sentences. */
export function nameWords(text: string): Set<string> {
  const names = new Set<string>();
  const words: string[] = [];
  for (const match of text.matchAll(NAME)) {
    words.length = 0;
    for (const word of wordsInto(text, words, match.index, match.index + match[0].length))
      if (isContentWord(word)) names.add(word);
  }
  return names;
}

/**
 * Story features of an article; `entities` are entity keys from annotations when
 * available; `tokens` are the text's tokens (`tokenize(article.text)`, which a
 * fingerprint already holds) when the caller has them, so the text is not normalised twice.
 */
export function storyFeatures(
  article: { id: string; title: string | null; text: string; published: string | null },
  entities: Iterable<string> | null = null,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
  tokens: readonly string[] | null = null,
): StoryFeatures {
  const words = (text: string): string[] => wordsInto(text, []).filter(isContentWord);
  const title = article.title ? words(article.title) : [];
  const body = tokens ? tokens.filter(isContentWord) : words(article.text);
  const terms = [...body];
  for (let i = 0; i < options.titleWeight; i++) terms.push(...title);
  if (options.bigrams) for (let i = 1; i < body.length; i++) terms.push(`${body[i - 1]}_${body[i]}`);
  const names = nameWords(`${article.title ?? ''}\n${article.text}`);
  if (options.numbersAsNames) for (const term of body) if (/\d/.test(term)) names.add(term);
  const time = article.published ? Date.parse(article.published) : NaN;
  return {
    id: article.id,
    time: Number.isFinite(time) ? time : null,
    terms,
    names,
    entities: entities ? new Set(entities) : null,
  };
}

const DIGIT = /\d/;

/** `CountedFeatures.kinds` bit: the term is written as a name. */
export const NAME_KIND = 1;
/** `CountedFeatures.kinds` bit: the term holds a digit. */
export const DIGIT_KIND = 2;

/**
 * Story features with the terms counted and hashed (`countTerms`) and, for each distinct
 * term, whether it is a name or holds a digit (what the clusterer weighs it by): all a
 * featurizing thread needs to hand to the clustering thread, in typed arrays and one string,
 * so that the clustering thread does no string work but for terms it has never seen.
 */
export interface CountedFeatures {
  id: string;
  time: number | null;
  terms: CountedTerms;
  /** Per distinct term (in `terms` order): `NAME_KIND` and `DIGIT_KIND` bits. */
  kinds: Uint8Array;
}

/** The counted form of story features (entity keys are not carried: online streams have none). */
export function countedFeatures(features: StoryFeatures): CountedFeatures {
  const { counted, list } = countTermsListed(features.terms);
  const kinds = new Uint8Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const term = list[k] as string;
    kinds[k] = (features.names.has(term) ? NAME_KIND : 0) | (DIGIT.test(term) ? DIGIT_KIND : 0);
  }
  return { id: features.id, time: features.time, terms: counted, kinds };
}
