import { isContentWord } from '../similarity/stopwords.js';
import { wordsInto } from '../similarity/tokenize.js';
import { countTermsListed, type CountedTerms } from '../similarity/corpus-stats.js';
import { joinedTermHashesInto, termHashesInto } from '../similarity/term-dictionary.js';

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
// (The word boundary is tested before the look-behind: the same matches, and most places
// fail it at once.)
const NAME = /\b(?<![.!?:"“]\s*|^\s*)\p{Lu}[\p{L}'’-]+/gmu;

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

/** True when a word holds an ASCII digit (what `DIGIT` tests). */
function holdsDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** Code unit of the `_` that joins a word pair (`storyFeatures`' bigrams). */
const PAIR_JOINER = 95;

/**
 * `countedFeatures(storyFeatures(article, null, options, tokens))` in one pass over the
 * terms, without building the term list: terms are counted in a table keyed by their
 * dictionary hashes (`termHashesInto`; a word pair's hashed without joining it, its text
 * made only when it is new to the article), a hash match confirmed on the text, so the
 * same distinct terms in the same order, counts, hashes and kinds. For a featurizing
 * thread (`npm run bench -- stories`).
 */
export function countedStoryFeatures(
  article: { id: string; title: string | null; text: string; published: string | null },
  tokens: readonly string[] | null = null,
  options: FeatureOptions = DEFAULT_FEATURE_OPTIONS,
): CountedFeatures {
  const body: string[] = [];
  for (const token of tokens ?? wordsInto(article.text, [])) if (isContentWord(token)) body.push(token);
  const title = article.title ? wordsInto(article.title, []).filter(isContentWord) : [];
  const names = nameWords(`${article.title ?? ''}\n${article.text}`);
  const digits = new Uint8Array(body.length);
  for (let i = 0; i < body.length; i++) {
    if (!holdsDigit(body[i] as string)) continue;
    digits[i] = 1;
    if (options.numbersAsNames) names.add(body[i] as string);
  }
  const pairs = options.bigrams ? Math.max(0, body.length - 1) : 0;
  const terms = new TermTally(body.length + title.length + pairs);
  for (const word of body) terms.addWord(word);
  for (let i = 0; i < options.titleWeight; i++) for (const word of title) terms.addWord(word);
  for (let i = 0; i < pairs; i++)
    terms.addPair(
      body[i] as string,
      body[i + 1] as string,
      (digits[i] as number) | (digits[i + 1] as number),
    );
  const time = article.published ? Date.parse(article.published) : NaN;
  return {
    id: article.id,
    time: Number.isFinite(time) ? time : null,
    terms: terms.counted(),
    kinds: terms.kinds(names),
  };
}

/**
 * An article's distinct terms in first-come order with their counts and dictionary hashes:
 * an open-addressing table of typed arrays keyed by the hashes, sized once for at most
 * `capacity` distinct terms.
 */
class TermTally {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly hashes: Int32Array;
  private readonly counts: Uint32Array;
  /** 1 for a word pair (never a name) that holds a digit, 2 for one that does not, 0 for a word. */
  private readonly pairKinds: Uint8Array;
  private readonly list: string[] = [];
  private readonly scratch = new Int32Array(2);

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    this.hashes = new Int32Array(2 * capacity);
    this.counts = new Uint32Array(capacity);
    this.pairKinds = new Uint8Array(capacity);
  }

  addWord(word: string): void {
    termHashesInto(word, this.scratch, 0);
    this.count(word, null, 0);
  }

  addPair(left: string, right: string, digit: number): void {
    joinedTermHashesInto(left, PAIR_JOINER, right, this.scratch, 0);
    this.count(left, right, digit ? 1 : 2);
  }

  /** Counts the term whose hashes are in `scratch` (`left`, or `left_right` for a pair). */
  private count(left: string, right: string | null, pairKind: number): void {
    const h1 = this.scratch[0] as number;
    const h2 = this.scratch[1] as number;
    let slot = h1 & this.mask;
    for (;;) {
      const k = this.slots[slot] as number;
      if (k < 0) break;
      if (this.hashes[2 * k] === h1 && this.hashes[2 * k + 1] === h2) {
        const term = this.list[k] as string;
        if (right === null ? term === left : term === `${left}_${right}`) {
          this.counts[k] = (this.counts[k] as number) + 1;
          return;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    const k = this.list.length;
    this.slots[slot] = k;
    this.list.push(right === null ? left : `${left}_${right}`);
    this.hashes[2 * k] = h1;
    this.hashes[2 * k + 1] = h2;
    this.counts[k] = 1;
    this.pairKinds[k] = pairKind;
  }

  /** The distinct terms as `countTerms` gives them. */
  counted(): CountedTerms {
    const size = this.list.length;
    const ends = new Uint32Array(size);
    let at = 0;
    for (let k = 0; k < size; k++) {
      at += (this.list[k] as string).length;
      ends[k] = at;
      at++;
    }
    return {
      text: this.list.join(' '),
      ends,
      hashes: this.hashes.slice(0, 2 * size),
      counts: this.counts.slice(0, size),
    };
  }

  /** `CountedFeatures.kinds` of the distinct terms: a word is a name when in `names`. */
  kinds(names: ReadonlySet<string>): Uint8Array {
    const kinds = new Uint8Array(this.list.length);
    for (let k = 0; k < kinds.length; k++) {
      const pair = this.pairKinds[k] as number;
      const term = this.list[k] as string;
      kinds[k] =
        pair === 0
          ? (names.has(term) ? NAME_KIND : 0) | (holdsDigit(term) ? DIGIT_KIND : 0)
          : pair === 1
            ? DIGIT_KIND
            : 0;
    }
    return kinds;
  }
}
