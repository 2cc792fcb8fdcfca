import type { Attribution, Hedge, Sentence, Span } from '../../model/annotations.js';
import { HEDGE_LEXICON } from '../lexicon/hedges.js';

interface Pattern {
  kind: Hedge['kind'];
  /** The phrase's words, sticky; the boundaries around it are checked on their own (see matchAt). */
  regex: RegExp;
  /** The phrase's first word, lower-cased: a text without it cannot match. */
  first: string;
  /** Whether the phrase starts with a letter, so that it needs a boundary before it too. */
  letterStart: boolean;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWithLetter = (phrase: string): boolean => /^\p{L}/u.test(phrase);

/**
 * Sticky and case-insensitive in Unicode mode. The whole-word boundaries are not part of
 * the pattern: a letter or digit class in a case-insensitive Unicode pattern costs about
 * 1 ms to compile, once per phrase, which was most of a cold start's hedge finding; one
 * shared class (LETTER_OR_DIGIT) checks them with the same flags, so the same matches.
 */
function phraseRegex(phrase: string): RegExp {
  return new RegExp(phrase.split(' ').map(escape).join('\\s+'), 'iuy');
}

/** One code point that is a letter or digit, as `(?<![\p{L}\p{N}])` under the `iu` flags sees it. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/iuy;
const ASCII_LETTER_OR_DIGIT = /[A-Za-z0-9]/;

/** Whether the code point starting at `at` is a letter or digit (false past the end). */
function letterOrDigitAt(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  // No ASCII character outside A-Z, a-z and 0-9 case-folds into a letter or digit.
  if (c < 0x80) return ASCII_LETTER_OR_DIGIT.test(text[at]!);
  LETTER_OR_DIGIT.lastIndex = at;
  return LETTER_OR_DIGIT.test(text);
}

/** Whether the code point ending at `at` (a surrogate pair read whole) is a letter or digit. */
function letterOrDigitBefore(text: string, at: number): boolean {
  let from = at - 1;
  const c = text.charCodeAt(from);
  if (c >= 0xdc00 && c <= 0xdfff && from > 0) {
    const high = text.charCodeAt(from - 1);
    if (high >= 0xd800 && high <= 0xdbff) from--;
  }
  return letterOrDigitAt(text, from);
}

/** The pattern's match starting at `i` with no letter or digit on either side, or null. */
function matchAt(text: string, pattern: Pattern, i: number): string | null {
  if (pattern.letterStart && letterOrDigitBefore(text, i)) return null;
  pattern.regex.lastIndex = i;
  const m = pattern.regex.exec(text);
  if (m === null) return null;
  // The match's end is fixed (literal words around \s+), so no other match could pass here.
  return letterOrDigitAt(text, m.index + m[0].length) ? null : m[0];
}

// Longest phrases first, so that "could not be verified" wins over its "not".
const PATTERNS: Pattern[] = HEDGE_LEXICON.flatMap(([kind, phrases]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => ({
      kind,
      regex: phraseRegex(p),
      first: p.split(' ')[0]!.toLowerCase(),
      letterStart: startsWithLetter(p),
    })),
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
  for (const pattern of PATTERNS) {
    const { kind } = pattern;
    for (const span of phraseMatches(text, pattern, places)) {
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
function phraseMatches(text: string, pattern: Pattern, places: Map<string, number[]>): Span[] {
  const candidates = LETTER_START.has(pattern.first)
    ? (places.get(pattern.first) ?? [])
    : Array.from({ length: text.length }, (_, i) => i);
  const spans: Span[] = [];
  let from = 0;
  for (const i of candidates) {
    if (i < from) continue;
    const match = matchAt(text, pattern, i);
    if (match === null) continue;
    from = i + Math.max(1, match.length);
    spans.push({ text: match, start: i, end: i + match.length });
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
