import type { Quantity } from '../model/annotations.js';
import type { ReportedNumber } from '../model/comparison.js';
import { quantitiesFit } from './fit-quantities.js';
import { speakerAt, subjectBefore, type ClauseSubject } from './clause-subject.js';
import { insideQuotation } from './inside-quotation.js';
import {
  factIdAt,
  isUnverifiedAt,
  peopleIn,
  sentenceAt,
  unique,
  type StoryContext,
} from './story-context.js';
import { conceptOf } from './news-synonyms.js';
import { stemWord } from './stem-word.js';
import { wordConcepts } from './to-concepts.js';
import { readCountContext, type CountContext } from './read-count-context.js';
import { withContainingPlaces } from './find-place-discrepancies.js';

/** One quantity of one article, with what it counts and where it sits. */
export interface LocatedQuantity {
  articleIndex: number;
  quantity: Quantity;
  /** Entity keys of the mentions inside the counted phrase ("Russian troops" → russia). */
  entities: Set<string>;
  /** The first content concepts of the counted phrase. */
  head: string[];
  /** The concept of the counted phrase's head noun ("people" in "people were killed"), or null. */
  noun: string | null;
  /** The concept of the verb or participle that says what happened to it ("kill", "injure"), or null. */
  event: string | null;
  /** What a measure counts ("emails" in "pages of emails"), as a stem, or null. */
  measured: string | null;
  /** The concept of the verb that says what the counted things did or had done to them ("states [filed]", "actions that will be [taken]"), or null. */
  relVerb: string | null;
  /** True when the number is inside quotation marks; `speaker` then says whose words they are, when known. */
  quoted: boolean;
  speaker: string | null;
  factId: string | null;
  quote: string;
  unverified: boolean;
  /** Whether it is a count, an age (and whose) or neither, and the words around it that say which count it is. */
  context: CountContext;
  /** The subject of the verb that governs the number ("[Teixeira] hit 13 homers"), or null. */
  subject: ClauseSubject | null;
  /** What the count covers, as marks its sentence gives (`whole`, `total`, `close`), sorted and joined; see `scopeOf`. */
  scope: string;
  /** Entity keys of the people its sentence names. */
  people: Set<string>;
  /** Entity keys of the places its sentence names, with the places they lie in. */
  places: Set<string>;
  /** `valueKey` of every other quantity its sentence gives. */
  alsoGiven: Set<string>;
}

/** A quantity's value with its unit, as one key. */
export const valueKey = (q: Quantity): string => JSON.stringify([q.value, q.unit ?? null]);

// A count over a whole country or the world ("a nationwide strike", "across the country").
const WHOLE_AREA =
  /\b(?:nationwide|nationally|countrywide|statewide|worldwide|globally|(?:across|throughout|around)\s+the\s+(?:country|nation|state|world|globe))\b/i;
// A sum of parts ("a total of", "in all", "altogether", "combined", "overall").
const TOTAL =
  /\b(?:in\s+total|a\s+total\s+of|total(?:led|ed|ing)?|in\s+all|altogether|combined|overall|cumulative)\b/i;
// A market's close ("closed down 3.9 percent", "ended the day up", "finished at") against a move during the day.
const CLOSE = /\b(?:clos(?:ed|ing)|ended|finished|settled)\b[^.;,]{0,25}$/i;

/**
 * What a count covers, read from its sentence and the words before it: a whole country against one
 * city's figure, a total against a part, a market's close against a fall during the day. Two
 * counts whose marks differ are two counts ("tens of thousands in a nationwide strike" / "20,000 in
 * the capital"; "plunged 5.4 percent" / "closed down 3.9 percent").
 */
export function scopeOf(sentence: string, before: string): string {
  const marks: string[] = [];
  if (WHOLE_AREA.test(sentence)) marks.push('whole');
  if (TOTAL.test(sentence)) marks.push('total');
  if (CLOSE.test(before)) marks.push('close');
  return marks.join(' ');
}

