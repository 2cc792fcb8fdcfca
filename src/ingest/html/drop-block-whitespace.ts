const BLOCK =
  'address|article|aside|blockquote|body|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|li|link|main|meta|nav|ol|p|section|table|tbody|td|tfoot|th|thead|title|tr|ul';

/** Whitespace-only runs that touch a block-level tag on either side. */
const AROUND_BLOCK = new RegExp(
  `>\\s+(?=<\\/?(?:${BLOCK})[\\s/>])|(<\\/?(?:${BLOCK})\\b[^<>]*>)\\s+(?=<)`,
  'gi',
);

/**
 * Removes whitespace between tags where a block-level tag is on one side: such
 * whitespace never shows as text, but each run becomes a text node that the parser and
 * every later DOM walk have to handle. Whitespace between inline tags is kept because
 * it separates words.
 */
export function dropBlockWhitespace(html: string): string {
  return html.replace(AROUND_BLOCK, (match: string, tag: string | undefined) => (tag ? tag : '>'));
}
