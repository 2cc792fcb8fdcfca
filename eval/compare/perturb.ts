/**
 * Controlled perturbations of one real article for the comparison benchmark: exactly one
 * change of one kind (number, role, polarity, date, place), placed with the article's own
 * annotations, so the copy differs from the original in that one detail only.
 */
import type { Annotations, Mention, Quantity, TimeRef } from '../../src/model/annotations.js';
import { isNotCount } from '../../src/compare/read-count-context.js';

export type Kind = 'number' | 'role' | 'polarity' | 'date' | 'place';
export const KINDS: Kind[] = ['number', 'role', 'polarity', 'date', 'place'];

export interface Perturbation {
  kind: Kind;
  text: string;
  /** What was changed, for `--verbose` ("70,000 → 210,000"). */
  change: string;
  /** The sentence of the original that was changed. */
  sentence: string;
}

type Random = () => number;

const pick = <T>(items: T[], random: Random): T | undefined =>
  items.length === 0 ? undefined : items[Math.floor(random() * items.length)];

function splice(text: string, start: number, end: number, replacement: string): string {
  return text.slice(0, start) + replacement + text.slice(end);
}

function sentenceOf(ann: Annotations, offset: number): string {
  return ann.sentences.find((s) => offset >= s.start && offset < s.end)?.text ?? '';
}

// A sentence inside quotation marks is someone's words: changing it changes a quote, still a fair site, but
// the heading line (the title repeated as the first paragraph) is not a sentence of the report.
function inBody(text: string, offset: number): boolean {
  const firstBreak = text.indexOf('\n\n');
  return firstBreak < 0 || offset > firstBreak;
}

// ---------------------------------------------------------------- number

const YEAR_LIKE = (q: Quantity): boolean =>
  q.unit === null && q.value >= 1900 && q.value <= 2100 && q.counted === null;

function formatLike(original: string, value: number): string {
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  return original.includes(',') ? rounded.toLocaleString('en-US') : String(rounded);
}

/** A number with a closed tolerance (exact, about, range) multiplied well beyond it. */
function perturbNumber(text: string, ann: Annotations, random: Random): Perturbation | null {
  const sites = ann.quantities.filter(
    (q) =>
      inBody(text, q.start) &&
      (q.qualifier === 'exact' || q.qualifier === 'about') &&
      !YEAR_LIKE(q) &&
      // A decade, an average written ".358", a tally or score is not a count (the comparison does not compare them).
      !isNotCount(text, q) &&
      q.value >= 2 &&
      /\d/.test(q.text),
  );
  // Prefer quantities that say what they count: a bare number is rarely one subject.
  const counted = sites.filter((q) => q.counted !== null);
  const q = pick(counted.length > 0 ? counted : sites, random);
  if (!q) return null;
  const m = /\d[\d,]*(?:\.\d+)?/.exec(q.text);
  if (!m) return null;
  const numeral = m[0];
  const factor = random() < 0.5 ? 3 : 0.4;
  let value = Number(numeral.replace(/,/g, '')) * factor;
  if (value < 1) value = Number(numeral.replace(/,/g, '')) * 3;
  const replacement = formatLike(
    numeral,
    Number.isInteger(Number(numeral.replace(/,/g, ''))) ? Math.round(value) : value,
  );
  const start = q.start + m.index;
  return {
    kind: 'number',
    text: splice(text, start, start + numeral.length, replacement),
    change: `${q.text} → ${replacement}${q.counted ? ` (${q.counted.text})` : ''}`,
    sentence: sentenceOf(ann, q.start),
  };
}

// ---------------------------------------------------------------- role

const MODIFIER = /^(?:former|acting|deputy|interim|ex-|late)\s*/i;
const ADDED_MODIFIERS = ['former', 'acting', 'deputy'];

