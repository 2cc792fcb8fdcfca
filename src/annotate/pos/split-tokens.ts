import { isDigitUnit, isLetterUnit, isSpaceUnit } from '../mentions/tokenize-words.js';

/**
 * Token boundaries for part-of-speech tagging, as UTF-16 offsets: `starts[i]`/`ends[i]`.
 * They follow the conventions of the tokens the attribution tagger was first trained on
 * (wink-nlp's English tokens): line breaks are tokens; contractions are split ("do" +
 * "n't", "we" + "'re", "ca" + "n't", "can" + "not"), a possessive "'s" and a bare "'"
 * after a plural too; hyphens split words ("year - old") unless the first part is a common
 * prefix ("anti-war", "co-founder") or a digit follows ("EB-5", "2016-17"); a trailing
 * period stays on initials, dotted abbreviations and common short forms ("U.S.", "Sept.");
 * runs of one dash, dot or underscore are one token ("--", "...").
 */
export interface TokenBounds {
  starts: number[];
  ends: number[];
}

/** Common English prefixes that keep their hyphen ("anti-war", "mid-1990s"). */
const HYPHEN_PREFIXES = new Set(
  (
    'anti pro co non re post e mid pre vice super ex un counter cross over multi mega mini de sub ' +
    'ultra x bio semi inter pan extra micro intra pseudo bi cyber neo'
  ).split(' '),
);

/** Short forms written with a final period (titles, months, states, companies, Latin). */
const SHORT_FORMS = new Set(
  (
    'mr mrs ms dr sen gov rep reps gen lt col maj capt sgt adm cmdr prof st jr sr ' +
    'ft mt no nos vs v etc inc corp co ltd bros dept est approx jan feb mar apr jun jul aug sep ' +
    'sept oct nov dec ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich ' +
    'minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo in'
  ).split(' '),
);

/** Contraction endings split off a word, lower case, with a straight apostrophe. */
const CLITICS = new Set(["'s", "'re", "'ve", "'ll", "'d"]);

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 45;
const PERIOD = 46;

const isLetter = isLetterUnit;
const isDigit = isDigitUnit;
const isAlnum = (c: number): boolean => isLetter(c) || isDigit(c);
const isApostrophe = (c: number): boolean => c === APOSTROPHE || c === RIGHT_QUOTE;
/** A line break's UTF-16 unit. */
export const isLineBreak = (c: number): boolean => c === 10 || c === 13;
/** Punctuation whose runs are one token ("--", "...", "___"). */
const isRunPunctuation = (c: number): boolean => c === HYPHEN || c === PERIOD || c === 95;

/** Token boundaries of `text` (see `TokenBounds`). */
export function splitTokens(text: string): TokenBounds {
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: number, e: number): void => {
    starts.push(s);
    ends.push(e);
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      let j = i + 1;
      while (j < n && isLineBreak(text.charCodeAt(j))) j++;
      push(i, j);
      i = j;
    } else if (isSpaceUnit(c)) {
      i++;
    } else if (isAlnum(c)) {
      i = pushWord(text, i, push);
    } else if ((c === 64 || c === 35) && i + 1 < n && isAlnum(text.charCodeAt(i + 1))) {
      // "@handle", "#tag"
      let j = i + 1;
      while (j < n && (isAlnum(text.charCodeAt(j)) || text.charCodeAt(j) === 95)) j++;
      push(i, j);
      i = j;
    } else if (isRunPunctuation(c)) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) === c) j++;
      // "...5" or ".5": a decimal without its zero is a number.
      if (j === i + 1 && c === PERIOD && isDigit(text.charCodeAt(j))) {
        i = pushWord(text, i + 1, push, i);
        continue;
      }
      push(i, j);
      i = j;
    } else {
      // A surrogate pair is one character.
      const j = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? i + 2 : i + 1;
      push(i, j);
      i = j;
    }
  }
  return { starts, ends };
}

