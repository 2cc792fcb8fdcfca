/**
 * Character-level normalisation of a body before it becomes `Article.text`.
 *
 * Quote and dash variants are mapped one UTF-16 unit to one, so any offset computed
 * on the normalised text is also a valid offset into what a reader sees. Whitespace
 * inside a line collapses to one space; line structure is kept for paragraph splitting.
 */
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u2039\u203A\uFF07]/g;
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g;
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const LINE_BREAKS = /\r\n?|[\u2028\u2029\u0085]/g;
// C0/C1 control characters other than tab and newline never belong in news text.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;

export function normalizeQuotes(text: string): string {
  return text.replace(DOUBLE_QUOTES, '"').replace(SINGLE_QUOTES, "'");
}

export function normalizeText(text: string): string {
  const nfc = text.normalize('NFC').replace(LINE_BREAKS, '\n').replace(INVISIBLE, '').replace(CONTROLS, '');
  return normalizeQuotes(nfc)
    .split('\n')
    .map((line) => line.replace(SPACES, ' ').replace(/ {2,}/g, ' ').trim())
    .join('\n');
}
