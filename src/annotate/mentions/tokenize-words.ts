/** A word or punctuation token with its UTF-16 offsets in the source text. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Lower-cased text with a trailing period removed ("gen." → "gen"). */
  lower: string;
  /** First character is an upper-case letter. */
  upper: boolean;
  /** The token starts a sentence, a line, a quotation or follows a colon. */
  initial: boolean;
}

// Words keep inner apostrophes, hyphens and dots ("O'Neill", "Jean-Luc", "U.S.");
// a possessive "'s" is split off so the name ends before it. Letters are listed as
// ranges (Latin, Greek, Cyrillic, combining marks) because \p{L} classes make the
// expression several times slower; other scripts fall back to one token per character.
// The scanner below (tokenEnd) reads exactly what this expression matches, without a match
// array per token; the expression stays as the definition, and a test holds them together.
const L =
  'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u04FF\\u1E00-\\u1EFF';
export const TOKEN_RE = new RegExp(
  // eslint-disable-next-line no-misleading-character-class -- combining marks are meant to join the letter before them
  `[${L}][${L}0-9]*(?:[-'’.][${L}][${L}0-9]*)*\\.?|[0-9]+(?:[.,][0-9]+)*|\\S`,
  'g',
);

/** A UTF-16 unit of the letter ranges of TOKEN_RE. */
export function isLetterUnit(c: number): boolean {
  if (c < 0x80) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x24f) ||
    (c >= 0x300 && c <= 0x4ff) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

export const isDigitUnit = (c: number): boolean => c >= 48 && c <= 57;

/** Whether a UTF-16 unit is white space as `\s` in a regular expression defines it. */
export function isSpaceUnit(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Word separators inside a word: hyphen, apostrophe, right single quote, period. */
const isJoiner = (c: number): boolean => c === 45 || c === 39 || c === 0x2019 || c === 46;

/** End of the TOKEN_RE match that starts at `start` (a unit that is not white space). */
export function tokenEnd(text: string, start: number): number {
  const n = text.length;
  const first = text.charCodeAt(start);
  let i = start + 1;
  if (isLetterUnit(first)) {
    for (;;) {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (!isLetterUnit(c) && !isDigitUnit(c)) break;
        i++;
      }
      if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isLetterUnit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    return i < n && text.charCodeAt(i) === 46 ? i + 1 : i;
  }
  if (isDigitUnit(first)) {
    for (;;) {
      while (i < n && isDigitUnit(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (i + 1 < n && (c === 46 || c === 44) && isDigitUnit(text.charCodeAt(i + 1))) i += 2;
      else break;
    }
    return i;
  }
  return i;
}
const ABBREVIATION_END =
  /^(?:[A-Za-z]\.)+$|^(?:mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|adm|sen|rep|gov|rev|prof|st|jr|sr|inc|corp|co|ltd|no|vs)\.$/i;

/** Punctuation after which the next token starts a clause. */
const CLAUSE_BREAKS = new Set(['!', '?', ':', ';', '"', '“', '”', '‘', '«', '»', '—', '–']);
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/** Splits text into word and punctuation tokens; offsets always match the slice. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  const lowerText = lowerCaseInPlace(text);
  let initial = true;
  let gapStart = 0;
  const n = text.length;
  for (let start = 0; start < n;) {
    if (isSpaceUnit(text.charCodeAt(start))) {
      start++;
      continue;
    }
    const matchEnd = tokenEnd(text, start);
    let raw = text.slice(start, matchEnd);
    // A trailing period belongs to the word only for abbreviations; otherwise it ends a sentence.
    let endsSentence = false;
    if (raw.length > 1 && raw.charCodeAt(raw.length - 1) === 46 && !ABBREVIATION_END.test(raw)) {
      raw = raw.slice(0, -1);
      endsSentence = true;
    }
    const word = raw.length > 2 && isPossessive(raw) ? raw.slice(0, -2) : raw;
    if (hasNewline(text, gapStart, start)) initial = true;
    tokens.push(makeToken(word, start, initial, lowerText));
    initial = false;
    if (word !== raw) tokens.push(makeToken(raw.slice(word.length), start + word.length, false, lowerText));
    gapStart = start + raw.length;
    if (endsSentence) {
      tokens.push(makeToken('.', start + raw.length, false, lowerText));
      gapStart += 1;
      initial = true;
    } else if (raw.length === 1 && (CLAUSE_BREAKS.has(raw) || (raw === '.' && tokens.length > 0))) {
      initial = true;
    }
    start = matchEnd;
  }
  return tokens;
}

/** Ends in "'s" or "’s" (either case). */
function isPossessive(raw: string): boolean {
  const last = raw.charCodeAt(raw.length - 1);
  const quote = raw.charCodeAt(raw.length - 2);
  return (last === 115 || last === 83) && (quote === APOSTROPHE || quote === RIGHT_QUOTE);
}

/**
 * The whole text lower-cased once, when that is the same as lower-casing each token on
 * its own: no character whose lower case has another length ("İ") and no capital sigma,
 * whose lower case depends on the letters around it. Otherwise null.
 */
function lowerCaseInPlace(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length && !text.includes('Σ') ? lower : null;
}

function makeToken(text: string, start: number, initial: boolean, lowerText: string | null): Token {
  let lower = lowerText === null ? text.toLowerCase() : lowerText.slice(start, start + text.length);
  if (lower.charCodeAt(lower.length - 1) === 46) lower = lower.slice(0, -1);
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  return {
    text,
    start,
    end: start + text.length,
    lower,
    upper: startsUpper(text),
    initial,
  };
}

/** First character is an upper-case letter (has a different lower case and is its own upper case). */
function startsUpper(text: string): boolean {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  const first = text.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Whether text[from, to) holds a line break. */
export function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