/** A titled person: the role modifier removed when it has one, else one added before the title. */
function perturbRole(text: string, ann: Annotations, random: Random): Perturbation | null {
  const sites = ann.mentions.filter(
    (m): m is Mention & { role: string } =>
      m.type === 'person' &&
      m.role !== null &&
      inBody(text, m.start) &&
      !/\bthen\b/i.test(m.role) &&
      text.slice(m.start, m.end).startsWith(m.role),
  );
  const m = pick(sites, random);
  if (!m) return null;
  const existing = MODIFIER.exec(m.role);
  if (existing) {
    const removed = m.role.slice(existing[0].length);
    // "Former GOP candidate": the modifier alone is the role only when the title was read into the name.
    if (!/\p{L}/u.test(removed) && !/^\S+\s+\p{Lu}\S*\s+\p{Lu}/u.test(m.text)) return null;
    return {
      kind: 'role',
      text: splice(
        text,
        m.start,
        m.start + m.role.length,
        removed.charAt(0).toUpperCase() + removed.slice(1),
      ),
      change: `${m.text} → without "${existing[0].trim()}"`,
      sentence: sentenceOf(ann, m.start),
    };
  }
  const modifier = pick(ADDED_MODIFIERS, random)!;
  // A sentence-initial title gives its capital to the modifier.
  const before = text.slice(Math.max(0, m.start - 3), m.start);
  const initial = m.start === 0 || /(?:[.!?]["”]?\s+|\n)$/.test(before);
  const word = initial ? modifier.charAt(0).toUpperCase() + modifier.slice(1) : modifier;
  return {
    kind: 'role',
    text: splice(text, m.start, m.start, `${word} `),
    change: `${m.text} → ${word} ${m.role}`,
    sentence: sentenceOf(ann, m.start),
  };
}

// ---------------------------------------------------------------- polarity

const ANTONYMS: Record<string, string> = {
  accepted: 'rejected',
  accepts: 'rejects',
  approved: 'rejected',
  approves: 'rejects',
  supports: 'opposes',
  supported: 'opposed',
  confirmed: 'denied',
  confirms: 'denies',
  admitted: 'denied',
  admits: 'denies',
  agreed: 'refused',
  agrees: 'refuses',
  acknowledged: 'denied',
  backed: 'opposed',
  backs: 'opposes',
  endorsed: 'rejected',
  endorses: 'rejects',
};
const AUXILIARY =
  /\b(is|was|are|were|has|have|had|will|would|can|could|should|does|do|did|must|may)\s+(?!not\b|n't\b|never\b|no\b)([a-z]{3,})\b/g;
const OPEN_QUESTION = /\bwhether\b/i;
const ALREADY_NEGATED = /(?:\b(?:not|never|no|cannot|deny|denied|denies|refus\w*|reject\w*)\b|n't\b)/i;

interface Site {
  start: number;
  end: number;
  replacement: string;
}

/** A clause negated (" not" after its auxiliary) or reversed (an affirming verb swapped for its antonym). */
function perturbPolarity(text: string, ann: Annotations, random: Random): Perturbation | null {
  const sites: { site: Site; sentence: string }[] = [];
  for (const s of ann.sentences) {
    if (!inBody(text, s.start) || ALREADY_NEGATED.test(s.text) || s.text.split(/\s+/).length < 8) continue;
    // Negating inside an open question ("unclear whether the group was [not] opening up …") asks the
    // same question: no assertion changes, so no site there (since 2026-11-30).
    const question = OPEN_QUESTION.exec(s.text)?.index ?? s.text.length;
    for (const m of s.text.matchAll(/\b[a-z]+\b/g)) {
      const antonym = ANTONYMS[m[0]];
      if (antonym && m.index < question)
        sites.push({
          site: { start: s.start + m.index, end: s.start + m.index + m[0].length, replacement: antonym },
          sentence: s.text,
        });
    }
    for (const m of s.text.matchAll(AUXILIARY)) {
      if (m.index >= question) continue;
      const at = s.start + m.index + m[1]!.length;
      sites.push({ site: { start: at, end: at, replacement: ' not' }, sentence: s.text });
    }
  }
  const chosen = pick(sites, random);
  if (!chosen) return null;
  const { site } = chosen;
  const was = text.slice(site.start, site.end);
  return {
    kind: 'polarity',
    text: splice(text, site.start, site.end, site.replacement),
    change: was ? `${was} → ${site.replacement}` : `inserted "${site.replacement.trim()}"`,
    sentence: chosen.sentence,
  };
}

// ---------------------------------------------------------------- date

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`, '');

/** A day-grain date moved: "March 3" → "March 9"; a weekday moved to another; a month to another. */
function perturbDate(text: string, ann: Annotations, random: Random): Perturbation | null {
  const sites = ann.times.filter(
    (t: TimeRef) =>
      inBody(text, t.start) &&
      t.value !== null &&
      t.resolution !== 'unresolved' &&
      (t.grain === 'day' || t.grain === 'month') &&
      (MONTH_RE.test(t.text) || WEEKDAYS.some((d) => t.text.includes(d))),
  );
  const t = pick(sites, random);
  if (!t) return null;
  let replaced: string | null = null;
  const day = /\b(\d{1,2})(st|nd|rd|th)?\b/.exec(t.text);
  const month = MONTH_RE.exec(t.text);
  if (month && day && !/^\d{4}$/.test(day[1]!)) {
    const d = Number(day[1]);
    const shift = 3 + Math.floor(random() * 5);
    const moved = d + shift <= 28 ? d + shift : d - shift;
    replaced = t.text.slice(0, day.index) + String(moved) + t.text.slice(day.index + day[1]!.length);
  } else if (month) {
    const i = MONTHS.findIndex((m) => m.startsWith(month[1]!.slice(0, 3)));
    const other = MONTHS[(i + 2 + Math.floor(random() * 3)) % 12]!;
    replaced = t.text.slice(0, month.index) + other + t.text.slice(month.index + month[0].length);
  } else {
    const wd = WEEKDAYS.find((d) => t.text.includes(d))!;
    const i = WEEKDAYS.indexOf(wd);
    const other = WEEKDAYS[(i + 2 + Math.floor(random() * 3)) % 7]!;
    replaced = t.text.replace(wd, other);
  }
  return {
    kind: 'date',
    text: splice(text, t.start, t.end, replaced),
    change: `${t.text} → ${replaced}`,
    sentence: sentenceOf(ann, t.start),
  };
}

// ---------------------------------------------------------------- place

const LOCATIVE_BEFORE = /\b(?:in|at|near|outside)\s+(?:the\s+)?$/i;

/** A place the article locates something in swapped for another place name from the pool. */
function perturbPlace(text: string, ann: Annotations, random: Random, pool: string[]): Perturbation | null {
  const places = ann.mentions.filter((m) => m.type === 'place' && !m.demonym && inBody(text, m.start));
  const locative = places.filter((m) => LOCATIVE_BEFORE.test(text.slice(Math.max(0, m.start - 20), m.start)));
  // Only a place something happens in: "the Pennsylvania race" or "a Washington insider" is no event's place.
  const m = pick(locative, random);
  if (!m) return null;
  const names = new Set(places.map((p) => p.name.toLowerCase()));
  const others = pool.filter((p) => !names.has(p.toLowerCase()) && !text.includes(p));
  const other = pick(others, random);
  if (!other) return null;
  return {
    kind: 'place',
    text: splice(text, m.start, m.end, other),
    change: `${m.text} → ${other}`,
    sentence: sentenceOf(ann, m.start),
  };
}

/** One perturbation of the given kind, or null when the article has no suitable site. */
export function perturb(
  kind: Kind,
  text: string,
  ann: Annotations,
  random: Random,
  placePool: string[],
): Perturbation | null {
  switch (kind) {
    case 'number':
      return perturbNumber(text, ann, random);
    case 'role':
      return perturbRole(text, ann, random);
    case 'polarity':
      return perturbPolarity(text, ann, random);
    case 'date':
      return perturbDate(text, ann, random);
    case 'place':
      return perturbPlace(text, ann, random, placePool);
  }
}

const BOILERPLATE = [
  'Follow us for the latest updates throughout the day.',
  'Sign up for our newsletter to get the top stories delivered to your inbox every morning.',
  'This article was republished with permission from a partner site.',
];

/** The same text with its boilerplate changed: a closing line added (and a trailing one replaced). */
export function changeBoilerplate(text: string, random: Random): string {
  return `${text.trimEnd()}\n\n${pick(BOILERPLATE, random)!}`;
}
