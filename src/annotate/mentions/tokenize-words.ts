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
const L =
  'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0300-\\u036F\\u0370-\\u03FF\\u0400-\\u04FF\\u1E00-\\u1EFF';
// eslint-disable-next-line no-misleading-character-class -- combining marks are meant to join the letter before them
const TOKEN_RE = new RegExp(`[${L}][${L}0-9]*(?:[-'’.][${L}][${L}0-9]*)*\\.?|[0-9]+(?:[.,][0-9]+)*|\\S`, 'g');
const ABBREVIATION_END =
  /^(?:[A-Za-z]\.)+$|^(?:mr|mrs|ms|dr|gen|col|lt|maj|capt|sgt|adm|sen|rep|gov|rev|prof|st|jr|sr|inc|corp|co|ltd|no|vs)\.$/i;

/** Splits text into word and punctuation tokens; offsets always match the slice. */
export function tokenizeWords(text: string): Token[] {
  const tokens: Token[] = [];
  let initial = true;
  for (const match of text.matchAll(TOKEN_RE)) {
    let raw = match[0];
    const start = match.index;
    // A trailing period belongs to the word only for abbreviations; otherwise it ends a sentence.
    let endsSentence = false;
    if (raw.length > 1 && raw.endsWith('.') && !ABBREVIATION_END.test(raw)) {
      raw = raw.slice(0, -1);
      endsSentence = true;
    }
    const possessive = /['’]s$/i.exec(raw);
    const word = possessive && raw.length > 2 ? raw.slice(0, -2) : raw;
    const gapStart = tokens.length > 0 ? tokens[tokens.length - 1]!.end : 0;
    if (hasNewline(text, gapStart, start)) initial = true;
    tokens.push(makeToken(word, start, initial));
    initial = false;
    if (word !== raw) tokens.push(makeToken(raw.slice(word.length), start + word.length, false));
    if (endsSentence) {
      tokens.push(makeToken('.', start + raw.length, false));
      initial = true;
    } else if (/^[!?:;"“”‘«»—–]$/.test(raw) || (raw === '.' && tokens.length > 0)) {
      initial = true;
    }
  }
  return tokens;
}

function makeToken(text: string, start: number, initial: boolean): Token {
  const first = text.charAt(0);
  return {
    text,
    start,
    end: start + text.length,
    lower: text.toLowerCase().replace(/\.$/, '').replace(/’/g, "'"),
    upper: first !== first.toLowerCase() && first === first.toUpperCase(),
    initial,
  };
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
