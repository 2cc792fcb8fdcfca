import type { DerivationKind } from '../model/story.js';

/** The overlap measured between two articles. */
export interface PairOverlap {
  /** Shingle Jaccard. */
  jaccard: number;
  /** Share of the first article's shingles found in the second, and the reverse. */
  firstInSecond: number;
  secondInFirst: number;
  /** Sentences of the second aligned (copied or rewritten) to the first. */
  alignedSentences: number;
  /** Share of the first's and second's countable sentences that are aligned. */
  firstCovered: number;
  secondCovered: number;
  /** Distinct shingles of each text. */
  firstSize: number;
  secondSize: number;
}

export interface DerivationThresholds {
  /** Shingle Jaccard from which two texts are the same report. */
  duplicate: number;
  /** Share of one text (shingles or sentences) taken from the other from which it is a rewrite. */
  rewrite: number;
  /** Sentence coverage alone makes a rewrite only with at least this many aligned sentences… */
  rewriteSentences: number;
  /** …and containment only when the contained text has at least this many shingles: one shared line is not a copy. */
  rewriteShingles: number;
  /** Share of sentences in common from which two texts draw on a shared source… */
  sharedSource: number;
  /** …with at least this many aligned sentences. */
  sharedSourceSentences: number;
}

/**
 * Chosen from the wording of the overlap, not from data: a duplicate keeps most
 * 3-word shingles (edits like a changed boilerplate line or a few substituted words
 * leave Jaccard above 0.8); a rewrite is one text made at least half of the other;
 * a shared source is a few whole sentences in common.
 */
export const DEFAULT_DERIVATION_THRESHOLDS: DerivationThresholds = {
  duplicate: 0.8,
  rewrite: 0.5,
  rewriteSentences: 3,
  rewriteShingles: 30,
  sharedSource: 0.2,
  sharedSourceSentences: 2,
};

/** The kind of derivation an overlap supports, or null when the texts are independent. */
export function classifyDerivation(
  overlap: PairOverlap,
  thresholds: DerivationThresholds = DEFAULT_DERIVATION_THRESHOLDS,
): { kind: DerivationKind; similarity: number } | null {
  const containment = Math.max(
    overlap.firstSize >= thresholds.rewriteShingles ? overlap.firstInSecond : 0,
    overlap.secondSize >= thresholds.rewriteShingles ? overlap.secondInFirst : 0,
  );
  const covered =
    overlap.alignedSentences >= thresholds.rewriteSentences
      ? Math.max(overlap.firstCovered, overlap.secondCovered)
      : 0;
  const sharedCovered = Math.max(overlap.firstCovered, overlap.secondCovered);
  if (overlap.jaccard >= thresholds.duplicate) return { kind: 'duplicate', similarity: overlap.jaccard };
  if (containment >= thresholds.rewrite || covered >= thresholds.rewrite) {
    return { kind: 'rewrite', similarity: Math.max(containment, covered) };
  }
  if (
    sharedCovered >= thresholds.sharedSource &&
    overlap.alignedSentences >= thresholds.sharedSourceSentences
  ) {
    return { kind: 'shared-source', similarity: sharedCovered };
  }
  return null;
}
