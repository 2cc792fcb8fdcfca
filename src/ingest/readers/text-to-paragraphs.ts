/**
 * Plain text to the body shape every reader returns: paragraphs separated by one blank
 * line, whitespace inside a paragraph collapsed. When the text has blank lines they
 * separate paragraphs and single line breaks are soft wraps; when it has none, each line
 * is taken as a paragraph.
 */
export function textToParagraphs(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  const separator = /\n[ \t\u00a0]*\n/.test(normalized) ? /\n\s*\n/ : /\n/;
  return normalized
    .split(separator)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
