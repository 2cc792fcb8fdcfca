import type { Span } from '../../model/annotations.js';
import { lexiconTags } from '../mentions/lexicon-tags.js';
import { hasNewline, type Token } from '../mentions/tokenize-words.js';

/** Tags that end a noun phrase: function words and finite verbs. */
const STOP_TAGS = new Set([
  'Determiner',
  'Preposition',
  'Conjunction',
  'Pronoun',
  'Adverb',
  'Copula',
  'Modal',
  'QuestionWord',
  'PastTense',
  'Negative',
  'Expression',
]);
const STOP_WORDS = new Set([
  'and',
  'or',
  'but',
  'of',
  'in',
  'on',
  'at',
  'to',
  'by',
  'for',
  'from',
  'with',
  'as',
  'than',
  'that',
  'who',
  'which',
  'were',
  'was',
  'are',
  'is',
  'have',
  'has',
  'had',
  'will',
  'would',
  'could',
  'may',
  'might',
  'since',
  'after',
  'before',
  'during',
  'while',
  'per',
  'each',
  'a',
  'an',
  'the',
  'earlier',
  'later',
  'ago',
  'today',
  'yesterday',
  'tomorrow',
  'now',
  'then',
  'this',
  'last',
  'next',
]);
/** Auxiliaries between a subject and its participle ("have been killed"). */
const AUXILIARIES = new Set([
  'have',
  'has',
  'had',
  'been',
  'were',
  'was',
  'are',
  'is',
  'be',
  'being',
  'reportedly',
  'already',
  'now',
  'either',
]);
/** Irregular participles common in reports of what happened to people or things. */
const IRREGULAR_PARTICIPLES = new Set([
  'taken',
  'held',
  'hit',
  'lost',
  'sent',
  'left',
  'shot',
  'hurt',
  'slain',
  'driven',
  'thrown',
  'seen',
  'made',
  'built',
  'put',
  'brought',
  'caught',
  'found',
  'given',
  'known',
  'stolen',
  'sold',
  'bought',
  'spent',
  'withdrawn',
  'beaten',
  'struck',
]);
/** Nouns that a number can stand after as their size ("a force of 70,000"). */
const GROUP_NOUNS = new Set([
  'force',
  'army',
  'contingent',
  'total',
  'crowd',
  'group',
  'deployment',
  'garrison',
  'workforce',
  'population',
  'toll',
  'budget',
  'sum',
  'fleet',
  'team',
  'staff',
  'delegation',
]);

const isWord = (t: Token | undefined): t is Token => t !== undefined && /^\p{L}/u.test(t.text);
const isParticiple = (t: Token | undefined): boolean =>
  t !== undefined && (/^[a-z]{3,}ed$/.test(t.lower) || IRREGULAR_PARTICIPLES.has(t.lower));

function endsPhrase(t: Token, position: number): boolean {
  if (STOP_WORDS.has(t.lower)) return true;
  if (position > 0 && isParticiple(t)) return true;
  const tags = lexiconTags(t.lower);
  return tags.length > 0 && tags.every((tag) => STOP_TAGS.has(tag));
}

/**
 * The noun phrase a number counts: the words after it up to a function word or verb
 * ("70,000 Russian troops"), after "of" for fractions and vague amounts ("hundreds
 * of homes"), extended over a participle clause that says what happened to them
 * ("personnel have been killed or injured"); else the group noun before "of" ("a
 * force of 70,000"). Returns a span of the text.
 */
export function findCounted(
  text: string,
  tokens: Token[],
  after: number,
  before: number,
  ofPhrase: boolean,
): Span | null {
  let i = after;
  // "70,000-strong force", "troops, 70,000 strong,"
  if (tokens[i]?.text === '-' && tokens[i + 1]?.lower === 'strong') i += 2;
  else if (tokens[i]?.lower === 'strong') {
    i += 1;
    if (!isWord(tokens[i])) return phraseBefore(text, tokens, before);
  }
  if (
    tokens[i]?.lower === 'of' &&
    (ofPhrase || tokens[i + 1]?.lower === 'the' || tokens[i + 1]?.lower === 'them')
  ) {
    i++;
    if (tokens[i]?.lower === 'the' || tokens[i]?.lower === 'its' || tokens[i]?.lower === 'their') i++;
  }
  let j = i;
  while (j < tokens.length && j - i < 6) {
    const t = tokens[j]!;
    // A possessive inside the phrase keeps it going ("the country's territory"), and a
    // participle right after it is an adjective ("the country's recognized territory").
    if (t.lower === "'s" && j > i && isWord(tokens[j + 1])) {
      j++;
      continue;
    }
    // A phrase never runs over a line break (a heading or the next paragraph).
    if (j > i && hasNewline(text, tokens[j - 1]!.end, t.start)) break;
    const adjective = j > i && tokens[j - 1]!.lower === "'s" && isParticiple(t);
    if (!isWord(t) || (!adjective && endsPhrase(t, j - i))) break;
    j++;
  }
  if (j === i) return groupNounBefore(text, tokens, before);
  let end = j;
  // Participle clause: "(have been) killed or injured".
  let k = j;
  while (AUXILIARIES.has(tokens[k]?.lower ?? '')) k++;
  // A bare "-ed" word may be a finite verb ("troops crossed"): take it only after an
  // auxiliary or when it is one of two joined participles ("killed or injured").
  const coordinated = ['or', 'and'].includes(tokens[k + 1]?.lower ?? '') && isParticiple(tokens[k + 2]);
  if (isParticiple(tokens[k]) && (k > j || coordinated)) {
    end = k + 1;
    if ((tokens[end]?.lower === 'or' || tokens[end]?.lower === 'and') && isParticiple(tokens[end + 1]))
      end += 2;
  }
  const first = tokens[i]!;
  const last = tokens[end - 1]!;
  return { text: text.slice(first.start, last.end), start: first.start, end: last.end };
}

/** The noun phrase just before an apposition ("troops — around 70,000 strong —"). */
function phraseBefore(text: string, tokens: Token[], before: number): Span | null {
  let k = before - 1;
  while (k >= 0 && /^[—–,(-]$/.test(tokens[k]!.text)) k--;
  let first = k;
  while (first >= 0 && first > k - 6 && isWord(tokens[first]) && !endsPhrase(tokens[first]!, 0)) first--;
  first++;
  if (first > k) return null;
  return {
    text: text.slice(tokens[first]!.start, tokens[k]!.end),
    start: tokens[first]!.start,
    end: tokens[k]!.end,
  };
}

function groupNounBefore(text: string, tokens: Token[], before: number): Span | null {
  const of = tokens[before - 1];
  const noun = tokens[before - 2];
  if (of?.lower !== 'of' || !noun || !GROUP_NOUNS.has(noun.lower)) return null;
  return { text: noun.text, start: noun.start, end: noun.end };
}
