import type { Annotations, Mention } from '../model/annotations.js';
import { conceptOf } from './news-synonyms.js';
import { stemWord } from './stem-word.js';
import { wordConcepts } from './to-concepts.js';

export type Polarity = 'affirmed' | 'negated';

export interface PolarityReading {
  polarity: Polarity;
  /** Concepts of the words that set the polarity (left out when comparing propositions). */
  triggers: Set<string>;
  /** True when the proposition is only wished, urged or asked for, not asserted. */
  irrealis: boolean;
  /** The first actor named before the predicate, if any. */
  holder: Mention | null;
  /**
   * Concepts of the first content words the negation governs ("not [seen the cover]",
   * "rejects [any territorial concessions]"), in order; empty when affirmed.
   */
  scope: string[];
  /** True when the negation is a particle ("not", "never"): the first scope word is the negated predicate. */
  particle: boolean;
  /** Where the negation starts, relative to the clause; -1 when affirmed. */
  triggerAt: number;
  /**
   * For a negation that opens the clause and negates its subject ("No official has …",
   * "Neither the ministry nor the army made …"): that subject, [start, end) relative to the
   * clause; the scope is then the predicate after it.
   */
  subjectSpan?: [number, number];
}

const DENY_CONCEPT = conceptOf(stemWord('deny'));
// Contractions ("couldn't", "don’t") end in the particle: no word boundary before it.
const REFUSE_WORDS =
  /\b(?:refus\w*|declin(?:e|es|ed|ing) to|rul\w* out|turn\w* down|never|no longer|not|no|nobody|cannot|neither|nor)\b|n['’]t\b/i;
const PARTICLE = /^(?:never|no longer|not|no|nobody|cannot|neither|nor|n['’]t)$/i;
// "not only … but also" and "no doubt" affirm; "not more than" and "no later than" bound a quantity or a
// date; "as opposed to" contrasts.
const FALSE_NEGATION =
  /\b(?:not only|no doubt|not least|nothing but|not just|(?:not|no) (?:more|less|fewer|later|earlier|sooner) than|as opposed to|can(?:no|['’])t help but)\b/gi;
// Where the words a negation governs end: a new clause or phrase.
const SCOPE_END = /[,;:.!?()"“”]|\s(?:but|and|or|while|because|as|although|if|when|after|before|since)\s/iu;
const SCOPE_WORDS = 4;
// A particle, perhaps an adverb, then a deny-class verb.
const DOUBLE_NEGATION =
  /^(?:not|never|n['’]t)\s+(?:\p{L}+ly\s+)?(?:den(?:y|ies|ied)|disput\w*|contest\w*|reject\w*|dismiss\w*|refut\w*|rebut\w*|oppos\w*|repudiat\w*|rebuff\w*)\b/iu;
// A dispute reported in passing ("…, a claim strongly disputed by Kyiv") is two actors disagreeing, not a negated proposition.
const REPORTED_DISPUTE =
  /\b(?:claims?|statements?|assertions?|announcements?|reports?|accounts?|moves?)\b[^.;]{0,40}\b(?:den(?:y|ies|ied|ial)|disput\w*|contest\w*|reject\w*|dismiss\w*|refut\w*|rebut\w*)\b/i;
// The same with the verb first ("the campaign disputed a report in the newspaper as …", "denied the
// allegations"): one actor answering another's account.
const DISPUTED_ACCOUNT =
  /\b(?:den(?:y|ies|ied)|disput(?:e|es|ed|ing)|contest(?:s|ed|ing)?|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)\s+(?:(?:the|a|an|this|that|these|those|his|her|its|their|such)\s+)?(?:[\p{L}'’-]+\s+){0,2}(?:claims?|statements?|assertions?|reports?|accounts?|allegations?|charges?|accusations?|story|stories|article)\b/iu;
// A negated command ("Don't make faces …", "Never say …") instructs; it states nothing about the event.
const NEGATED_COMMAND =
  /^[\s"“'‘]*(?:(?:and|but|so|please|certainly|just|also)[\s,]+)*(?:don['’]t|do not|never)\s+\p{L}/iu;
// A wish, request, plan, expectation or attempt governing a to-infinitive ("under pressure to
// consider …", "wants to run", "is expected to announce", "struggling to sustain drives": trying is
// not doing).
const IRREALIS_CUE =
  /\b(?:pressur(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|push(?:es|ed|ing)?|demand(?:s|ed|ing)?|press(?:es|ed|ing)?|want(?:s|ed|ing)?|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|expect(?:s|ed|ing)?|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|s(?:eek|eeks|eeking|ought)|struggl(?:e|es|ed|ing))\b[^.;]{0,60}?\bto\s+\p{L}+/giu;
// Where the wished-for part ends: a finite verb of the main clause resumes ("the plan to break in …
// allegedly was hatched", "wants to run again and is struggling …"), or a new clause starts.
const IRREALIS_END =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b|;|,\s+(?:and|but)\b|\s+but\b/iu;

// A modal perfect ("should have been used", "shouldn't have used", "would not have won") is
// counterfactual: it judges what did or did not happen without stating it, and its negation
// implies the opposite fact ("money that shouldn't have been used" was used).
const COUNTERFACTUAL =
  /\b(?:should|would|ought)(?:n['’]t|\s+not|\s+never)?(?:\s+to)?\s+(?:\p{L}+ly\s+)?(?:have|['’]ve)\s+(?:been\s+)?\p{L}+(?:ed|en|wn|ne|ld|lt|nt|pt|ght|id|ung|un|uck|ot|ade)\b/giu;

/** The first content concepts after a negation, up to the end of its phrase. */
function scopeOf(after: string, triggers: Set<string>): string[] {
  const end = SCOPE_END.exec(after);
  const words = wordConcepts(end ? after.slice(0, end.index) : after);
  return words.filter((c) => !triggers.has(c) && c !== DENY_CONCEPT).slice(0, SCOPE_WORDS);
}

// An open question ("announces whether he will step down or seek a second term") asserts neither
// alternative: from "whether" to the end of the clause.
const OPEN_QUESTION = /\bwhether\b[^;]*/gi;

// Before a negation that opens its clause: only quotes, conjunctions and sentence adverbs.
const CLAUSE_OPENING = /^[\s"“'‘]*(?:(?:and|but|so|yet|still|however|also)[\s,]+)*$/i;
const NEGATIVE_DETERMINER = /^(?:no|neither|nobody|none)$/i;
const SUBJECT_LINK = /^(?:the|a|an|of|nor|or|and|his|her|its|their|this|that|these|those|other|one)$/i;
const FINITE_START =
  /^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|did|does|do)$/i;

/**
 * The subject a clause-opening negation negates ("No [official] has …", "Neither [the ministry nor
 * the army] made …"): up to an auxiliary, or up to the first lower-case word after a name or after
 * the head that follows "nor".
 */
function negatedSubject(
  cleaned: string,
  triggerAt: number,
  triggerEnd: number,
): [number, number] | undefined {
  const word = cleaned.slice(triggerAt, triggerEnd);
  if (!NEGATIVE_DETERMINER.test(word) || !CLAUSE_OPENING.test(cleaned.slice(0, triggerAt))) return undefined;
  let sawName = false;
  // After "nor", the second noun phrase's head: the subject ends with it.
  let afterNor: 'no' | 'nor' | 'head' = 'no';
  let end = -1;
  for (const m of cleaned.slice(triggerEnd).matchAll(/[\p{L}'’-]+/gu)) {
    const w = m[0];
    const at = triggerEnd + m.index;
    const lower = /^\p{Ll}/u.test(w);
    if (
      FINITE_START.test(w) ||
      (sawName && lower && !SUBJECT_LINK.test(w)) ||
      (afterNor === 'head' && lower && !SUBJECT_LINK.test(w))
    ) {
      end = at;
      break;
    }
    if (!lower) sawName = true;
    if (/^nor$/i.test(w)) afterNor = 'nor';
    else if (afterNor === 'nor' && !SUBJECT_LINK.test(w)) afterNor = 'head';
  }
  return end > triggerEnd ? [triggerEnd, end] : undefined;
}

// What earlier reports, rumours or speculation said ("Despite reports last week that he would not
// return, …", "amid speculation that the plant will close"): the content is theirs, set against
// what the article itself now says; it runs to the next comma or semicolon.
const REPORTED_CONTENT =
  /\b(?:despite|amid|after|following|contrary\s+to|denying|dismiss(?:ed|ing)|den(?:ied|ying))\s+(?:the\s+|earlier\s+|recent\s+|media\s+|press\s+|news\s+|unconfirmed\s+)*(?:reports?|rumou?rs?|speculation|suggestions?|claims?)\b[^,;]*/giu;

/** [start, end) spans of a clause that are only wished, urged, planned or asked, not asserted. */
function irrealisSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(OPEN_QUESTION)) spans.push([m.index, m.index + m[0].length]);
  for (const m of text.matchAll(REPORTED_CONTENT)) spans.push([m.index, m.index + m[0].length]);
  for (const m of [...text.matchAll(COUNTERFACTUAL), ...text.matchAll(IRREALIS_CUE)]) {
    const from = m.index + m[0].length;
    const end = IRREALIS_END.exec(text.slice(from));
    spans.push([m.index, end ? from + end.index : text.length]);
  }
  return spans;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
  'last',
  'most',
]);
const AUXILIARIES = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', 'has', 'have', 'had']);

// "the last contested settlement", "a hotly disputed seat": a deny-class participle used as an
// adjective negates nothing. Only a determiner right before it (or before an -ly adverb before
// it) makes it one: in "the rebels denied" the determiner belongs to the subject.
function isAdjectival(words: string[], i: number): boolean {
  const before = words[i - 1];
  if (before === undefined || AUXILIARIES.has(before)) return false;
  if (DETERMINERS.has(before)) return true;
  return before.endsWith('ly') && DETERMINERS.has(words[i - 2] ?? '');
}

/**
 * Polarity of a clause: negated by a deny-class verb or a negation word, else affirmed; null
 * for reported disputes, negated constituents and calls to the reader.
 */
// "… with handguns and not the assault weapons", "Not a theology based on …", "took his shot not at
// X but at Y": a particle before a determiner or a preposition, without a copula before it (a contracted
// one, "it's not a fair …", counts), sets one thing against another rather than negating a statement.
const CONSTITUENT_NEGATION =
  /(?<!(?:\b(?:is|are|was|were|be|been|being)|\p{L}['’](?:s|re|m))\s+)\bnot\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|at|in|on|for|with|from|by|about|over)\b/iu;
// A call to the reader ("See the cover below", "Watch the video") states nothing about the event.
const CALL_TO_READER =
  /^["“]?\s*(?:see|watch|read|click|tell|share|follow|subscribe|sign up|check out|listen|look at|scroll|download)\b/i;

// An accusation ("accused of firing", "charged with killing", "alleged to have taken") reports what one
// actor says another did: it does not affirm the act, so a denial of the act is a dispute between
// actors (the claims), not a discrepancy between sources.
const ACCUSATION =
  /\b(?:accus(?:e|es|ed|ing)\s+(?:\p{L}+\s+){0,3}?of|charged\s+with|alleged(?:ly)?\s+to\s+have|on\s+suspicion\s+of|suspected\s+of)\b/iu;

export function readPolarity(
  text: string,
  start: number,
  annotations: Pick<Annotations, 'mentions'>,
): PolarityReading | null {
  if (
    REPORTED_DISPUTE.test(text) ||
    DISPUTED_ACCOUNT.test(text) ||
    CONSTITUENT_NEGATION.test(text) ||
    CALL_TO_READER.test(text) ||
    NEGATED_COMMAND.test(text)
  )
    return null;
  // Blanked to the same length, so offsets into the cleaned text stay offsets into the clause; "didn ' t"
  // as pre-tokenised text writes it is read as "didn't".
  const cleaned = text
    .replace(FALSE_NEGATION, (m) => ' '.repeat(m.length))
    .replace(/(\p{L})n ['’] t\b/gu, (_m, c: string) => `${c}n't  `);
  const words = cleaned.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const triggers = new Set<string>();
  let triggerAt = -1;
  let triggerEnd = -1;
  let particle = false;
  for (const [i, word] of words.entries()) {
    if (conceptOf(stemWord(word)) === DENY_CONCEPT && !isAdjectival(words, i)) {
      triggers.add(DENY_CONCEPT);
      if (triggerAt < 0) {
        triggerAt = cleaned.toLowerCase().indexOf(word);
        triggerEnd = triggerAt + word.length;
      }
    }
  }
  const refusal = REFUSE_WORDS.exec(cleaned);
  if (refusal) {
    for (const w of refusal[0].toLowerCase().split(/\s+/)) triggers.add(conceptOf(stemWord(w)));
    if (triggerAt < 0 || refusal.index < triggerAt) {
      triggerAt = refusal.index;
      triggerEnd = refusal.index + refusal[0].length;
      particle = PARTICLE.test(refusal[0]);
    }
  }
  // "had not dismissed", "did not deny": a particle right before a deny-class verb cancels it.
  const doubled =
    particle && triggers.has(DENY_CONCEPT) && DOUBLE_NEGATION.test(cleaned.slice(triggerAt, triggerAt + 40));
  const polarity: Polarity = triggers.size > 0 && !doubled ? 'negated' : 'affirmed';
  if (polarity === 'affirmed' && ACCUSATION.test(cleaned)) return null;
  const limit = start + (triggerAt >= 0 ? triggerAt : text.length);
  const holder =
    annotations.mentions.find((m) => m.start >= start && m.end <= limit && !m.demonym) ??
    annotations.mentions.find((m) => m.start >= start && m.end <= limit) ??
    null;
  // A negation inside the wished-for part negates a wish; an affirmed clause asserts nothing when
  // the wished-for part runs to its end.
  const spans = irrealisSpans(cleaned);
  const irrealis =
    polarity === 'negated'
      ? spans.some(([a, b]) => triggerAt >= a && triggerAt < b)
      : spans.some(([, b]) => b === cleaned.length);
  const subjectSpan =
    polarity === 'negated' && particle ? negatedSubject(cleaned, triggerAt, triggerEnd) : undefined;
  const scopeFrom = subjectSpan ? subjectSpan[1] : triggerEnd;
  const scope = polarity === 'negated' ? scopeOf(cleaned.slice(scopeFrom), triggers) : [];
  return doubled
    ? { polarity, triggers, irrealis, holder, scope, particle: false, triggerAt: -1 }
    : {
        polarity,
        triggers,
        irrealis,
        holder,
        scope,
        particle,
        triggerAt,
        ...(subjectSpan ? { subjectSpan } : {}),
      };
}
