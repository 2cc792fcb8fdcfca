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
