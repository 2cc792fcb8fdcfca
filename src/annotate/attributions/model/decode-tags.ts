import type { Attribution, CueClass, Span } from '../../../model/annotations.js';
import { CUE_NOUNS, CUE_VERBS, PASSIVE_CUES } from '../../lexicon/cue-verbs.js';
import type { Token } from '../tag-tokens.js';
import type { TaggerDocument } from './features.js';
import { isInside, roleOf, type Role } from './labels.js';

/** A run of tokens with one role: tokens `first`..`last` (both included). */
export interface TaggedSpan {
  role: Role;
  first: number;
  last: number;
}

/** The spans of a label sequence: a B- label or a change of role starts a new one. */
export function spansOf(labels: ArrayLike<number>): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let open: TaggedSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const role = roleOf(label);
    if (open && role === open.role && isInside(label)) {
      open.last = i;
      continue;
    }
    if (open) spans.push(open);
    open = role ? { role, first: i, last: i } : null;
  }
  if (open) spans.push(open);
  return spans;
}

// Chosen on a held-out fifth of PolNeAR train: gaps of 1, 2 and 3 words each gained half a point of cue F1 over 0.
const CUE_GAP = 2;

/**
 * Joins cue spans of one sentence that only a short gap of unlabelled words separates
 * ("expressed … dismay at"): PolNeAR cues are continuous, and a tagger that drops a word
 * in the middle of one would otherwise make two attributions of it.
 */
function joinCues(doc: TaggerDocument, spans: TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (
      last &&
      last.role === 'CUE' &&
      span.role === 'CUE' &&
      span.first - last.last - 1 <= CUE_GAP &&
      doc.sentenceOf[span.first] === doc.sentenceOf[last.last] &&
      !gapHasPunct(doc, last.last + 1, span.first)
    ) {
      last.last = span.last;
      continue;
    }
    out.push(span);
  }
  return out;
}

function gapHasPunct(doc: TaggerDocument, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((doc.tokens[k] as Token).pos === 'PUNCT') return true;
  return false;
}

/** Words a content span cannot end on when unlabelled words of the same phrase follow. */
const OPEN_END = new Set(['DET', 'ADP', 'ADJ', 'CCONJ', 'PART', 'AUX', 'SCONJ']);
/** Words of a noun phrase that may complete such a span. */
const PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const MAX_COMPLETION = 6;

/**
 * A content span that stops on a word that cannot end a phrase ("will reopen in", "The")
 * takes in the unlabelled noun phrase that follows in its sentence ("in May").
 */
function completeContent(doc: TaggerDocument, labels: ArrayLike<number>, span: TaggedSpan): TaggedSpan {
  const { tokens, sentenceOf } = doc;
  if (!OPEN_END.has((tokens[span.last] as Token).pos)) return span;
  let last = span.last;
  while (
    last + 1 < tokens.length &&
    last - span.last < MAX_COMPLETION &&
    labels[last + 1] === 0 &&
    sentenceOf[last + 1] === sentenceOf[span.last] &&
    PHRASE.has((tokens[last + 1] as Token).pos)
  ) {
    last++;
  }
  return last === span.last ? span : { ...span, last };
}

/** Words that may open a clause's subject before its verb ("the fire", "prices", "it"). */
const SUBJECT = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PRON']);
const VERBAL = new Set(['AUX', 'VERB']);

/**
 * A content span that starts on a verb ("… told reporters [was contained]") takes in the
 * unlabelled subject just before it, up to its determiner or pronoun ("the fire"), never
 * past a labelled token or out of its sentence.
 */
function completeContentStart(doc: TaggerDocument, labels: ArrayLike<number>, span: TaggedSpan): TaggedSpan {
  const { tokens, sentenceOf } = doc;
  if (!VERBAL.has((tokens[span.first] as Token).pos)) return span;
  let first = span.first;
  while (
    first - 1 >= 0 &&
    span.first - first < MAX_COMPLETION &&
    labels[first - 1] === 0 &&
    sentenceOf[first - 1] === sentenceOf[span.first] &&
    SUBJECT.has((tokens[first - 1] as Token).pos)
  ) {
    first--;
    const pos = (tokens[first] as Token).pos;
    if (pos === 'DET' || pos === 'PRON') break;
  }
  return first === span.first ? span : { ...span, first };
}

interface Group {
  cue: TaggedSpan;
  source: TaggedSpan | null;
  content: TaggedSpan[];
}

/**
 * Attributions from the tagger's labels: each cue span heads one attribution; every
 * content and source span joins the nearest cue of its sentence (else of the sentence
 * before or after). A cue left without content takes the rules' content for that cue,
 * else the rest of its sentence.
 */
