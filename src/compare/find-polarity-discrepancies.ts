import type { Discrepancy } from '../model/comparison.js';
import {
  speakerAt,
  subjectBefore,
  subjectIn,
  subjectNamedIn,
  subjectsAgree,
  verbBefore,
  wordsWithConcept,
} from './clause-subject.js';
import { insideQuotation } from './inside-quotation.js';
import { conceptOf } from './news-synonyms.js';
import { readPolarity, type PolarityReading } from './read-polarity.js';
import type { FactUnit } from './split-fact-units.js';
import { stemWord } from './stem-word.js';
import { peopleIn, unique, type StoryContext } from './story-context.js';
import { wordConcepts } from './to-concepts.js';
import { weighConcepts } from './weigh-concepts.js';

interface Reading {
  unit: FactUnit;
  reading: PolarityReading;
  proposition: Set<string>;
  /** True when the clause (its negation, when negated) is inside quotation marks: someone's words. */
  quoted: boolean;
  /** Where the polarity is read (the negation, else the clause's middle), in article offsets. */
  at: number;
  /** Concepts of every word of the clause, names included; filled when first needed. */
  words: Set<string> | null;
  /** For a negation in a comma-set relative clause: what the clause describes (its last word's concept, its name's key). */
  antecedent: Set<string> | null;
}

const SAY = conceptOf(stemWord('say'));
const MIN_SHARED_WORDS = 2;
const MIN_OVERLAP = 0.35;
// How close an affirmed and a negated clause of one article must be for it to report both sides.
const BOTH_SIDES_OVERLAP = 0.5;

function propositionOf(unit: FactUnit, reading: PolarityReading): Set<string> {
  return new Set(
    [...unit.concepts].filter(
      (c) => c !== SAY && !reading.triggers.has(c) && c !== `E:${reading.holder?.key}`,
    ),
  );
}

/**
 * The proposition of a clause; for a negation inside a comma-set relative clause only that
 * clause's words and the names of what it describes, so that the main clause's words ("stopped by
 * Saturday") do not make it match an affirmation of something else.
 */
function negatedProposition(unit: FactUnit, reading: PolarityReading, ctx: StoryContext): Set<string> {
  const all = propositionOf(unit, reading);
  const span = reading.polarity === 'negated' ? relativeClauseSpan(unit.text, reading.triggerAt) : null;
  if (span === null) return all;
  const own = new Set(wordConcepts(unit.text.slice(span[0], span[1])));
  const antecedent = ctx.annotations[unit.articleIndex]!.mentions.filter(
    (m) => m.end >= unit.start + span[0] - 3 && m.end <= unit.start + span[0],
  );
  for (const m of antecedent) own.add(`E:${m.key}`);
  return new Set([...all].filter((c) => own.has(c)));
}