/** The subject before the word governing a number, read within its sentence. */
function subjectOfCount(
  ctx: StoryContext,
  articleIndex: number,
  context: CountContext,
): ClauseSubject | null {
  if (context.governorAt < 0) return null;
  const sentence = sentenceAt(ctx, articleIndex, context.governorAt);
  if (sentence === null) return null;
  const text = ctx.articles[articleIndex]!.text.slice(sentence.start, sentence.end);
  return subjectBefore(
    text,
    sentence.start,
    context.governorAt - sentence.start,
    ctx.annotations[articleIndex]!,
  );
}

const HEAD_CONCEPTS = 3;

/**
 * Whether a number opening its sentence is the tail of a figure the sentence splitter cut at its
 * point or colon ("at 9: | 25 a.m.", "a . | 357 caliber", "magnitude 6. | 0 quake"): the sentence
 * before ends in a digit or a lone point or colon. (A sentence opening with a figure after one
 * ending in a year is lost too; news style rarely opens a sentence with digits.)
 */
function cutAtItsPoint(text: string, sentenceStart: number, numberStart: number): boolean {
  if (!/^[\s"“'‘(]*$/.test(text.slice(sentenceStart, numberStart))) return false;
  return /(?:[0-9]|\s)[.:]\s*$/.test(text.slice(Math.max(0, sentenceStart - 4), sentenceStart));
}

/** Where the counted noun phrase ends, before any predicate the annotator took into it ("states | have enacted"). */
function nounEnd(quantity: Quantity): number {
  const counted = quantity.counted;
  if (!counted) return quantity.end;
  const cut = PREDICATE_START.exec(counted.text);
  return cut ? counted.start + cut.index : counted.end;
}

const REL_OPENER = /^(?:that|which|who)$/i;
const REL_PRONOUN = /^(?:he|she|it|they|we|i|you)$/i;
const REL_AUXILIARY =
  /^(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|not|also)$/i;
// How many words after the counted phrase its verb may come (past a relative word and a short subject).
const REL_REACH = 6;

/**
 * The verb right after a counted phrase ("two states [filed]", "23 states have [enacted]", "steps he
 * [took]", "actions that will be [taken]", "actions the president could [take]"), as a concept, or null.
 */
function relativeVerb(text: string, from: number): string | null {
  const rest = text.slice(from, from + 120);
  const end = /[.;:!?()"“”,]/.exec(rest);
  const words = (end ? rest.slice(0, end.index) : rest).match(/[\p{L}'’-]+/gu) ?? [];
  let i = 0;
  if (REL_OPENER.test(words[0] ?? '')) i++;
  const aux = words.slice(i, i + REL_REACH).findIndex((w) => REL_AUXILIARY.test(w));
  if (aux >= 0) {
    i += aux;
    while (i < words.length && REL_AUXILIARY.test(words[i]!)) i++;
  } else if (REL_PRONOUN.test(words[i] ?? '')) i++;
  const verb = words[i];
  if (verb === undefined || !/^\p{Ll}/u.test(verb)) return null;
  return wordConcepts(verb)[0] ?? null;
}

/** `inside`: the story's place pairs "inner>outer" (`containedPlaces`). */
export function locateQuantities(ctx: StoryContext, inside: ReadonlySet<string>): LocatedQuantity[] {
  const out: LocatedQuantity[] = [];
  ctx.annotations.forEach((ann, articleIndex) => {
    for (const quantity of ann.quantities) {
      // A number the sentence splitter cut in two ("plunged 5. | 4 per cent") has no one sentence to
      // be read in: it is not compared at all.
      const sentence = sentenceAt(ctx, articleIndex, quantity.start);
      if (sentence !== null && quantity.end > sentence.end) continue;
      const text = ctx.articles[articleIndex]!.text;
      if (sentence !== null && cutAtItsPoint(text, sentence.start, quantity.start)) continue;
      const counted = quantity.counted;
      const entities = new Set(
        counted
          ? ann.mentions.filter((m) => m.start >= counted.start && m.end <= counted.end).map((m) => m.key)
          : [],
      );
      const words = counted
        ? wordConcepts(counted.text).filter((c) => !isEntityWord(c, counted.text, ann))
        : [];
      const context = readCountContext(text, quantity, nounEnd(quantity), ann.mentions);
      out.push({
        articleIndex,
        quantity,
        entities,
        head: words.slice(0, HEAD_CONCEPTS),
        ...nounAndEvent(text, quantity, ann),
        // The annotator may stop the counted phrase before its "of": read on into the text.
        measured: counted ? measuredOf(counted.text + text.slice(counted.end, counted.end + 40)) : null,
        relVerb: relativeVerb(text, nounEnd(quantity)),
        quoted: insideQuotation(text, quantity.start),
        speaker: speakerAt(ann, quantity.start),
        factId: factIdAt(ctx, articleIndex, quantity.start),
        quote: sentenceAt(ctx, articleIndex, quantity.start)?.text ?? quantity.text,
        unverified: isUnverifiedAt(ctx, articleIndex, quantity.start),
        context,
        subject: subjectOfCount(ctx, articleIndex, context),
        people: sentence === null ? new Set() : peopleIn(ann.mentions, sentence.start, sentence.end),
        places:
          sentence === null
            ? new Set()
            : withContainingPlaces(
                ann.mentions
                  .filter(
                    (m) =>
                      m.type === 'place' && !m.demonym && m.start >= sentence.start && m.end <= sentence.end,
                  )
                  .map((m) => m.key),
                inside,
              ),
        alsoGiven: new Set(
          sentence === null
            ? []
            : ann.quantities
                .filter((q) => q !== quantity && q.start >= sentence.start && q.end <= sentence.end)
                .map(valueKey),
        ),
        scope:
          sentence === null
            ? ''
            : scopeOf(
                sentence.text,
                text.slice(Math.max(sentence.start, quantity.start - 40), quantity.start),
              ),
      });
    }
  });
  return out;
}

// Where a counted noun phrase ends and its predicate begins ("people | were killed", "people | who died").
const PREDICATE_START =
  /\s+(?:were|was|are|is|have|has|had|been|being|who|that|which)\b|\s+\p{Ll}+(?:ed|en)\b/u;
const AUXILIARY =
  /^(?:\s*(?:were|was|are|is|have|has|had|been|being|be|reportedly|also|later|who|that))*\s*/i;
// A past form that says what happened ("killed", "injured", "died", "hurt", "arrested").
const HAPPENED = /^(?:\p{Ll}+ed|\p{Ll}+en|died|dead|hurt|held|shot|lost|left|won|hit|missing)\b/u;
const REPORTING = conceptOf(stemWord('say'));

/** The head noun of what a quantity counts and the verb that says what happened to it. */
function nounAndEvent(
  text: string,
  quantity: Quantity,
  ann: { mentions: { text: string }[] },
): { noun: string | null; event: string | null } {
  const counted = quantity.counted;
  if (!counted) return { noun: null, event: null };
  const cut = PREDICATE_START.exec(counted.text);
  const phrase = cut ? counted.text.slice(0, cut.index) : counted.text;
  const nouns = wordConcepts(phrase).filter((c) => !isEntityWord(c, phrase, ann));
  // "people" is a stop word to alignment but still the thing counted.
  const lastWord = phrase
    .toLowerCase()
    .match(/\p{L}+/gu)
    ?.pop();
  const noun = nouns[nouns.length - 1] ?? (lastWord ? conceptOf(stemWord(lastWord)) : null);
  // What happened: inside the counted phrase, right after it, or the verb right before the number.
  const after = (cut ? counted.text.slice(cut.index) : '') + text.slice(counted.end, counted.end + 40);
  const rest = after.replace(AUXILIARY, '');
  const following = HAPPENED.exec(rest);
  const candidates: string[] = [];
  if (following) candidates.push(following[0]);
  const before = /(\p{Ll}+ed)\s+$/u.exec(text.slice(Math.max(0, quantity.start - 30), quantity.start));
  if (before) candidates.push(before[1]!);
  for (const word of candidates) {
    const concept = conceptOf(stemWord(word));
    if (concept !== REPORTING) return { noun, event: concept };
  }
  return { noun, event: null };
}

// "pages of emails", "tons of grain": a measure word and what it measures.
const MEASURE_OF = /^\s*[\p{L}-]+\s+of\s+(?:the\s+|its\s+|their\s+)?([\p{L}-]+)/u;

/** The stem of what a measure counts ("e-mails" and "emails" alike), or null. */
function measuredOf(counted: string): string | null {
  const m = MEASURE_OF.exec(counted);
  return m ? stemWord(m[1]!.toLowerCase().replace(/-/g, '')) : null;
}

// Capitalised words of mentions ("Russian" in "Russian troops") are compared through entity keys, not as words.
function isEntityWord(concept: string, countedText: string, ann: { mentions: { text: string }[] }): boolean {
  return ann.mentions.some(
    (m) =>
      countedText.includes(m.text) &&
      (m.text.match(/\p{Lu}[\p{L}-]*/gu) ?? []).some((w) => wordConcepts(w).includes(concept)),
  );
}

/** True when two quantities count the same kind of thing: same unit, no clashing entities, a shared head concept (or the same fact). */
export function countSameThing(a: LocatedQuantity, b: LocatedQuantity): boolean {
  if ((a.quantity.unit ?? null) !== (b.quantity.unit ?? null)) return false;
  if (a.entities.size > 0 && b.entities.size > 0 && ![...a.entities].some((e) => b.entities.has(e)))
    return false;
  // Killed and injured people are two counts, however alike the nouns.
  if (a.event !== null && b.event !== null && a.event !== b.event) return false;
  // Pages of emails and pages of court documents are two counts, however alike the measure.
  if (a.measured !== null && b.measured !== null && a.measured !== b.measured) return false;
  if (a.noun !== null && a.noun === b.noun) return true;
  if (a.head.some((c) => b.head.includes(c))) return true;
  return a.factId !== null && a.factId === b.factId && a.head.length === 0 && b.head.length === 0;
}

/** Quantities grouped by counted thing (single link), each group then split into variants of mutually fitting values. */
export function groupQuantities(located: LocatedQuantity[]): LocatedQuantity[][][] {
  const parent = located.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < located.length; i++)
    for (let j = i + 1; j < located.length; j++)
      if (countSameThing(located[i]!, located[j]!)) parent[find(i)] = find(j);
  const groups = new Map<number, LocatedQuantity[]>();
  located.forEach((q, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(q);
    else groups.set(root, [q]);
  });
  return [...groups.values()].map(splitVariants);
}

/** Splits a group of reported numbers into variants whose values all fit one another. */
export function splitVariants(group: LocatedQuantity[]): LocatedQuantity[][] {
  const variants: LocatedQuantity[][] = [];
  for (const q of group) {
    const home = variants.find((v) => v.every((o) => quantitiesFit(o.quantity, q.quantity)));
    if (home) home.push(q);
    else variants.push([q]);
  }
  return variants;
}

/** Every number the story reports, one entry per variant, widest support first. */
export function reportedNumbers(ctx: StoryContext, groups: LocatedQuantity[][][]): ReportedNumber[] {
  const variants = groups.flat();
  variants.sort(
    (a, b) =>
      new Set(b.map((q) => q.articleIndex)).size - new Set(a.map((q) => q.articleIndex)).size ||
      a[0]!.articleIndex - b[0]!.articleIndex ||
      a[0]!.quantity.start - b[0]!.quantity.start,
  );
  return variants.map((variant, k) => {
    const first = variant[0]!;
    return {
      id: `n${k + 1}`,
      subject: first.quantity.counted?.text ?? '',
      value: first.quantity.text,
      articleIds: unique(variant.map((q) => ctx.articles[q.articleIndex]!.id)),
      quotes: unique(variant.map((q) => q.quote)),
      verified: variant.some((q) => q.unverified) ? false : null,
    };
  });
}
