import { contentEnd } from './find-content.js';
import { nounPhraseEnd } from './noun-phrases.js';
import { tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';

const MAX_SPEAKER = 6;

/** Headline and lead style "Speaker: content" ("Mayor: the bridge will reopen"). */
export function findColonAttributions(ctx: SentenceContext): AttributionDraft[] {
  const { tokens } = ctx;
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > MAX_SPEAKER) return [];
  const end = nounPhraseEnd(tokens, 0, colon - 1);
  const hasName = tokens.slice(0, colon).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN');
  const last = contentEnd(ctx, colon + 1);
  if (end !== colon - 1 || !hasName || last < colon + 1) return [];
  return [
    {
      source: tokenSpan(ctx, 0, end),
      cue: tokenSpan(ctx, colon, colon),
      cueClass: 'assert',
      content: tokenSpan(ctx, colon + 1, last),
      kind: tokens[colon + 1]?.pos === 'PUNCT' ? 'direct' : 'reported',
    },
  ];
}