/**
 * Pushes the tokens of the word that starts at `at` (a letter or digit; `from` when a
 * leading period belongs to it) and returns where it ends.
 */
function pushWord(text: string, at: number, push: (s: number, e: number) => void, from = at): number {
  const n = text.length;
  // The whole run of letters, digits and inner joiners ("O'Neill", "U.S", "9/11", "10:30").
  let end = at;
  for (;;) {
    while (end < n && isAlnum(text.charCodeAt(end))) end++;
    const c = text.charCodeAt(end);
    const next = text.charCodeAt(end + 1);
    if (end + 1 < n && isAlnum(next) && (c === HYPHEN || c === PERIOD || isApostrophe(c))) end += 2;
    else if (
      end + 1 < n &&
      isDigit(next) &&
      isDigit(text.charCodeAt(end - 1)) &&
      (c === 44 || c === 47 || c === 58)
    )
      end += 2;
    else break;
  }
  // A trailing period that belongs to the word.
  if (end < n && text.charCodeAt(end) === PERIOD && keepsPeriod(text, from, end)) end++;
  pushPieces(text, from, end, push);
  return end;
}

/** Whether the period after text[from, end) is part of the word ("U.S.", "Sept.", "J."). */
function keepsPeriod(text: string, from: number, end: number): boolean {
  const n = text.length;
  if (end + 1 < n && text.charCodeAt(end + 1) === PERIOD) return false;
  const word = text.slice(from, end);
  if (word.length === 1 && isLetter(word.charCodeAt(0))) return true;
  if (word.includes('.')) return /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word);
  if (!SHORT_FORMS.has(word.toLowerCase())) return false;
  // At the end of a paragraph the period ends the sentence.
  let j = end + 1;
  while (j < n && text.charCodeAt(j) === 32) j++;
  return j < n && !isLineBreak(text.charCodeAt(j));
}

/** Splits one joined word into its tokens: hyphens, contractions, digits with units. */
function pushPieces(text: string, from: number, end: number, push: (s: number, e: number) => void): void {
  let s = from;
  for (let k = from; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c !== HYPHEN) continue;
    if (keepsHyphen(text, s, k, end)) continue;
    pushClitics(text, s, k, push);
    push(k, k + 1);
    s = k + 1;
  }
  pushClitics(text, s, end, push);
}

/** Whether the hyphen at `k` stays inside the word that starts at `s`. */
function keepsHyphen(text: string, s: number, k: number, end: number): boolean {
  if (k + 1 < end && isDigit(text.charCodeAt(k + 1))) return true;
  return HYPHEN_PREFIXES.has(text.slice(s, k).toLowerCase());
}

/** Pushes text[s, e) with its contraction split off ("do" + "n't", "we" + "'re"). */
function pushClitics(text: string, s: number, e: number, push: (s: number, e: number) => void): void {
  const len = e - s;
  if (len >= 3 && isApostrophe(text.charCodeAt(e - 2))) {
    const last = text.charCodeAt(e - 1) | 32;
    if ((last === 115 || last === 100) && len > 2) {
      push(s, e - 2);
      push(e - 2, e);
      return;
    }
  }
  if (len >= 4 && isApostrophe(text.charCodeAt(e - 3))) {
    const clitic = `'${text.slice(e - 2, e).toLowerCase()}`;
    if (CLITICS.has(clitic)) {
      push(s, e - 3);
      push(e - 3, e);
      return;
    }
  }
  if (
    len >= 4 &&
    isApostrophe(text.charCodeAt(e - 2)) &&
    (text.charCodeAt(e - 3) | 32) === 110 &&
    (text.charCodeAt(e - 1) | 32) === 116
  ) {
    push(s, e - 3);
    push(e - 3, e);
    return;
  }
  if (len === 6 && text.slice(s, e).toLowerCase() === 'cannot') {
    push(s, s + 3);
    push(s + 3, e);
    return;
  }
  push(s, e);
}
