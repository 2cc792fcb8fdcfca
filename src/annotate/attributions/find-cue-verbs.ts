import { CUE_VERBS, type CueVerb } from '../lexicon/cue-verbs.js';
import { quoteAround, type SentenceContext } from './sentence-context.js';
import type { Token } from './tag-tokens.js';

/** A cue verb in a sentence: `verb` is its index; `first`..`last` the whole cue ("did not deny", "point out"). */
export interface CueCandidate {
  verb: number;
  first: number;
  last: number;
  entry: CueVerb;
}

const NEGATION = /^(not|n[’']t|never)$/;

/** Cue verbs of the sentence that are not inside a quotation. */
export function findCueVerbs(ctx: SentenceContext): CueCandidate[] {
  const found: CueCandidate[] = [];
  ctx.tokens.forEach((t, i) => {
    const candidate = cueAt(ctx.tokens, t, i);
    if (candidate && !quoteAround(ctx, t.start, t.end)) found.push(candidate);
  });
  return found;
}

function cueAt(tokens: Token[], t: Token, i: number): CueCandidate | null {
  if (t.pos !== 'VERB') return null;
  const entry = CUE_VERBS.get(t.lemma) ?? CUE_VERBS.get(t.lower);
  if (!entry) return null;
  const next = tokens[i + 1];
  const particle = !!next && !!entry.particles?.includes(next.lower);
  if (entry.needsParticle && !particle) return null;
  return { verb: i, first: negationStart(tokens, i), last: particle ? i + 1 : i, entry };
}

function negationStart(tokens: Token[], i: number): number {
  if (!NEGATION.test(tokens[i - 1]?.lower ?? '')) return i;
  return tokens[i - 2]?.pos === 'AUX' ? i - 2 : i - 1;
}
