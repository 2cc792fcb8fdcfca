import type { Paragraph } from './to-paragraphs.js';

/** A label that introduces links to other stories. */
const LIST_LABEL =
  /^(?:you (?:may|might) (?:also )?like|related(?: articles| stories| coverage| content| links)?|read (?:more|next)|more (?:stories|from|on|news)\b.*|recommended(?: for you)?|(?:don't|do not) miss|most (?:read|popular|viewed)|trending(?: now)?|see also|also read|top stories)\s*[.:!…|]*$/i;

function isLinkLine(paragraph: Paragraph): boolean {
  return paragraph.text.length < 200 && paragraph.linkChars / paragraph.text.length > 0.8;
}

/**
 * Removes lists of links to other stories from the body: the link-only lines after a
 * "You may also like" style label, and any run of three or more link-only lines.
 */
export function dropLinkLists(paragraphs: Paragraph[], minRun = 3): Paragraph[] {
  const drop = new Set<number>();
  for (let i = 0; i < paragraphs.length; i++) {
    const current = paragraphs[i] as Paragraph;
    if (LIST_LABEL.test(current.text)) {
      let j = i + 1;
      while (j < paragraphs.length && isLinkLine(paragraphs[j] as Paragraph)) drop.add(j++);
      continue;
    }
    if (!isLinkLine(current)) continue;
    let end = i;
    while (end + 1 < paragraphs.length && isLinkLine(paragraphs[end + 1] as Paragraph)) end++;
    if (end - i + 1 >= minRun) for (let k = i; k <= end; k++) drop.add(k);
    i = end;
  }
  return drop.size ? paragraphs.filter((_, index) => !drop.has(index)) : paragraphs;
}
