const TERMINAL = /[.!?:;"')\]…]$/;
const STARTS_LOWER = /^[a-z(]/;

/**
 * Splits normalised text into paragraphs. A blank line always separates paragraphs.
 * A single newline also does (plain-text exports often put one paragraph per line),
 * except in hard-wrapped text: when most lines of a block reach about the same width,
 * a line is a continuation unless the one before it ended a sentence well short of
 * that width; elsewhere a long line that does not end a sentence followed by a line
 * in lower case continues the same paragraph.
 */
export function splitParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const width = wrapWidth(lines);
    let current = '';
    let previousLine = '';
    for (const line of lines) {
      if (current && continues(previousLine, line, width)) {
        current += ` ${line}`;
      } else {
        if (current) paragraphs.push(current);
        current = line;
      }
      previousLine = line;
    }
    if (current) paragraphs.push(current);
  }
  return paragraphs;
}

/** The wrap width of a hard-wrapped block, or 0 when the block does not look wrapped. */
export function wrapWidth(lines: string[]): number {
  if (lines.length < 3) return 0;
  const body = lines.slice(0, -1);
  const max = Math.max(...body.map((line) => line.length));
  if (max < 50 || max > 120) return 0;
  const near = body.filter((line) => line.length >= max * 0.75).length;
  return near / body.length >= 0.6 ? max : 0;
}

function continues(previous: string, next: string, width: number): boolean {
  if (width > 0) return !(TERMINAL.test(previous) && previous.length < width * 0.75);
  return previous.length >= 40 && !TERMINAL.test(previous) && STARTS_LOWER.test(next);
}