/** What a negated relative clause describes: the concept of the word before its comma and the key of a name ending there. */
function antecedentOf(unit: FactUnit, reading: PolarityReading, ctx: StoryContext): Set<string> | null {
  const span = reading.polarity === 'negated' ? relativeClauseSpan(unit.text, reading.triggerAt) : null;
  if (span === null) return null;
  const out = new Set<string>();
  const last = /([\p{L}'’-]+)\s*,\s*$/u.exec(unit.text.slice(0, span[0]))?.[1];
  if (last !== undefined) for (const c of wordConcepts(last)) out.add(c);
  for (const m of ctx.annotations[unit.articleIndex]!.mentions)
    if (m.end >= unit.start + span[0] - 3 && m.end <= unit.start + span[0]) out.add(`E:${m.key}`);
  return out.size > 0 ? out : null;
}

/** True when the affirmed clause speaks of what a negated relative clause describes ("a cable, which has not been made public" needs the cable). */
function antecedentNamed(neg: Reading, pos: Reading): boolean {
  if (neg.antecedent === null) return true;
  const words = (pos.words ??= new Set(wordConcepts(pos.unit.text)));
  return [...neg.antecedent].some((c) => words.has(c) || pos.unit.concepts.has(c));
}

/** Weighted share of the smaller (and of the larger) proposition found in the other, and how many plain words they share. */
function overlap(
  a: Set<string>,
  b: Set<string>,
  weights: Map<string, number>,
): { score: number; symmetric: number; words: number } {
  let shared = 0;
  let words = 0;
  let wa = 0;
  let wb = 0;
  for (const c of a) {
    const w = weights.get(c) ?? 1;
    wa += w;
    if (b.has(c)) {
      shared += w;
      if (!c.includes(':')) words++;
    }
  }
  for (const c of b) wb += weights.get(c) ?? 1;
  const smaller = Math.min(wa, wb);
  const larger = Math.max(wa, wb);
  return {
    score: smaller === 0 ? 0 : shared / smaller,
    symmetric: larger === 0 ? 0 : shared / larger,
    words,
  };
}

/**
 * True when an affirmed and a negated clause of one article state the same proposition:
 * close in both directions, so a short affirmed aside contained in a long negated clause
 * ("hosting the show" inside "is not to return as host of the show …") does not count.
 */
function sameClaim(a: Reading, b: Reading, weights: Map<string, number>): boolean {
  const o = overlap(a.proposition, b.proposition, weights);
  return o.words >= MIN_SHARED_WORDS && o.symmetric >= BOTH_SIDES_OVERLAP;
}

// At least half of what the negation governs must be in the affirmed clause, and at least this many words of it.
const MIN_SCOPE_SHARE = 0.5;
const MIN_SCOPE_WORDS = 2;

/**
 * True when the affirmed clause states what the negated one negates: most of the words the
 * negation governs are in it ("has not seen the cover" against "has seen the cover", not
 * against "see the cover below, and tell us …" — that takes the predicate only), and for a
 * particle ("not", "never") the negated predicate itself.
 */
function scopeFits(neg: Reading, pos: Reading): boolean {
  const { scope, particle } = neg.reading;
  if (scope.length === 0) return false;
  const words = (pos.words ??= new Set(wordConcepts(pos.unit.text)));
  if (particle && !words.has(scope[0]!)) return false;
  const shared = scope.filter((c) => words.has(c)).length;
  return shared >= Math.min(MIN_SCOPE_WORDS, scope.length) && shared / scope.length >= MIN_SCOPE_SHARE;
}

const REFLEXIVE = /^\s+(?:himself|herself|itself|themselves|myself|ourselves|yourself|yourselves|oneself)\b/i;

/** Whether each word of a concept in a clause (relative offsets) is followed by a reflexive pronoun. */
function reflexiveAfter(text: string, concept: string, from = 0): boolean[] {
  return wordsWithConcept(text, concept)
    .filter((at) => at >= from)
    .map((at) => REFLEXIVE.test(text.slice(at).replace(/^[\p{L}'’-]+/u, '')));
}

/**
 * A verb with a reflexive object ("identifies himself as a student") describes the subject by
 * itself; without one ("is not identified in the video") it says what others do or say. The
 * negated predicate and the affirmed verb must agree in that.
 */
function reflexivityAgrees(neg: Reading, pos: Reading): boolean {
  const verb = neg.reading.scope[0];
  if (!neg.reading.particle || verb === undefined) return true;
  const negSide = reflexiveAfter(neg.unit.text, verb, Math.max(0, neg.reading.triggerAt))[0];
  const posSide = reflexiveAfter(pos.unit.text, verb);
  return negSide === undefined || posSide.length === 0 || posSide.includes(negSide);
}

function alike(a: Reading, b: Reading, weights: Map<string, number>): boolean {
  const o = overlap(a.proposition, b.proposition, weights);
  return o.words >= MIN_SHARED_WORDS && o.score >= MIN_OVERLAP;
}

// Two actors of the same kind taking opposite sides is a dispute between them, which claims report;
// but when either clause names the other's holder, the two clauses only picked different first names.
function holdersClash(a: Reading, b: Reading): boolean {
  const ha = a.reading.holder;
  const hb = b.reading.holder;
  return (
    ha !== null &&
    hb !== null &&
    ha.type === hb.type &&
    ha.key !== hb.key &&
    !a.unit.concepts.has(`E:${hb.key}`) &&
    !b.unit.concepts.has(`E:${ha.key}`)
  );
}

/**
 * The people a negation is about and the people the affirmed clause names for that predicate must
 * meet: "has not made another offer to [one player]" does not contradict "made an offer to [another
 * player]". Read as the people named after the negation, against the people named after the negated
 * predicate's first word in the affirmed clause; when either names none, nothing is kept apart.
 */
function objectsClash(ctx: StoryContext, neg: Reading, pos: Reading): boolean {
  const verb = neg.reading.scope[0];
  if (neg.reading.triggerAt < 0 || verb === undefined) return false;
  const at = wordsWithConcept(pos.unit.text, verb)[0];
  if (at === undefined) return false;
  const people = (r: Reading, from: number): Set<string> =>
    peopleIn(ctx.annotations[r.unit.articleIndex]!.mentions, from, r.unit.end);
  const negPeople = people(neg, neg.unit.start + neg.reading.triggerAt);
  const posPeople = people(pos, pos.unit.start + at);
  return negPeople.size > 0 && posPeople.size > 0 && ![...negPeople].some((k) => posPeople.has(k));
}

/**
 * Quoted words are set only against the same speaker's quoted words: one person's quoted
 * claim and another's are two claims, not two sources disagreeing. A speaker the
 * attributions do not give on either side is no evidence either way.
 */
function sameSpeaker(ctx: StoryContext, neg: Reading, pos: Reading): boolean {
  if (!neg.quoted || !pos.quoted) return true;
  const a = speakerAt(ctx.annotations[neg.unit.articleIndex]!, neg.at);
  const b = speakerAt(ctx.annotations[pos.unit.articleIndex]!, pos.at);
  return a === null || b === null || a === b;
}

/**
 * The negated clause and the affirmed one must be about the same subject (the noun phrase
 * before the verb): "the upper chamber is preparing to take up the bill" does not contradict
 * "the lower chamber declined to take it up". Where the negation is a particle ("did not
 * offer"), the affirmed clause's verb is the negated predicate ("was offered"); else it is the
 * word before what the negation governs ("approves [her placement]"), and the subject may also
 * be named anywhere before that ("the group's openness to considering [cuts]"). Where either
 * subject cannot be read (none, or a pronoun), the clauses are not kept apart.
 */
function sameSubject(ctx: StoryContext, neg: Reading, pos: Reading): SubjectEvidence {
  const negAnn = ctx.annotations[neg.unit.articleIndex]!;
  const span = neg.reading.subjectSpan;
  const negSubject = span
    ? subjectIn(neg.unit.text, neg.unit.start, span[0], span[1], negAnn)
    : subjectBefore(neg.unit.text, neg.unit.start, neg.reading.triggerAt, negAnn);
  if (negSubject === null) return 'unread';
  const text = pos.unit.text;
  const ann = ctx.annotations[pos.unit.articleIndex]!;
  // Whether the affirmed verb's subject is read, and agrees.
  const readAt = (verbAt: number): SubjectEvidence => {
    const posSubject = subjectBefore(text, pos.unit.start, verbAt, ann);
    if (!subjectsAgree(negSubject, posSubject)) return 'clash';
    return posSubject === null ? 'unread' : 'agree';
  };
  const best = (found: SubjectEvidence[]): SubjectEvidence =>
    found.includes('agree') ? 'agree' : found.includes('unread') ? 'unread' : 'clash';
  const { scope, particle } = neg.reading;
  if (particle && scope[0] !== undefined) {
    const verbs = wordsWithConcept(text, scope[0]);
    if (verbs.length > 0) return best(verbs.map(readAt));
  }
  const governed = scope.flatMap((c) => wordsWithConcept(text, c).slice(0, 1));
  if (governed.length === 0) return 'unread';
  const limit = Math.min(...governed);
  const verb = verbBefore(text, limit);
  if (subjectNamedIn(negSubject, text, pos.unit.start, limit, ann)) return 'agree';
  return verb >= 0 ? readAt(verb) : 'clash';
}

/** What the subjects of a negated and an affirmed clause show: the same subject, none readable, or two. */
type SubjectEvidence = 'agree' | 'unread' | 'clash';

/**
 * The evidence a polarity discrepancy needs besides shared words: the two clauses are aligned into
 * one fact, or the affirmed verb's subject is read and is the negated clause's. Shared words with no
 * shared subject ("a perfect fit for the job" / "a system that didn't fit his players") are weak
 * evidence, and weak evidence lists nothing.
 */
function enoughEvidence(subject: SubjectEvidence, sameFact: boolean): boolean {
  if (subject === 'clash') return false;
  return sameFact || subject === 'agree';
}

interface Found {
  neg: Reading;
  pos: Reading[];
  negs: Reading[];
}

/** Closest weighted overlap between the anchor and any of the readings. */
function closest(anchor: Reading, readings: Reading[], weights: Map<string, number>): number {
  let best = 0;
  for (const r of readings)
    best = Math.max(best, r === anchor ? 1 : overlap(anchor.proposition, r.proposition, weights).score);
  return best;
}

// A negation limited to a stated time: "declined to make an offer during that time", "was not at the
// church at the time", "has not yet", "so far", "until Friday", "at first", "initially", "for now".
const TIME_LIMIT =
  /\b(?:during\s+(?:that|this|the)\s+(?:time|period|window|stretch)|at\s+(?:that|the)\s+time|(?:not|never)\s+yet|yet\b|so\s+far|until|till|at\s+first|initially|for\s+now|for\s+the\s+time\s+being|up\s+to\s+(?:then|now)|as\s+of\s+(?:then|now))\b/i;

/**
 * True when the negation holds only for a stated time: a later or other report affirming the
 * same thing does not contradict it. Read from the negation to the clause's end, and in the
 * words right before it ("At the time, she was not …").
 */
export function timeLimited(text: string, triggerAt: number): boolean {
  const from = Math.max(0, triggerAt);
  const before = text.slice(0, from).split(/[;:]/).pop() ?? '';
  return (
    TIME_LIMIT.test(text.slice(from)) ||
    /\b(?:at\s+(?:that|the)\s+time|at\s+first|initially|until\s+then)\s*,?\s*[^,]{0,60}$/i.test(before) ||
    // A clause that opens with its time ("At the time, during the campaign, he stated that he opposed …").
    /^\W*(?:at\s+(?:that|the)\s+time|back\s+then|at\s+first|initially)\b/i.test(text)
  );
}

/**
 * A negation inside a relative clause set off by commas ("Palin, who was not at the church …,
 * stopped by") negates that clause's own predicate: its span [from, to) relative to the clause,
 * or null when the negation is not in one.
 */
export function relativeClauseSpan(text: string, triggerAt: number): [number, number] | null {
  if (triggerAt < 0) return null;
  const head = text.slice(0, triggerAt);
  const opener = /,\s+(?:who|which|whose)\s+[^,]*$/i.exec(head);
  if (!opener) return null;
  const close = text.indexOf(',', triggerAt);
  return [opener.index + 1, close < 0 ? text.length : close];
}

/**
 * Polarity discrepancies: one proposition that some articles affirm and others negate or
 * reject. An article that carries both sides of it reports a dispute and is left out; so
 * is a merely urged or wished proposition ("pressure to consider …"). Each other article
 * stands on the side of its clause closest to the negated one.
 */
export function findPolarityDiscrepancies(ctx: StoryContext, units: FactUnit[]): Omit<Discrepancy, 'id'>[] {
  const readings: Reading[] = [];
  for (const unit of units) {
    const reading = readPolarity(unit.text, unit.start, ctx.annotations[unit.articleIndex]!);
    if (reading === null || reading.irrealis) continue;
    if (reading.polarity === 'negated' && timeLimited(unit.text, reading.triggerAt)) continue;
    const at = unit.start + (reading.triggerAt >= 0 ? reading.triggerAt : Math.floor(unit.text.length / 2));
    const quoted = insideQuotation(ctx.articles[unit.articleIndex]!.text, at);
    readings.push({
      unit,
      reading,
      proposition: negatedProposition(unit, reading, ctx),
      antecedent: antecedentOf(unit, reading, ctx),
      quoted,
      at,
      words: null,
    });
  }
  const weights = weighConcepts(readings.map((r) => r.proposition));
  const factOf = new Map<FactUnit, string>();
  for (const { fact, units: members } of ctx.facts) for (const u of members) factOf.set(u, fact.id);
  const sameFact = (a: Reading, b: Reading): boolean =>
    factOf.has(a.unit) && factOf.get(a.unit) === factOf.get(b.unit);
  const found: Found[] = [];
  const used = new Set<Reading>();
  for (const neg of readings) {
    if (neg.reading.polarity !== 'negated' || used.has(neg)) continue;
    const related = readings.filter((r) => r === neg || alike(neg, r, weights));
    const pos: Reading[] = [];
    const negs: Reading[] = [];
    for (const articleIndex of unique(related.map((r) => r.unit.articleIndex))) {
      const own = related.filter((r) => r.unit.articleIndex === articleIndex);
      const affirmed = own.filter(
        // Someone's quoted words set against an article's own account is what a speaker claims, a
        // dispute for the claims; quotes are set against quotes, accounts against accounts.
        (r) =>
          r.reading.polarity === 'affirmed' &&
          r.quoted === neg.quoted &&
          !holdersClash(r, neg) &&
          !objectsClash(ctx, neg, r) &&
          scopeFits(neg, r) &&
          reflexivityAgrees(neg, r) &&
          antecedentNamed(neg, r) &&
          sameSpeaker(ctx, neg, r) &&
          enoughEvidence(sameSubject(ctx, neg, r), sameFact(r, neg)),
      );
      const negated = own.filter((r) => r.reading.polarity === 'negated');
      const both = affirmed.some((a) => negated.some((n) => sameClaim(a, n, weights)));
      if (both) continue;
      // A looser neighbour of the other polarity does not move an article off the side of its closest clause.
      if (closest(neg, negated, weights) >= closest(neg, affirmed, weights)) negs.push(...negated);
      else pos.push(...affirmed);
    }
    if (pos.length === 0 || negs.length === 0) continue;
    for (const r of [...pos, ...negs]) used.add(r);
    found.push({ neg, pos, negs });
  }
  return mergeSharingClauses(found).map(toDiscrepancy);
}

function toDiscrepancy({ neg, pos, negs }: Found): Omit<Discrepancy, 'id'> {
  return {
    kind: 'polarity',
    subject: subjectOf(neg, pos[0]!),
    variants: [
      {
        value: 'affirmed',
        articleIds: unique(pos.map((r) => r.unit.articleId)),
        quotes: unique(pos.map((r) => r.unit.text)),
      },
      {
        value: 'negated',
        articleIds: unique(negs.map((r) => r.unit.articleId)),
        quotes: unique(negs.map((r) => r.unit.text)),
      },
    ],
  };
}

/**
 * Findings that share a clause (the same clause of the same article, not merely the same
 * words: a copy repeats its original's sentences) are one disagreement seen from two clauses.
 */
function mergeSharingClauses(found: Found[]): Found[] {
  const merged: Found[] = [];
  for (const f of found) {
    const clauses = new Set([...f.pos, ...f.negs]);
    const home = merged.find((m) => [...m.pos, ...m.negs].some((r) => clauses.has(r)));
    if (!home) {
      merged.push({ ...f, pos: [...f.pos], negs: [...f.negs] });
      continue;
    }
    home.pos = unique([...home.pos, ...f.pos]);
    home.negs = unique([...home.negs, ...f.negs]);
  }
  // An article merged onto both sides reports both: it no longer stands on either.
  return merged.filter((m) => {
    const negArticles = new Set(m.negs.map((r) => r.unit.articleIndex));
    const both = new Set(m.pos.map((r) => r.unit.articleIndex).filter((a) => negArticles.has(a)));
    m.pos = m.pos.filter((r) => !both.has(r.unit.articleIndex));
    m.negs = m.negs.filter((r) => !both.has(r.unit.articleIndex));
    return m.pos.length > 0 && m.negs.length > 0;
  });
}

/** The words of the negated clause that both sides share, in its order ("tax rises … pensions"). */
function subjectOf(neg: Reading, pos: Reading): string {
  const words = neg.unit.text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const shared = words.filter((w) => {
    const c = conceptOf(stemWord(w.toLowerCase()));
    return pos.proposition.has(c) && neg.proposition.has(c);
  });
  const entities = [...neg.proposition].filter((c) => c.startsWith('E:') && pos.proposition.has(c));
  const names = neg.unit.text.length > 0 ? entities.map((e) => e.slice(2)) : [];
  return unique([...shared, ...names]).join(' ') || neg.unit.text;
}
