import type { Token } from './tag-tokens.js';

const NOMINAL = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM']);
const HEADS = new Set(['NOUN', 'PROPN', 'NUM', 'PRON']);
const CLOSED_CLASS = new Set(['PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PUNCT', 'AUX', 'PART', 'SYM', 'NUM']);
const LINKING_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'with', 'in']);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const WEEKDAYS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|recently|previously|also|again|then|still|once|now)$/;
const MAX_NP = 20;

/** Words that may sit between a speaker and the cue ("has also said", "on Tuesday said"). */
export function isCueModifier(t: Token): boolean {
  return (
    t.pos === 'ADV' ||
    t.pos === 'AUX' ||
    (t.pos === 'PART' && /^(not|n[’']t)$/.test(t.lower)) ||
    WEEKDAYS.test(t.lower)
  );
}

/** Capitalised words the tagger took for verbs or adjectives are names here ("Cook said"). */
function isName(t: Token): boolean {
  return /^\p{Lu}/u.test(t.text) && !CLOSED_CLASS.has(t.pos) && t.lower !== 'i';
}

function isNominal(t: Token | undefined): boolean {
  if (!t) return false;
  if (NOMINAL.has(t.pos) || isName(t)) return true;
  if (t.pos === 'PART' && /^[’']s?$/.test(t.lower)) return true;
  if (t.pos === 'PRON' && POSSESSIVES.has(t.lower)) return true;
  return t.pos === 'PUNCT' && (t.text === '-' || t.text === '.' || t.text === '&');
}

/** Whether token i may join a noun phrase that continues with token i+1 (leftward growth). */
function joins(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (isNominal(t)) return true;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  const between = !!prev && !!next && ['NOUN', 'PROPN'].includes(prev.pos) && isNominal(next);
  if (t.pos === 'ADP' && LINKING_PREPOSITIONS.has(t.lower)) return between;
  if (t.pos === 'CCONJ' && t.lower === 'and') return between && next?.pos === 'PROPN';
  return false;
}

/** A noun, name, number or pronoun; or an adjective used as a noun after a determiner ("the chief"). */
function isHead(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  if (!t) return false;
  return HEADS.has(t.pos) || isName(t) || (t.pos === 'ADJ' && tokens[j - 1]?.pos === 'DET');
}

/** Start of the noun phrase whose last token is `j`, not before `floor`; null when `j` is no head. */
export function nounPhraseStart(tokens: Token[], j: number, floor: number): number | null {
  const head = tokens[j];
  if (!head || !isHead(tokens, j) || j < floor) return null;
  if (head.pos === 'PRON') return POSSESSIVES.has(head.lower) ? null : j;
  let i = j;
  while (i - 1 >= floor && j - i < MAX_NP && joins(tokens, i - 1)) i--;
  while (i < j && !isNominal(tokens[i])) i++;
  while (i < j && tokens[i]?.pos === 'PUNCT') i++;
  return i;
}

/** Token k extends the phrase started at i; a determiner after a noun starts a new phrase ("told reporters the …"). */
function continues(tokens: Token[], i: number, k: number): boolean {
  const t = tokens[k];
  if (k > i && t?.pos === 'DET' && isHead(tokens, k - 1)) return false;
  return isNominal(t) || (k > i && joins(tokens, k));
}

/** End of the noun phrase starting at `i` (no commas), not after `ceil`; null when there is none. */
export function nounPhraseEnd(tokens: Token[], i: number, ceil: number): number | null {
  const first = tokens[i];
  if (!first) return null;
  if (first.pos === 'PRON' && !POSSESSIVES.has(first.lower)) return i;
  let j = i - 1;
  while (j + 1 <= ceil && j + 1 - i < MAX_NP && continues(tokens, i, j + 1)) j++;
  while (j >= i && !isHead(tokens, j)) j--;
  return j >= i ? j : null;
}

/** The speaker before the cue starting at token `cue`: a pronoun, a noun phrase, or "NP, appositive,". */
export function sourceBefore(tokens: Token[], cue: number, floor: number): [number, number] | null {
  let j = cue - 1;
  while (j >= floor && tokens[j] && isCueModifier(tokens[j] as Token)) j--;
  const appositive = tokens[j]?.text === ',';
  if (appositive) j--;
  let i = nounPhraseStart(tokens, j, floor);
  if (i === null) return null;
  if (!appositive) return [i, j];
  for (let hops = 0; hops < 2; hops++) {
    if (tokens[i - 1]?.text !== ',') break;
    const before = nounPhraseStart(tokens, i - 2, floor);
    if (before === null || tokens[before - 1]?.pos === 'ADP') break;
    i = before;
  }
  return [i, j];
}

/** The speaker after an inverted cue ("…,” said Jane Doe, a spokeswoman"). */
export function sourceAfter(tokens: Token[], from: number, ceil: number): [number, number] | null {
  const end = nounPhraseEnd(tokens, from, ceil);
  return end === null ? null : [from, end];
}

/**
 * The subject of an earlier verb in the sentence, for cues that share it ("She greeted
 * supporters and told them …", "He left, saying …"): the nearest verb to the left whose
 * own left neighbour is a noun phrase.
 */
export function clauseSubject(tokens: Token[], cue: number): [number, number] | null {
  const before = tokens[cue - 1];
  const shared =
    !!before && (before.text === ',' || before.pos === 'CCONJ' || before.text === '–' || before.text === '—');
  if (!shared) return null;
  for (let k = cue - 2; k > 0; k--) {
    const t = tokens[k];
    if (!t || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    if (tokens[k - 1]?.pos === 'AUX' || tokens[k - 1]?.pos === 'PART') continue;
    const subject = sourceBefore(tokens, k, 0);
    if (subject) return subject;
  }
  return null;
}
