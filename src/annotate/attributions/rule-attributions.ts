import type { Attribution, Sentence, Span } from '../../model/annotations.js';
import { continueQuotes } from './continue-quotes.js';
import { findAccordingTo } from './find-according-to.js';
import { findColonAttributions } from './find-colon-attributions.js';
import { findCueVerbs } from './find-cue-verbs.js';
import { findNominalAttributions } from './find-nominal-attributions.js';
import { findPassiveAttributions } from './find-passive-attributions.js';
import { findQuoteAttributions } from './find-quote-attributions.js';
import { findQuotes } from './find-quotes.js';
import { findReportedSpeech } from './find-reported-speech.js';
import { spanOf, type AttributionDraft, type SentenceContext } from './sentence-context.js';
import { tagTokens, type Token } from './tag-tokens.js';

/**
 * Attributions of `text` found by the hand-written rules: direct quotations, reported
 * speech, "according to", nominal and passive cues. Nested attributions point to the one
 * they sit in through `parent`. `sourceKey` is left null for entity resolution to fill.
 */
export function ruleAttributions(
  text: string,
  sentences: Sentence[],
  tokens: Token[] = tagTokens(text),
  quotes: Span[] = findQuotes(text),
): Attribution[] {
  const drafts: AttributionDraft[] = [];
  for (const ctx of contexts(text, sentences, tokens, quotes)) {
    drafts.push(...keepDistinct(rulesFor(ctx), drafts));
  }
  continueQuotes(drafts, sentences, quotes);
  return nest(
    text,
    drafts.sort((a, b) => a.cue.start - b.cue.start),
  );
}

/** Drafts of every rule for one sentence, the most specific rules first. */
function rulesFor(ctx: SentenceContext): AttributionDraft[] {
  const cues = findCueVerbs(ctx);
  return [
    ...findQuoteAttributions(ctx, cues),
    ...findAccordingTo(ctx),
    ...findPassiveAttributions(ctx),
    ...findReportedSpeech(ctx, cues),
    ...findNominalAttributions(ctx),
    ...findColonAttributions(ctx),
  ];
}

function contexts(text: string, sentences: Sentence[], tokens: Token[], quotes: Span[]): SentenceContext[] {
  const result: SentenceContext[] = [];
  let k = 0;
  for (const sentence of sentences) {
    while (k < tokens.length && (tokens[k]?.end ?? 0) <= sentence.start) k++;
    const mine: Token[] = [];
    while (k < tokens.length && (tokens[k]?.start ?? Infinity) < sentence.end)
      mine.push(tokens[k++] as Token);
    result.push({ text, sentence, tokens: mine, quotes });
  }
  return result;
}

/** Candidates whose cue overlaps no cue or source already taken. */
function keepDistinct(candidates: AttributionDraft[], taken: AttributionDraft[]): AttributionDraft[] {
  const kept: AttributionDraft[] = [];
  for (const c of candidates) {
    const clash = [...taken, ...kept].some(
      (d) => overlaps(d.cue, c.cue) || (d.source !== null && overlaps(d.source, c.cue)),
    );
    if (!clash) kept.push(c);
  }
  return kept;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function nest(text: string, drafts: AttributionDraft[]): Attribution[] {
  return drafts.map((d, i) => ({ ...whole(text, d), parent: parentOf(drafts, i) }));
}

/** The attribution whose content most tightly contains this one's cue. */
function parentOf(drafts: AttributionDraft[], i: number): number | null {
  const cue = (drafts[i] as AttributionDraft).cue;
  let best: number | null = null;
  let bestSize = Infinity;
  drafts.forEach((d, j) => {
    if (j === i || contains(drafts[i] as AttributionDraft, d.cue)) return;
    const part = (d.contentParts ?? [d.content]).find((p) => p.start <= cue.start && cue.end <= p.end);
    if (part && part.end - part.start < bestSize) {
      best = j;
      bestSize = part.end - part.start;
    }
  });
  return best;
}

function contains(d: AttributionDraft, span: Span): boolean {
  return (d.contentParts ?? [d.content]).some((p) => p.start <= span.start && span.end <= p.end);
}

function whole(text: string, d: AttributionDraft): Omit<Attribution, 'parent'> {
  const spans = [d.cue, ...(d.contentParts ?? [d.content]), ...(d.source ? [d.source] : [])];
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.end));
  return { ...spanOf(text, start, end), ...d, sourceKey: null };
}
