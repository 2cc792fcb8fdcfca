import type { Annotations } from '../model/annotations.js';

// A verification word and a marker that it is missing, in one sentence: "has yet to be
// independently verified", "independent verification … remains unavailable".
const VERIFY = /\b(?:verif\w*|confirm\w*|corroborat\w*|substantiat\w*)\b/i;
const MISSING =
  /\b(?:not|never|no|yet to|unable|cannot|can't|couldn't|unavailable|elusive|impossible|lacking|lacks|absent|without)\b/i;
// A sentence that points back at the previous one's figure or claim.
const ANAPHOR =
  /\b(?:this|these|that|those|the|such)\s+(?:figures?|numbers?|claims?|statistics?|tolls?|reports?|accounts?|assertions?|estimates?|allegations?)\b/i;

/** True when a sentence says on its own terms that something in it is not verified. */
export function saysUnverified(sentence: string): boolean {
  return VERIFY.test(sentence) && MISSING.test(sentence);
}

/**
 * Indexes of the sentences whose content the article marks as unverified: sentences
 * holding an `unverified` hedge or a missing-verification phrase, and the sentence before
 * one whose verification note points back at it ("However, independent verification of
 * these numbers remains elusive.").
 */
export function findUnverifiedSentences(annotations: Annotations): Set<number> {
  const flagged = new Set<number>();
  const { sentences, hedges } = annotations;
  sentences.forEach((sentence, i) => {
    const hedged = hedges.some(
      (h) => h.kind === 'unverified' && h.start >= sentence.start && h.end <= sentence.end,
    );
    if (!hedged && !saysUnverified(sentence.text)) return;
    flagged.add(i);
    if (i > 0 && ANAPHOR.test(sentence.text)) flagged.add(i - 1);
  });
  return flagged;
}
