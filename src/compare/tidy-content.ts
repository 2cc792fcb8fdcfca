/**
 * A claim's content as the end of a brief clause: a quotation cut before its attribution keeps
 * the comma the source put inside it ("mere “political theater,”"), which a clause must not end on.
 */
export function tidyContent(content: string): string {
  return content
    .trim()
    .replace(/[,;:]\s*(["”’'])$/u, '$1')
    .replace(/[,;:]$/, '');
}
