import { ACTOR_NOUNS } from '../annotate/lexicon/demonyms.js';
import { SPEAKER_NOUNS } from '../annotate/lexicon/speaker-nouns.js';
import { TITLES } from '../annotate/lexicon/titles.js';

/** Head nouns of a source that can speak: speaker nouns, the words of titles, actor nouns. */
const SPEAKER_HEADS: ReadonlySet<string> = new Set(
  [...SPEAKER_NOUNS, ...TITLES, ...ACTOR_NOUNS].flatMap((phrase) => phrase.split(' ')),
);
const PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'who']);
/** Capitalised words that do not make a name: determiners and pronouns opening a sentence. */
const NOT_NAMES: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'some',
  'many',
  'several',
  'other',
  'both',
  'all',
  ...PRONOUNS,
]);

/** Words standing for people already named or counted ("he", "some", "others"). */
const PRONOUN_SOURCES: ReadonlySet<string> = new Set([
  ...PRONOUNS,
  'some',
  'many',
  'most',
  'others',
  'several',
  'few',
  'both',
  'all',
  'someone',
  'somebody',
]);
/** Function words of titles and phrases that say nothing about who speaks. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and', 'a', 'an', 'in', 'on', 'at']);

/** The words of a noun phrase before any apposition or relative clause, lower case, without "'s" or "ex-". */
function coreWords(source: string): string[] {
  const core = source.split(/\s*[,(—–]\s*|\s+(?:who|which|that|whose)\s+/i)[0] ?? '';
  return (core.match(/\p{L}[\p{L}'’-]*/gu) ?? []).map((w) =>
    w
      .toLowerCase()
      .replace(/['’]s?$/, '')
      .replace(/^ex-/, ''),
  );
}

/** The singular forms a plural may have ("officials", "witnesses", "authorities"). */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

/**
 * Whether an attribution's source can be the speaker of a claim: it resolved to an entity, it is
 * a name (a capitalised word other than a determiner), a pronoun or quantifier standing alone
 * ("she", "some"), or a noun phrase with a noun for people, bodies or documents in it ("the
 * company", "people briefed on the matter", "the original draft of the memo"). Sources such as
 * "the bridge", "the maintenance budget" or a stray "that" come from extraction errors (a cue
 * read where a sentence only says that a thing did something) and make no claim.
 */
export function isPlausibleSpeaker(source: string, sourceKey: string | null): boolean {
  if (sourceKey !== null) return true;
  const all = source.match(/\p{L}[\p{L}'’.-]*/gu) ?? [];
  if (all.some((w) => /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()))) return true;
  const words = coreWords(source);
  if (words.length === 1 && PRONOUN_SOURCES.has(words[0]!)) return true;
  return words.some((w) => !FUNCTION_WORDS.has(w) && singulars(w).some((s) => SPEAKER_HEADS.has(s)));
}
