import type { CueCandidate } from './find-cue-verbs.js';
import { contentAfter } from './find-content.js';
import { clauseSubject, nounPhraseEnd, sourceAfter, sourceBefore } from './noun-phrases.js';
import { isPunct, tokenSpan, type AttributionDraft, type SentenceContext } from './sentence-context.js';
import type { Token } from './tag-tokens.js';

const TRAILING = new Set(['ADP', 'NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PUNCT', 'ADV', 'PRON']);
const MAX_TRAILING = 10;
const TIME_WORD =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last|this|earlier|later)$/;

/**
 * Reported speech and thought: "X said (that) …", "X told reporters …", "X claimed …",
 * inverted "…, X said." and "…, said X.", and participles "…, saying …" (speaker = subject).
 */
export function findReportedSpeech(ctx: SentenceContext, cues: CueCandidate[]): AttributionDraft[] {
  const drafts: AttributionDraft[] = [];
  for (const cue of cues) {
    if (cue.entry.quoteOnly) continue;
    const draft = inverted(ctx, cue) ?? forward(ctx, cue);
    if (draft) drafts.push(draft);
  }
  return drafts;
}

function inverted(ctx: SentenceContext, cue: CueCandidate): AttributionDraft | null {
  const { tokens } = ctx;
  if (!onlyTrailing(tokens, cue.last + 1, !!cue.entry.takesListener)) return null;
  const before = sourceBefore(tokens, cue.first, 0);
  const after = isPunct(tokens[cue.first - 1], ',')
    ? sourceAfter(tokens, cue.last + 1, tokens.length - 1)
    : null;
  const src = before && isPunct(tokens[before[0] - 1], ',') ? before : after;
  const comma = src === before ? (before?.[0] ?? 0) - 1 : cue.first - 1;
  if (!src || comma < 1) return null;
  return draft(ctx, cue, src, [0, comma - 1]);
}

function forward(ctx: SentenceContext, cue: CueCandidate): AttributionDraft | null {
  const { tokens } = ctx;
  const content = contentAfter(ctx, cue.last + 1, !!cue.entry.takesListener);
  if (!content) return null;
  const src = isParticiple(tokens, cue)
    ? (clauseSubject(tokens, cue.first) ?? participleSubject(tokens, cue))
    : (sourceBefore(tokens, cue.first, 0) ?? clauseSubject(tokens, cue.first));
  return src ? draft(ctx, cue, src, content) : null;
}

function isParticiple(tokens: Token[], cue: CueCandidate): boolean {
  return !!tokens[cue.verb]?.lower.endsWith('ing') && isPunct(tokens[cue.first - 1], ',');
}

/** "The mayor left early, saying …": the subject at the start of the sentence speaks. */
function participleSubject(tokens: Token[], cue: CueCandidate): [number, number] | null {
  if (!isParticiple(tokens, cue)) return null;
  const end = nounPhraseEnd(tokens, 0, cue.first - 1);
  return end === null ? null : [0, end];
}

/**
 * After an inverted cue only adverbials may follow ("said Tuesday", "said in a statement",
 * "told reporters" for verbs with a listener), never an object or a clause.
 */
function onlyTrailing(tokens: Token[], from: number, listener: boolean): boolean {
  const rest = tokens.slice(from).filter((t) => !isPunct(t));
  if (rest.length > MAX_TRAILING || rest.some((t) => !TRAILING.has(t.pos) || t.lower === 'that'))
    return false;
  const first = rest[0];
  if (!first || listener || first.pos === 'ADP' || first.pos === 'ADV') return true;
  return TIME_WORD.test(first.lower) || (first.pos === 'PROPN' && isPunct(tokens[from - 2], ','));
}

function draft(
  ctx: SentenceContext,
  cue: CueCandidate,
  src: [number, number],
  content: [number, number],
): AttributionDraft {
  return {
    source: tokenSpan(ctx, src[0], src[1]),
    cue: tokenSpan(ctx, cue.first, cue.last),
    cueClass: cue.entry.cueClass,
    content: tokenSpan(ctx, content[0], content[1]),
    kind: 'reported',
  };
}
