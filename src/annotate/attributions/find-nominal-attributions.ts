import { CUE_NOUNS } from '../lexicon/cue-verbs.js';
import { contentEnd } from './find-content.js';
import { nounPhraseStart } from './noun-phrases.js';
import { tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';
import type { Token } from './tag-tokens.js';

const POSSESSIVE_PRONOUNS = /^(his|her|their|its|our|my)$/;

/** Nominal cues with a "that" clause: "X's claim that …", "her denial that …", "the report that …". */
export function findNominalAttributions(ctx: SentenceContext): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  ctx.tokens.forEach((t, i) => {
    const cueClass = CUE_NOUNS.get(t.lower);
    if (!cueClass || t.pos !== 'NOUN' || ctx.tokens[i + 1]?.lower !== 'that') return;
    const last = contentEnd(ctx, i + 1);
    if (last <= i + 1) return;
    const src = possessor(ctx.tokens, i);
    drafts.push({
      source: src ? tokenSpan(ctx, src[0], src[1]) : null,
      cue: tokenSpan(ctx, i, i),
      cueClass,
      content: tokenSpan(ctx, i + 1, last),
      kind: 'reported',
    });
  });
  return drafts;
}

/** "Trump’s claim" → Trump; "her claim" → her. */
function possessor(tokens: Token[], noun: number): [number, number] | null {
  let k = noun - 1;
  while (tokens[k]?.pos === 'ADJ') k--;
  const t = tokens[k];
  if (t && POSSESSIVE_PRONOUNS.test(t.lower)) return [k, k];
  if (t?.pos !== 'PART' || !/^[’']s?$/.test(t.lower)) return null;
  const start = nounPhraseStart(tokens, k - 1, 0);
  return start === null ? null : [start, k - 1];
}
