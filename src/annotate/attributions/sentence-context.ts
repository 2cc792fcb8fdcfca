import type { CueClass, Sentence, Span } from '../../model/annotations.js';
import type { Token } from './tag-tokens.js';

/** What the rule files see of one sentence. */
export interface SentenceContext {
  text: string;
  sentence: Sentence;
  /** The tokens of this sentence only. */
  tokens: Token[];
  /** Every quotation of the text (they may run across sentences). */
  quotes: Span[];
}

/** An attribution found by one rule, before nesting and numbering. */
export interface AttributionDraft {
  source: Span | null;
  cue: Span;
  cueClass: CueClass;
  content: Span;
  /** Pieces of a discontinuous content, in text order, when there is more than one. */
  contentParts?: Span[];
  kind: 'direct' | 'reported';
}

export function spanOf(text: string, start: number, end: number): Span {
  return { text: text.slice(start, end), start, end };
}

/** The span from token `i` to token `j` (both included). */
export function tokenSpan(ctx: SentenceContext, i: number, j: number): Span {
  const a = ctx.tokens[i];
  const b = ctx.tokens[j];
  if (!a || !b || j < i) throw new TypeError(`tokenSpan(ctx, ${i}, ${j}): token indexes out of range`);
  return spanOf(ctx.text, a.start, b.end);
}

/** The quotation that strictly contains the offset range, if any. */
export function quoteAround(ctx: SentenceContext, start: number, end: number): Span | undefined {
  return ctx.quotes.find((q) => q.start < start && end < q.end);
}

export function isPunct(t: Token | undefined, chars?: string): boolean {
  if (!t || t.pos !== 'PUNCT') return false;
  return chars === undefined || chars.includes(t.text);
}

export const OPENING_QUOTES = '“"«‘\'`';
export const CLOSING_QUOTES = '”"»’\'';
