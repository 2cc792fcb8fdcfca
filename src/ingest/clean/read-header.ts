import type { SeenDate } from '../../model/article.js';
import { classifyParagraph, type ParagraphClass } from './classify-paragraph.js';
import { readDateline } from './read-dateline.js';

export interface HeaderReading {
  title: string | null;
  subtitle: string | null;
  byline: string | null;
  dates: SeenDate[];
  /** The body without title, header dates, bylines and boilerplate. */
  paragraphs: string[];
  /** What was removed and by which rule, for messages and debugging. */
  removed: { paragraph: string; rule: string }[];
}

interface Classified {
  text: string;
  cls: ParagraphClass;
}

const HEADER_ZONE = 8;
const key = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Reads the header of a plain-text body: the headline (also when it is repeated, or
 * preceded by a teaser paragraph), a deck or standfirst under it, bylines and lone
 * date lines; removes boilerplate lines anywhere. `knownTitle` (from HTML, a feed or
 * JSONL) is removed where the body repeats it instead of being searched for.
 */
export function readHeader(
  paragraphs: string[],
  knownTitle: string | null,
  findTitle: boolean,
): HeaderReading {
  const removed: HeaderReading['removed'] = [];
  const dates: SeenDate[] = [];
  let byline: string | null = null;
  const kept: Classified[] = [];
  for (const [index, text] of paragraphs.entries()) {
    const cls = classifyParagraph(text);
    if (cls.kind === 'date') {
      if (cls.date) dates.push(index < HEADER_ZONE ? cls.date : { ...cls.date, where: 'footer' });
      removed.push({ paragraph: text, rule: 'lone-date' });
    } else if (cls.kind === 'boilerplate') {
      removed.push({ paragraph: text, rule: cls.rule });
    } else if (cls.kind === 'byline' && index < HEADER_ZONE) {
      byline ??= cls.byline;
      removed.push({ paragraph: text, rule: 'byline' });
    } else {
      kept.push({ text, cls });
    }
  }

  let title = knownTitle;
  let titleIndex = knownTitle
    ? kept.findIndex((p, i) => i < HEADER_ZONE && key(p.text) === key(knownTitle))
    : -1;
  if (!knownTitle && findTitle) {
    titleIndex = findHeadline(kept);
    title = titleIndex >= 0 ? kept[titleIndex]!.text : null;
  }

  let subtitle: string | null = null;
  const drop = new Set<number>();
  if (titleIndex >= 0 && title) {
    const titleKey = key(title);
    kept.forEach((p, i) => {
      if (i < HEADER_ZONE && key(p.text) === titleKey) drop.add(i);
    });
    const nextIndex = [...Array(kept.length).keys()].find((i) => i > titleIndex && !drop.has(i));
    const next = nextIndex === undefined ? undefined : kept[nextIndex];
    if (next && nextIndex !== undefined && nextIndex < kept.length - 1) {
      if (next.cls.kind === 'headline') {
        subtitle = next.text;
        drop.add(nextIndex);
        removed.push({ paragraph: next.text, rule: 'subtitle' });
      } else if (isStandfirst(next.text)) {
        subtitle = next.text;
      }
    }
    removed.push({ paragraph: title, rule: 'title' });
  }

  const body: string[] = [];
  const seen = new Set<string>();
  kept.forEach((p, i) => {
    if (drop.has(i)) return;
    const k = key(p.text);
    if (seen.has(k)) {
      removed.push({ paragraph: p.text, rule: 'repeated-paragraph' });
      return;
    }
    seen.add(k);
    body.push(p.text);
  });
  return { title, subtitle, byline, dates, paragraphs: body, removed };
}

/**
 * The headline is the first headline-like paragraph of the header that stands before
 * the body starts. One teaser paragraph may come before it when the headline is
 * repeated (a common export layout: teaser, headline, headline, standfirst, body).
 */
function findHeadline(kept: Classified[]): number {
  const zone = kept.slice(0, HEADER_ZONE);
  let proseBefore = 0;
  for (const [i, p] of zone.entries()) {
    if (p.cls.kind === 'headline') {
      if (i === kept.length - 1) return -1; // a lone short line is the whole text, not a title
      if (proseBefore === 0) return i;
      const repeated = zone.some((q, j) => j !== i && key(q.text) === key(p.text));
      if (proseBefore === 1 && repeated) return i;
      return -1;
    }
    if (p.cls.kind === 'prose') {
      proseBefore += 1;
      if (proseBefore > 1) return -1;
    }
  }
  return -1;
}

/**
 * A standfirst is one sentence of moderate length that summarises the story; a
 * paragraph that opens with a dateline is the story's lead, never its standfirst.
 */
function isStandfirst(text: string): boolean {
  if (readDateline(text, null)) return false;
  const words = text.split(/\s+/).length;
  return words >= 8 && words <= 45 && !/[.!?]["']?\s+\p{Lu}/u.test(text.slice(0, -1));
}
