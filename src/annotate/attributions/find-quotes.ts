import type { Span } from '../../model/annotations.js';

const PARAGRAPH = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
const OPEN_CLOSE: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['«', '»'],
  ['"', '"'],
  ["''", "''"],
  ['``', "''"],
]);
const MARK = /“|”|«|»|"|''|``/g;

/**
 * Quotations in `text`, from the opening mark to the closing one (both included). A quote
 * left open at the end of a paragraph ends there, as news style continues it in the next.
 */
export function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  for (const p of text.matchAll(PARAGRAPH)) {
    quotes.push(...quotesInParagraph(text, p.index, p.index + p[0].length));
  }
  return quotes;
}

function quotesInParagraph(text: string, start: number, end: number): Span[] {
  const quotes: Span[] = [];
  let open: { at: number; close: string } | null = null;
  const marks = text.slice(start, end).matchAll(MARK);
  for (const m of marks) {
    const at = start + m.index;
    if (open && m[0] === open.close) {
      quotes.push(span(text, open.at, at + m[0].length));
      open = null;
    } else if (!open && OPEN_CLOSE.has(m[0])) {
      open = { at, close: OPEN_CLOSE.get(m[0]) ?? m[0] };
    }
  }
  if (open) quotes.push(span(text, open.at, trimEnd(text, end)));
  return quotes;
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

export function span(text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), start, end };
}
