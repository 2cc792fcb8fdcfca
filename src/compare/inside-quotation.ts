/**
 * True when an offset of an article's text sits inside quotation marks: an odd number of
 * straight quotes, or more opening than closing curly quotes, between the start of its
 * paragraph and the offset. Quotations in news rarely run across paragraphs unclosed.
 */
export function insideQuotation(text: string, offset: number): boolean {
  const paragraphStart = text.lastIndexOf('\n\n', offset) + 1;
  const before = text.slice(paragraphStart, offset);
  const straight = (before.match(/"/g) ?? []).length;
  const opening = (before.match(/“/g) ?? []).length;
  const closing = (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || opening > closing;
}
