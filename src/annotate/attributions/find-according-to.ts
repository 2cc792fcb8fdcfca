import { contentEnd } from './find-content.js';
import { isPunct, tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';

/** "According to X, …" and "…, according to X." */
export function findAccordingTo(ctx: SentenceContext): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  ctx.tokens.forEach((t, k) => {
    if (t.lower !== 'according' || ctx.tokens[k + 1]?.lower !== 'to') return;
    const draft = leading(ctx, k) ?? trailing(ctx, k);
    if (draft) drafts.push(draft);
  });
  return drafts;
}

function sourceEnd(ctx: SentenceContext, from: number): number {
  let j = from;
  while (j + 1 < ctx.tokens.length && !isPunct(ctx.tokens[j + 1], ',.;:!?—–()')) j++;
  return j;
}

/** "According to X, CONTENT." */
function leading(ctx: SentenceContext, k: number): AttributionDraft | null {
  const { tokens } = ctx;
  if (tokens.slice(0, k).some((t) => t.pos !== 'PUNCT' && t.pos !== 'CCONJ' && t.pos !== 'ADV')) return null;
  const end = sourceEnd(ctx, k + 2);
  let from = end + 1;
  while (isPunct(tokens[from], ',')) from++;
  const last = contentEnd(ctx, from);
  if (end < k + 2 || last < from) return null;
  return build(ctx, k, [k + 2, end], [from, last]);
}

/** "CONTENT, according to X." (or in the middle of the sentence). */
function trailing(ctx: SentenceContext, k: number): AttributionDraft | null {
  const end = sourceEnd(ctx, k + 2);
  const last = isPunct(ctx.tokens[k - 1], ',') ? k - 2 : k - 1;
  if (end < k + 2 || last < 0) return null;
  return build(ctx, k, [k + 2, end], [0, last]);
}

function build(
  ctx: SentenceContext,
  k: number,
  src: [number, number],
  content: [number, number],
): AttributionDraft {
  return {
    source: tokenSpan(ctx, src[0], src[1]),
    cue: tokenSpan(ctx, k, k + 1),
    cueClass: 'assert',
    content: tokenSpan(ctx, content[0], content[1]),
    kind: 'reported',
  };
}
