import { matchBoilerplate } from './boilerplate-rules.js';
import { parseDateLine } from './parse-date-line.js';
import type { SeenDate } from '../../model/article.js';

export type ParagraphClass =
  | { kind: 'date'; date: SeenDate | null }
  | { kind: 'boilerplate'; rule: string }
  | { kind: 'byline'; byline: string }
  | { kind: 'headline' }
  | { kind: 'prose' };

const BYLINE =
  /^(?:by|written by|reporting by|words by)\s+(\p{Lu}[\p{L}.'’-]*(?:[\s,]+(?:and\s+)?[\p{Lu}][\p{L}.'’-]*){0,9})$/iu;
const UPDATED_LABEL = /^(?:last )?(?:updated|modified)\b/i;

/** Sorts one paragraph of a plain-text body into what it is for the header reader. */
export function classifyParagraph(paragraph: string): ParagraphClass {
  const dateLine = parseDateLine(paragraph, UPDATED_LABEL.test(paragraph) ? 'header:updated' : 'header');
  if (dateLine) return { kind: 'date', date: dateLine.date };
  const rule = matchBoilerplate(paragraph);
  if (rule) return { kind: 'boilerplate', rule };
  const byline = BYLINE.exec(paragraph);
  if (byline?.[1]) return { kind: 'byline', byline: byline[1].replace(/[\s,]+$/, '') };
  if (isHeadlineLike(paragraph)) return { kind: 'headline' };
  return { kind: 'prose' };
}

/**
 * A headline is short, has no sentence-final period, and reads as a title: either most
 * of its longer words are capitalised (Title Case) or it is one short clause.
 */
export function isHeadlineLike(paragraph: string): boolean {
  if (paragraph.length > 200 || /[.,;:]$/.test(paragraph)) return false;
  if (!/^[\p{Lu}\p{N}"'‘“]/u.test(paragraph)) return false;
  const words = paragraph.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 25) return false;
  if (/[.!?]["']?\s+\p{Lu}/u.test(paragraph)) return false; // two sentences
  const longer = words.filter((word) => /^["'‘“(]?\p{L}{4,}/u.test(word));
  const capitalised = longer.filter((word) => /^["'‘“(]?\p{Lu}/u.test(word)).length;
  return (longer.length > 0 && capitalised / longer.length >= 0.6) || words.length <= 14;
}
