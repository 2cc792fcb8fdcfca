/**
 * Text normalisation for fingerprints: NFKC, case folded, diacritics and punctuation
 * dropped, so that typographic variants (curly quotes, dashes, accents, spacing) of the
 * same wording give the same tokens.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/u;
const NON_ASCII = /[^\t\n\r\x20-\x7e]/;

/** Lower-cased, accent-free text with every run of non-word characters replaced by one space. */
export function normalizeText(text: string): string {
  // Printable ASCII (with tabs and line breaks) has nothing to decompose and no combining
  // marks: the same result, cheaper.
  const folded = !NON_ASCII.test(text) ? text : text.normalize('NFKD').replace(COMBINING_MARKS, '');
  return folded
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .split(NON_WORD)
    .filter((token) => token.length > 0)
    .join(' ');
}

/** The words of a text after normalisation, in order. */
export function tokenize(text: string): string[] {
  const normalized = normalizeText(text);
  return normalized.length === 0 ? [] : normalized.split(' ');
}

/**
 * What `normalizeText` makes of one character above ASCII, cut at its non-word characters:
 * `['e']` for an accented e, `['']` for a character it drops without a break (a combining
 * mark, a curly apostrophe), `['', '']` for a break (a curly quote, a dash), `['1', '2']`
 * for ½. NFKD decomposes, and lower-casing maps, each character on its own, so a text's
 * tokens are its characters' pieces joined; null for the exceptions, which `wordsInto`
 * leaves to `normalizeText`: a capital sigma (or a character decomposing to one), whose
 * lower case depends on the letters around it, and half of a surrogate pair.
 */
function piecesOf(code: number): string[] | null {
  if (code >= 0xd800 && code <= 0xdfff) return null;
  const decomposed = String.fromCharCode(code).normalize('NFKD');
  if (decomposed.includes('\u03a3')) return null;
  return decomposed.replace(COMBINING_MARKS, '').toLowerCase().replace(/['’ʼ]/g, '').split(NON_WORD);
}

/** `piecesOf` by character code, filled as characters are met (a cache of a pure function). */
const PIECES = new Map<number, string[] | null>();

/**
 * Appends the tokens of `text[start, end)` to `out`: the same as
 * `out.push(...tokenize(text.slice(start, end)))`, in one pass over the characters
 * without building the normalised text (no regular expression, no split; a run of
 * lower-case ASCII letters and digits is one slice). Returns `out`.
 */
export function wordsInto(text: string, out: string[], start = 0, end = text.length): string[] {
  const base = out.length;
  let word = ''; // the current token's pieces before `from`
  let from = -1; // start of the current run of ASCII letters and digits, or -1
  let capital = false; // the run holds a capital letter
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (from < 0) from = i;
        continue;
      }
      if (c >= 65 && c <= 90) {
        if (from < 0) from = i;
        capital = true;
        continue;
      }
      if (from >= 0) {
        const run = text.slice(from, i);
        word += capital ? run.toLowerCase() : run;
        from = -1;
        capital = false;
      }
      // An apostrophe is dropped without breaking the word; anything else breaks it.
      if (c !== 39 && word !== '') {
        out.push(word);
        word = '';
      }
      continue;
    }
    let pieces = PIECES.get(c);
    if (pieces === undefined) PIECES.set(c, (pieces = piecesOf(c)));
    if (pieces === null) {
      // A character not read on its own (`piecesOf`): the range goes through `tokenize`.
      out.length = base;
      for (const token of tokenize(text.slice(start, end))) out.push(token);
      return out;
    }
    if (from >= 0) {
      const run = text.slice(from, i);
      word += capital ? run.toLowerCase() : run;
      from = -1;
      capital = false;
    }
    word += pieces[0] as string;
    for (let p = 1; p < pieces.length; p++) {
      if (word !== '') out.push(word);
      word = pieces[p] as string;
    }
  }
  if (from >= 0) {
    const run = text.slice(from, end);
    word += capital ? run.toLowerCase() : run;
  }
  if (word !== '') out.push(word);
  return out;
}
