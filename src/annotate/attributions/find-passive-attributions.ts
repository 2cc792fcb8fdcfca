import { PASSIVE_CUES } from '../lexicon/cue-verbs.js';
import { contentEnd } from './find-content.js';
import { sourceBefore } from './noun-phrases.js';
import { tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';

const BE = /^(is|are|was|were|be|been|being|['’]s|['’]re)$/;

/**
 * Sourceless passives: "it was reported that …", "it is believed that …" (content after
 * "that"), and "X is said to …", "X is expected to …" (content: X and the infinitive).
 */
export function findPassiveAttributions(ctx: SentenceContext): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  ctx.tokens.forEach((t, i) => {
    const cueClass = PASSIVE_CUES.get(t.lower);
    if (!cueClass) return;
    let be = i - 1;
    while (ctx.tokens[be]?.pos === 'ADV') be--;
    if (!BE.test(ctx.tokens[be]?.lower ?? '')) return;
    const next = ctx.tokens[i + 1]?.lower;
    const last = contentEnd(ctx, i + 1);
    if (last <= i + 1) return;
    const cue = tokenSpan(ctx, be, i);
    if (next === 'that' && ctx.tokens[be - 1]?.lower === 'it') {
      drafts.push({ source: null, cue, cueClass, content: tokenSpan(ctx, i + 1, last), kind: 'reported' });
    } else if (next === 'to') {
      const subject = sourceBefore(ctx.tokens, be, 0);
      const rest = tokenSpan(ctx, i + 1, last);
      const parts = subject ? [tokenSpan(ctx, subject[0], subject[1]), rest] : [rest];
      drafts.push({
        source: null,
        cue,
        cueClass,
        content: rest,
        ...(parts.length > 1 ? { contentParts: parts } : {}),
        kind: 'reported',
      });
    }
  });
  return drafts;
}
