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
// A dispute reported in passing ("…, a claim strongly disputed by Kyiv") is two actors disagreeing, not a negated proposition.
const REPORTED_DISPUTE =
  /\b(?:claims?|statements?|assertions?|announcements?|reports?|accounts?|moves?)\b[^.;]{0,40}\b(?:den(?:y|ies|ied|ial)|disput\w*|contest\w*|reject\w*|dismiss\w*|refut\w*|rebut\w*)\b/i;
// A wish, request or plan governing a to-infinitive ("under pressure to consider …", "wants to run").
const IRREALIS_CUE =
  /\b(?:pressur(?:e|es|ed|ing)|urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)? on|push(?:es|ed|ing)?|demand(?:s|ed|ing)?|press(?:es|ed|ing)?|want(?:s|ed|ing)?|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?)\b[^.;]{0,60}?\bto\s+\p{L}+/giu;
// Where the wished-for part ends: a finite verb of the main clause resumes ("the plan to break in …
// allegedly was hatched", "wants to run again and is struggling …"), or a new clause starts.
const IRREALIS_END =
  /\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|does|did)\b|;|,\s+(?:and|but)\b|\s+but\b/iu;

/** The first content concepts after a negation, up to the end of its phrase. */
function scopeOf(after: string, triggers: Set<string>): string[] {
  const end = SCOPE_END.exec(after);
  const words = wordConcepts(end ? after.slice(0, end.index) : after);
  return words.filter((c) => !triggers.has(c) && c !== DENY_CONCEPT).slice(0, SCOPE_WORDS);
}

/** [start, end) spans of a clause that are only wished, urged or planned, not asserted. */
function irrealisSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(IRREALIS_CUE)) {
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
// X but at Y": a particle before a determiner or a preposition, without a copula before it, sets one thing against another rather than negating a statement.
const CONSTITUENT_NEGATION =
  /(?<!\b(?:is|are|was|were|be|been|being)\s+)\bnot\s+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your|at|in|on|for|with|from|by|about|over)\b/i;
// A call to the reader ("See the cover below", "Watch the video") states nothing about the event.
const CALL_TO_READER =
  /^["“]?\s*(?:see|watch|read|click|tell|share|follow|subscribe|sign up|check out|listen|look at|scroll|download)\b/i;

export function readPolarity(
  text: string,
  start: number,
  annotations: Pick<Annotations, 'mentions'>,
): PolarityReading | null {
  if (REPORTED_DISPUTE.test(text) || CONSTITUENT_NEGATION.test(text) || CALL_TO_READER.test(text))
    return null;
  // Blanked to the same length, so offsets into the cleaned text stay offsets into the clause.
  const cleaned = text.replace(FALSE_NEGATION, (m) => ' '.repeat(m.length));
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
  const polarity: Polarity = triggers.size > 0 ? 'negated' : 'affirmed';
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
  const scope = polarity === 'negated' ? scopeOf(cleaned.slice(triggerEnd), triggers) : [];
  return { polarity, triggers, irrealis, holder, scope, particle, triggerAt };
}
