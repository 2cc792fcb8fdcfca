import type { Attribution, Hedge, Sentence, Span } from '../../model/annotations.js';
import { HEDGE_LEXICON } from '../lexicon/hedges.js';

interface Pattern {
  kind: Hedge['kind'];
  regex: RegExp;
  /** The phrase's first word, lower-cased: a text without it cannot match. */
  first: string;
}

// Longest phrases first, so that "could not be verified" wins over its "not".
const PATTERNS: Pattern[] = HEDGE_LEXICON.flatMap(([kind, phrases]) =>
  [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => ({ kind, regex: phraseRegex(p), first: p.split(' ')[0]!.toLowerCase() })),
);

function phraseRegex(phrase: string): RegExp {
  const body = phrase
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const start = /^\p{L}/u.test(phrase) ? '(?<![\\p{L}\\p{N}])' : '';
  return new RegExp(`${start}${body}(?![\\p{L}\\p{N}])`, 'giu');
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
  // Skipping the phrases whose first word is absent saves most of the regex scans. The
  // long s is the one letter that case-insensitive matching folds to ASCII but
  // toLowerCase leaves alone.
  const lower = text.toLowerCase().replace(/ſ/g, 's');
  const present = new Map<string, boolean>();
  for (const { kind, regex, first } of PATTERNS) {
    let has = present.get(first);
    if (has === undefined) present.set(first, (has = lower.includes(first)));
    if (!has) continue;
    for (const m of text.matchAll(regex)) {
      const span = { text: m[0], start: m.index, end: m.index + m[0].length };
      if (hedges.some((h) => h.start < span.end && span.start < h.end)) continue;
      const scope = scopeOf(span, sentences, attributions);
      if (scope) hedges.push({ ...span, kind, scope });
    }
  }
  hedges.push(...denials(attributions, hedges));
  return hedges.sort((a, b) => a.start - b.start);
}

/** A deny-class cue negates the content it introduces. */
function denials(attributions: Attribution[], found: Hedge[]): Hedge[] {
  return attributions
    .filter((a) => a.cueClass === 'deny' && !found.some((h) => h.start < a.cue.end && a.cue.start < h.end))
    .map((a) => ({ ...a.cue, kind: 'negation' as const, scope: a.content }));
}

/** The tightest attribution content containing the span, else its sentence. */
function scopeOf(span: Span, sentences: Sentence[], attributions: Attribution[]): Span | null {
  const contents = attributions
    .flatMap((a) => a.contentParts ?? [a.content])
    .filter((c) => c.start <= span.start && span.end <= c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
  return contents[0] ?? sentences.find((s) => s.start <= span.start && span.end <= s.end) ?? null;
}
