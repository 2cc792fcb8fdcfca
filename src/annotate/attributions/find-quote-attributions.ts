import type { Span } from '../../model/annotations.js';
import type { CueCandidate } from './find-cue-verbs.js';
import { clauseSubject, nounPhraseEnd, sourceBefore, sourceAfter } from './noun-phrases.js';
import { isPunct, tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';

const MAX_GAP = 12;
const BRIDGE = new Set(['ADP', 'NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PUNCT', 'ADV', 'PRON']);

/**
 * Direct quotations framed by a cue: "“…,” X said", "“…,” said X", "X said: “…”",
 * "X told reporters, “…”", and "“…,” X said, “…”" (two pieces of one content).
 */
export function findQuoteAttributions(ctx: SentenceContext, cues: CueCandidate[]): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  for (const cue of cues) {
    const draft = quoteBeforeCue(ctx, cue) ?? quoteAfterCue(ctx, cue);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function quoteBeforeCue(ctx: SentenceContext, cue: CueCandidate): AttributionDraft | null {
  const { tokens } = ctx;
  const cueStart = tokens[cue.first]?.start ?? 0;
  const quote = ctx.quotes.find(
    (q) => q.end <= cueStart && q.end > ctx.sentence.start && gapOk(ctx, q.end, cue.first),
  );
  if (!quote) return null;
  const firstAfterQuote = tokens.findIndex((t) => t.start >= quote.end);
  const hasSourceBetween = tokens.slice(firstAfterQuote, cue.first).some((t) => !isPunct(t));
  const src = hasSourceBetween
    ? sourceBefore(tokens, cue.first, firstAfterQuote)
    : sourceAfter(tokens, cue.last + 1, tokens.length - 1);
  const after = src ? quoteStartingAfter(ctx, Math.max(cue.last, src[1]) + 1) : null;
  return {
    source: src ? tokenSpan(ctx, src[0], src[1]) : null,
    cue: tokenSpan(ctx, cue.first, cue.last),
    cueClass: cue.entry.cueClass,
    content: quote,
    ...(after ? { contentParts: [quote, after] } : {}),
    kind: 'direct',
  };
}

function quoteAfterCue(ctx: SentenceContext, cue: CueCandidate): AttributionDraft | null {
  const { tokens } = ctx;
  let from = cue.last + 1;
  if (cue.entry.takesListener) from = (nounPhraseEnd(tokens, from, tokens.length - 1) ?? from - 1) + 1;
  const quote = quoteStartingAfter(ctx, from);
  const src = sourceBefore(tokens, cue.first, 0) ?? clauseSubject(tokens, cue.first);
  if (!quote || !src) return null;
  return {
    source: tokenSpan(ctx, src[0], src[1]),
    cue: tokenSpan(ctx, cue.first, cue.last),
    cueClass: cue.entry.cueClass,
    content: quote,
    kind: 'direct',
  };
}

/** Only punctuation and a short speaker phrase between the end of a quote and the cue. */
function gapOk(ctx: SentenceContext, quoteEnd: number, cueIndex: number): boolean {
  const between = ctx.tokens.filter((t, i) => t.start >= quoteEnd && i < cueIndex);
  return between.length <= MAX_GAP && between.every((t) => BRIDGE.has(t.pos) && t.pos !== 'VERB');
}

/** A quotation opening within a few tokens after token `from` (past commas, a colon, adverbials). */
function quoteStartingAfter(ctx: SentenceContext, from: number): Span | null {
  const { tokens } = ctx;
  for (let k = from; k < tokens.length && k - from < 6; k++) {
    const t = tokens[k];
    if (!t) break;
    const quote = ctx.quotes.find((q) => q.start === t.start);
    if (quote) return quote;
    if (!BRIDGE.has(t.pos) || t.lower === 'that') break;
  }
  return null;
}
