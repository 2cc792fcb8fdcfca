import type { Attribution, Hedge, Sentence, Span } from '../../model/annotations.js';
import { HEDGE_LEXICON } from '../lexicon/hedges.js';

interface Pattern {
  kind: Hedge['kind'];
  regex: RegExp;
  /** The phrase's first word, lower-cased: a text without it cannot match. */
  first: string;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWithLetter = (phrase: string): boolean => /^\p{L}/u.test(phrase);

function phraseRegex(phrase: string): RegExp {
  const body = phrase.split(' ').map(escape).join('\\s+');
  const start = startsWithLetter(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
  // Sticky: tried only where the phrase's first word stands (see firstWordPlaces).
  return new RegExp(`${start}${body}(?![\\p{L}\\p{N}])`, 'iuy');
}

// Longest phrases first, so that "could not be verified" wins over its "not".
const PATTERNS: Pattern[] = HEDGE_LEXICON.flatMap(([kind, phrases]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => ({ kind, regex: phraseRegex(p), first: p.split(' ')[0]!.toLowerCase() })),
);

/**
 * Every first word of a phrase that starts with a letter, as a whole word: one scan
 * finds where each stands, and a phrase is tried only there. A phrase match starts with
 * its first word with no letter or digit on either side, so this misses none. The scan
 * looks at ASCII letters and digits only (several times faster than Unicode classes),
 * which finds a superset; the phrase itself checks the Unicode boundaries.
 */
const FIRST_WORDS = [...new Set(PATTERNS.map((p) => p.first))].sort((a, b) => b.length - a.length);
const FIRST_WORDS_BODY = FIRST_WORDS.map(escape).join('|');
const FIRST_WORD_ASCII = new RegExp(`(?<![A-Za-z0-9])(?:${FIRST_WORDS_BODY})(?![A-Za-z0-9])`, 'gi');
// Long s and the Kelvin sign match "s" and "k" only in a Unicode-aware case-insensitive scan.
const FIRST_WORD_UNICODE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${FIRST_WORDS_BODY})(?![\\p{L}\\p{N}])`, 'giu');
const FOLDS_TO_ASCII = /[\u017F\u212A]/;
const LETTER_START = new Set(PATTERNS.filter((p) => startsWithLetter(p.first)).map((p) => p.first));

/** Where each first word stands in `text`, by its lower-case form. */
function firstWordPlaces(text: string): Map<string, number[]> {
  const places = new Map<string, number[]>();
  const scan = FOLDS_TO_ASCII.test(text) ? FIRST_WORD_UNICODE : FIRST_WORD_ASCII;
  scan.lastIndex = 0;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    const word = m[0].toLowerCase().replace(/ſ/g, 's');
    const list = places.get(word);
    if (list) list.push(m.index);
    else places.set(word, [m.index]);
  }
  return places;
}

/**
 * Hedges ("reportedly", "said to be"), verification markers ("could not be independently
 * verified", "unconfirmed") and negations ("not", "never", and deny-class cues), each
 * scoped to the attribution content it sits in, else to its sentence.
 */
export function findHedges(text: string, sentences: Sentence[], attributions: Attribution[]): Hedge[] {
  if (typeof text !== 'string' || !Array.isArray(sentences) || !Array.isArray(attributions)) {
    throw new TypeError(
      'findHedges(text, sentences, attributions): pass the text, its sentences and attributions',
    );
  }
  const hedges: Hedge[] = [];
  const places = firstWordPlaces(text);
  const contents = attributions.flatMap((a) => a.contentParts ?? [a.content]);
  for (const { kind, regex, first } of PATTERNS) {
    for (const span of phraseMatches(text, regex, first, places)) {
      if (hedges.some((h) => h.start < span.end && span.start < h.end)) continue;
      const scope = scopeOf(span, sentences, contents);
      if (scope) hedges.push({ ...span, kind, scope });
    }
  }
  hedges.push(...denials(attributions, hedges));
  return hedges.sort((a, b) => a.start - b.start);
}

/**
 * The phrase's matches, left to right and not overlapping each other, as matchAll would
 * find them: tried at the places of its first word, or, for a phrase that does not start
 * with a letter, at every position.
 */
function phraseMatches(text: string, regex: RegExp, first: string, places: Map<string, number[]>): Span[] {
  const candidates = LETTER_START.has(first)
    ? (places.get(first) ?? [])
    : Array.from({ length: text.length }, (_, i) => i);
  const spans: Span[] = [];
  let from = 0;
  for (const i of candidates) {
    if (i < from) continue;
    regex.lastIndex = i;
    const m = regex.exec(text);
    if (m === null) continue;
    from = i + Math.max(1, m[0].length);
    spans.push({ text: m[0], start: i, end: i + m[0].length });
  }
  return spans;
}

/** A deny-class cue negates the content it introduces. */
function denials(attributions: Attribution[], found: Hedge[]): Hedge[] {
  return attributions
    .filter((a) => a.cueClass === 'deny' && !found.some((h) => h.start < a.cue.end && a.cue.start < h.end))
    .map((a) => ({ ...a.cue, kind: 'negation' as const, scope: a.content }));
}

/** The tightest attribution content containing the span (the first of equals), else its sentence. */
function scopeOf(span: Span, sentences: Sentence[], contents: Span[]): Span | null {
  let best: Span | null = null;
  for (const c of contents) {
    if (
      c.start <= span.start &&
      span.end <= c.end &&
      (best === null || c.end - c.start < best.end - best.start)
    )
      best = c;
  }
  return best ?? sentences.find((s) => s.start <= span.start && span.end <= s.end) ?? null;
}