export function decodeTags(doc: TaggerDocument, labels: ArrayLike<number>): Attribution[] {
  const spans = joinCues(doc, spansOf(labels)).map((s) =>
    s.role === 'CONTENT' ? completeContentStart(doc, labels, completeContent(doc, labels, s)) : s,
  );
  const groups: Group[] = spans
    .filter((s) => s.role === 'CUE')
    .map((cue) => ({ cue, source: null, content: [] }));
  if (groups.length === 0) return [];
  for (const span of spans) {
    if (span.role === 'CONTENT') nearest(doc, span, groups, () => true)?.content.push(span);
  }
  linkSources(
    doc,
    spans.filter((s) => s.role === 'SOURCE'),
    groups,
  );
  const attributions: Attribution[] = [];
  for (const g of groups) {
    const cue = spanOfTokens(doc, g.cue);
    const parts = g.content.map((c) => spanOfTokens(doc, c)).sort((a, b) => a.start - b.start);
    if (parts.length === 0) {
      const fallback = fallbackContent(doc, g.cue);
      if (!fallback) continue;
      parts.push(fallback);
    }
    const source = g.source ? spanOfTokens(doc, g.source) : null;
    const first = parts[0] as Span;
    const all = [cue, ...parts, ...(source ? [source] : [])];
    const start = Math.min(...all.map((s) => s.start));
    const end = Math.max(...all.map((s) => s.end));
    attributions.push({
      text: doc.text.slice(start, end),
      start,
      end,
      source,
      sourceKey: null,
      cue,
      cueClass: cueClassOfTokens(doc.tokens.slice(g.cue.first, g.cue.last + 1)),
      content: first,
      ...(parts.length > 1 ? { contentParts: parts } : {}),
      kind: isQuoted(doc, g.content[0]) ? 'direct' : 'reported',
      parent: null,
    });
  }
  return attributions.sort((a, b) => a.cue.start - b.cue.start);
}

/**
 * Gives each cue at most one source and each source at most one cue: the closest pairs
 * first (same sentence before adjacent ones, then by token distance), so that a source
 * is not taken by a farther cue before its own.
 */
function linkSources(doc: TaggerDocument, sources: TaggedSpan[], groups: Group[]): void {
  const pairs: Array<{ key: number; source: TaggedSpan; group: Group }> = [];
  for (const source of sources) {
    for (const group of groups) {
      const key = distance(doc, source, group.cue);
      if (key < Infinity) pairs.push({ key, source, group });
    }
  }
  pairs.sort((a, b) => a.key - b.key);
  const used = new Set<TaggedSpan>();
  for (const { source, group } of pairs) {
    if (group.source !== null || used.has(source)) continue;
    group.source = source;
    used.add(source);
  }
}

/** Distance of a span from a cue: sentence gap first, then tokens; Infinity beyond the adjacent sentence. */
function distance(doc: TaggerDocument, span: TaggedSpan, cue: TaggedSpan): number {
  const from = doc.sentenceOf[span.first] as number;
  const to = doc.sentenceOf[span.last] as number;
  const cs = doc.sentenceOf[cue.first] as number;
  const sentenceGap = cs < from ? from - cs : cs > to ? cs - to : 0;
  if (sentenceGap > 1) return Infinity;
  const tokenGap = cue.first > span.last ? cue.first - span.last : span.first - cue.last;
  return sentenceGap * 100_000 + Math.abs(tokenGap);
}

/** The group whose cue is nearest to `span`: same sentence first, else the adjacent sentences. */
function nearest(
  doc: TaggerDocument,
  span: TaggedSpan,
  groups: Group[],
  eligible: (g: Group) => boolean,
): Group | null {
  let best: Group | null = null;
  let bestKey = Infinity;
  for (const g of groups) {
    if (!eligible(g)) continue;
    const key = distance(doc, span, g.cue);
    if (key < bestKey) {
      bestKey = key;
      best = g;
    }
  }
  return best;
}

function spanOfTokens(doc: TaggerDocument, span: TaggedSpan): Span {
  const start = (doc.tokens[span.first] as Token).start;
  const end = (doc.tokens[span.last] as Token).end;
  return { text: doc.text.slice(start, end), start, end };
}

function isQuoted(doc: TaggerDocument, span: TaggedSpan | undefined): boolean {
  return !!span && doc.quoted[span.first] === 1 && doc.quoted[span.last] === 1;
}

/** The stance of a cue from its words in the lexicon; `assert` when none is listed. */
export function cueClassOfTokens(tokens: Token[]): CueClass {
  for (const t of tokens) {
    const c =
      CUE_VERBS.get(t.lemma)?.cueClass ??
      CUE_VERBS.get(t.lower)?.cueClass ??
      CUE_NOUNS.get(t.lower) ??
      PASSIVE_CUES.get(t.lower);
    if (c) return c;
  }
  return 'assert';
}

/** Content for a cue the tagger left without one: the rules' content for that cue, else the rest of its sentence. */
function fallbackContent(doc: TaggerDocument, cue: TaggedSpan): Span | null {
  const start = (doc.tokens[cue.first] as Token).start;
  const end = (doc.tokens[cue.last] as Token).end;
  const rule = doc.rules.find((a) => a.cue.start < end && start < a.cue.end);
  if (rule) return rule.content;
  const s = doc.sentenceOf[cue.first] as number;
  let last = cue.last;
  while (last + 1 < doc.tokens.length && doc.sentenceOf[last + 1] === s) last++;
  while (last > cue.last && (doc.tokens[last] as Token).pos === 'PUNCT') last--;
  if (last === cue.last) return null;
  return spanOfTokens(doc, { role: 'CONTENT', first: cue.last + 1, last });
}
