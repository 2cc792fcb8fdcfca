import type { Annotations, Mention } from '../model/annotations.js';
import { conceptOf } from './news-synonyms.js';
import { stemWord } from './stem-word.js';

export type Polarity = 'affirmed' | 'negated';

export interface PolarityReading {
  polarity: Polarity;
  /** Concepts of the words that set the polarity (left out when comparing propositions). */
  triggers: Set<string>;
  /** True when the proposition is only wished, urged or asked for, not asserted. */
  irrealis: boolean;
  /** The first actor named before the predicate, if any. */
  holder: Mention | null;
}

const DENY_CONCEPT = conceptOf(stemWord('deny'));
const REFUSE_WORDS = /\b(?:refus\w*|rul\w* out|turn\w* down|never|no longer|not|n't|cannot|neither|nor)\b/i;
// "not only … but also" and "no doubt" affirm.
const FALSE_NEGATION = /\b(?:not only|no doubt|not least|nothing but|not just)\b/gi;
// A dispute reported in passing ("…, a claim strongly disputed by Kyiv") is two actors disagreeing, not a negated proposition.
const REPORTED_DISPUTE =
  /\b(?:claims?|statements?|assertions?|announcements?|reports?|accounts?|moves?)\b[^.;]{0,40}\b(?:den(?:y|ies|ied|ial)|disput\w*|contest\w*|reject\w*|dismiss\w*|refut\w*|rebut\w*)\b/i;
const IRREALIS =
  /\b(?:pressure|urg\w*|ask\w*|call\w* on|push\w*|demand\w*|press\w*|want\w*|hop\w*|plan\w*)\b[^.;]{0,60}?\bto\s+\p{L}+/iu;

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

// "the last contested settlement": a deny-class participle used as an adjective negates nothing.
function isAdjectival(words: string[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    if (AUXILIARIES.has(words[k]!)) return false;
    if (DETERMINERS.has(words[k]!)) return true;
  }
  return false;
}

/** Polarity of a clause: negated by a deny-class verb or a negation word, else affirmed; null for reported disputes. */
export function readPolarity(
  text: string,
  start: number,
  annotations: Pick<Annotations, 'mentions'>,
): PolarityReading | null {
  if (REPORTED_DISPUTE.test(text)) return null;
  const cleaned = text.replace(FALSE_NEGATION, ' ');
  const words = cleaned.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  const triggers = new Set<string>();
  let triggerAt = -1;
  for (const [i, word] of words.entries()) {
    if (conceptOf(stemWord(word)) === DENY_CONCEPT && !isAdjectival(words, i)) {
      triggers.add(DENY_CONCEPT);
      if (triggerAt < 0) triggerAt = cleaned.toLowerCase().indexOf(word);
    }
  }
  const refusal = REFUSE_WORDS.exec(cleaned);
  if (refusal) {
    for (const w of refusal[0].toLowerCase().split(/\s+/)) triggers.add(conceptOf(stemWord(w)));
    if (triggerAt < 0 || refusal.index < triggerAt) triggerAt = refusal.index;
  }
  const polarity: Polarity = triggers.size > 0 ? 'negated' : 'affirmed';
  const limit = start + (triggerAt >= 0 ? triggerAt : text.length);
  const holder =
    annotations.mentions.find((m) => m.start >= start && m.end <= limit && !m.demonym) ??
    annotations.mentions.find((m) => m.start >= start && m.end <= limit) ??
    null;
  return { polarity, triggers, irrealis: IRREALIS.test(text), holder };
}
