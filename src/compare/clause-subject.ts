import type { Annotations, Mention, MentionType } from '../model/annotations.js';
import { wordConcepts } from './to-concepts.js';

/**
 * The subject of a clause: the noun phrase before its verb, once a reporting frame ("the
 * ministry said that …"), a leading conjunction ("But …") and a leading phrase set off by a
 * comma ("On Tuesday, …") are taken off. Identified by the entity keys of the mentions in it
 * and the concept of its head word; `null` where the clause gives no usable subject (none
 * found, or only a pronoun, which this comparison does not resolve).
 */
export interface ClauseSubject {
  text: string;
  /** `E:<key>` for each mention in the subject, and the concept of its head word. */
  ids: Set<string>;
  /** The type of the first mention in it, or `common` for a noun phrase without a name. */
  kind: MentionType | 'common';
}

interface Word {
  word: string;
  lower: string;
  /** Offset relative to the clause. */
  at: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].map((m) => ({
    word: m[0],
    lower: m[0].toLowerCase().replace(/[.]$/, ''),
    at: m.index,
  }));
}

// The verb group before a predicate: auxiliaries, modals, copulas, negation and adverbs.
const VERB_GROUP = new Set(
  `is are was were be been being am has have had having do does did will would shall should can could may
might must remain remains remained not never no cannot also still already reportedly allegedly apparently
now just ever yet`.split(/\s+/),
);
const REPORTING = new Set(
  'said says say told added noted argued insisted claimed stated wrote announced reported explained acknowledged warned believes believed thinks thought confirmed conceded'.split(
    ' ',
  ),
);
// Where a subject noun phrase, read backwards from its verb, begins: a clause or phrase boundary
// (a connective, a preposition other than "of", or a reporting verb).
const NP_BOUNDARY = new Set([
  ...`that which who whom whose what until when whenever where because since if unless after before while although
though as and but or nor so than whether to in on at for with from by about into over under against during
without through between among`.split(/\s+/),
  ...REPORTING,
]);
const DETERMINER = new Set(
  'the a an any all his her its their our my your this these those some every each'.split(' '),
);
const PRONOUN =
  /^(?:he|she|it|they|we|i|you|this|that|these|those|there|who|which|one|someone|some|many|others?)$/i;
const MAX_NP_WORDS = 6;

function isAdverb(lower: string): boolean {
  return lower.length > 4 && lower.endsWith('ly');
}

/**
 * The subject of the clause `text` (starting at `start` in its article) whose verb begins at
 * `verbAt` (relative to the clause): the noun phrase read backwards from the verb, past its
 * auxiliaries and adverbs ("the ministry has reportedly [not]"), and past a catenative verb
 * before "to" ("continues to [reject]"), up to a clause boundary (a comma, "that", "said",
 * a preposition other than "of"). Null when there is none or only a pronoun.
 */
export function subjectBefore(
  text: string,
  start: number,
  verbAt: number,
  annotations: Pick<Annotations, 'mentions'>,
): ClauseSubject | null {
  const before = text.slice(0, verbAt);
  const words = wordsOf(before);
  let i = words.length - 1;
  const skip = (): void => {
    while (i >= 0 && (VERB_GROUP.has(words[i]!.lower) || isAdverb(words[i]!.lower))) i--;
  };
  skip();
  if (i >= 1 && words[i]!.lower === 'to') {
    i -= 2;
    skip();
  }
  const collect = (): Word[] => {
    const np: Word[] = [];
    while (i >= 0 && np.length < MAX_NP_WORDS) {
      const w = words[i]!;
      const gap = before.slice(w.at + w.word.length, np[0]?.at ?? w.at + w.word.length);
      if (/[,;:()"“”—–]/.test(gap) || NP_BOUNDARY.has(w.lower)) break;
      np.unshift(w);
      i--;
    }
    return np;
  };
  const np = collect();
  // "the groups say there is no …", "the senator said he would not …": where the reported clause's
  // own subject is a pronoun or "there", the speaker named before the reporting verb stands for it.
  const bare = np.filter((w) => !DETERMINER.has(w.lower));
  if (bare.length === 0 || (bare.length === 1 && PRONOUN.test(bare[0]!.lower))) {
    let j = i;
    if (j >= 0 && words[j]!.lower === 'that') j--;
    if (j >= 0 && REPORTING.has(words[j]!.lower)) {
      i = j - 1;
      skip();
      return subjectOf(text, start, collect(), annotations);
    }
  }
  return subjectOf(text, start, np, annotations);
}

// Nouns by which news refers back to a named organisation ("the group", "the agency").
const BODY_NOUN =
  /\bthe\s+(?:group|organi[sz]ation|company|firm|agency|association|lobby|union|party|committee|ministry|department|government|administration|campaign|council|network|newspaper|bank|court|institute|foundation|coalition|alliance)(?:['’]s)?\b/i;
// How far back (characters) the organisation referred to may be named.
const BODY_REACH = 1500;

/** Entity keys of the mentions in a span, and the organisation a body noun in it refers back to. */
function entitiesIn(
  text: string,
  start: number,
  from: number,
  to: number,
  annotations: Pick<Annotations, 'mentions'>,
  always = false,
): { ids: Set<string>; kind: ClauseSubject['kind'] } {
  const ids = new Set<string>();
  let kind: ClauseSubject['kind'] = 'common';
  for (const m of annotations.mentions) {
    if (m.start >= to || m.end <= from) continue;
    if (ids.size === 0) kind = m.type;
    ids.add(`E:${m.key}`);
  }
  // "the group's openness …": a definite body noun refers back to the organisation named last before it.
  const body = BODY_NOUN.exec(text.slice(from - start, to - start));
  if (body !== null && (ids.size === 0 || always)) {
    const at = from + body.index;
    let last: Mention | undefined;
    for (const m of annotations.mentions)
      if (m.type === 'organization' && m.end <= at && m.end >= at - BODY_REACH) last = m;
    if (last !== undefined) {
      if (ids.size === 0) kind = 'organization';
      ids.add(`E:${last.key}`);
    }
  }
  return { ids, kind };
}

/** The subject in a given span of a clause ([from, to) relative to it), or null. */
export function subjectIn(
  text: string,
  start: number,
  from: number,
  to: number,
  annotations: Pick<Annotations, 'mentions'>,
): ClauseSubject | null {
  const np = wordsOf(text.slice(from, to)).map((w) => ({ ...w, at: w.at + from }));
  return subjectOf(text, start, np, annotations);
}

function subjectOf(
  text: string,
  start: number,
  np: Word[],
  annotations: Pick<Annotations, 'mentions'>,
): ClauseSubject | null {
  while (np.length > 0 && DETERMINER.has(np[0]!.lower)) np = np.slice(1);
  if (np.length === 0) return null;
  if (np.length === 1 && PRONOUN.test(np[0]!.lower)) return null;
  const last = np[np.length - 1]!;
  const from = start + np[0]!.at;
  const to = start + last.at + last.word.length;
  const { ids } = entitiesIn(text, start, from, to, annotations);
  const of = np.findIndex((w) => w.lower === 'of');
  const headWords = of > 0 ? np.slice(0, of) : np;
  // The subject's kind is its head's: "Kyiv" is a place, "Kyiv officials" are not.
  const headWord = headWords[headWords.length - 1]!;
  const headAt = start + headWord.at;
  const headMention = annotations.mentions.find((m) => m.start <= headAt && m.end > headAt);
  let kind: ClauseSubject['kind'] = headMention?.type ?? 'common';
  if (headMention === undefined && ids.size > 0 && BODY_NOUN.test(text.slice(from - start, to - start)))
    kind = 'organization';
  const concepts = wordConcepts(headWords.map((w) => w.word.replace(/['’]s$/, '')).join(' '));
  const head = concepts[concepts.length - 1];
  if (head !== undefined) ids.add(head);
  if (ids.size === 0) return null;
  return { text: text.slice(from - start, to - start), ids, kind };
}

/**
 * True unless both subjects are known and share neither an entity nor a head word (where both
 * name entities, an entity must be shared). A place
 * name as a subject stands for its government or people ("the capital is considering …"
 * beside "the president rejects …"), which a person or body may voice: such a pair is not
 * kept apart.
 */
export function subjectsAgree(a: ClauseSubject | null, b: ClauseSubject | null): boolean {
  if (a === null || b === null) return true;
  if (a.kind === 'place' || b.kind === 'place') return true;
  // Named on both sides: the names decide ("Russian troops" and "Ukrainian troops" share only a head word).
  const named = (s: ClauseSubject): string[] => [...s.ids].filter((id) => id.startsWith('E:'));
  const na = named(a);
  const nb = named(b);
  if (na.length > 0 && nb.length > 0) return na.some((id) => b.ids.has(id));
  for (const id of a.ids) if (b.ids.has(id)) return true;
  return false;
}

/**
 * True when a subject is named anywhere in a span of a clause: one of its entities (a body
 * noun counting for the organisation it refers back to) or its head word.
 */
export function subjectNamedIn(
  subject: ClauseSubject,
  text: string,
  start: number,
  to: number,
  annotations: Pick<Annotations, 'mentions'>,
): boolean {
  const { ids } = entitiesIn(text, start, start, start + to, annotations, true);
  for (const c of wordConcepts(text.slice(0, to))) ids.add(c);
  return [...subject.ids].some((id) => ids.has(id));
}

/** Offsets (relative to the clause) where a word of the given concept starts. */
export function wordsWithConcept(text: string, concept: string): number[] {
  return wordsOf(text)
    .filter((w) => wordConcepts(w.word).includes(concept))
    .map((w) => w.at);
}

/**
 * Offset (relative to the clause) of the verb right before `limit`: the last word before it
 * that is not a determiner or "to" ("approves [her placement]", "considering [territorial …]"), or -1.
 */
export function verbBefore(text: string, limit: number): number {
  const words = wordsOf(text.slice(0, limit));
  let i = words.length - 1;
  while (i >= 0 && (DETERMINER.has(words[i]!.lower) || words[i]!.lower === 'to')) i--;
  return i >= 0 ? words[i]!.at : -1;
}

/**
 * Who speaks the words at an offset: the source of the innermost attribution whose content
 * holds it (its entity key, else its words in lower case), or null when none does.
 */
export function speakerAt(annotations: Pick<Annotations, 'attributions'>, offset: number): string | null {
  let best: { size: number; who: string | null } | null = null;
  for (const a of annotations.attributions) {
    for (const part of [a.content, ...(a.contentParts ?? [])]) {
      if (offset < part.start || offset >= part.end) continue;
      const size = part.end - part.start;
      if (best === null || size < best.size) {
        best = { size, who: a.sourceKey ?? a.source?.text.toLowerCase().replace(/\s+/g, ' ') ?? null };
      }
    }
  }
  return best?.who ?? null;
}
