import type { PairOverlap } from './classify-derivation.js';

export interface Direction {
  /** 'first' when the first article is the origin, 'second' when the second is, null when the evidence says nothing. */
  origin: 'first' | 'second' | null;
  basis: 'published' | 'containment' | null;
}

/** Share of a text that must be found in the other for it to be the other's origin. */
const CONTAINED = 0.8;
/** How much longer (in shingles) the other must be: "plus additions", not a light edit. */
const LONGER_BY = 1.15;

/**
 * Which of two related articles came first: the earlier publication time when both are
 * known and differ; else, when one text is (almost) wholly inside a clearly longer one,
 * the shorter, since the longer is the other plus additions.
 */
export function decideDirection(
  first: { published: string | null; shingleCount: number },
  second: { published: string | null; shingleCount: number },
  overlap: PairOverlap,
): Direction {
  const a = first.published ? Date.parse(first.published) : NaN;
  const b = second.published ? Date.parse(second.published) : NaN;
  if (Number.isFinite(a) && Number.isFinite(b) && a !== b) {
    return { origin: a < b ? 'first' : 'second', basis: 'published' };
  }
  if (overlap.firstInSecond >= CONTAINED && second.shingleCount >= first.shingleCount * LONGER_BY) {
    return { origin: 'first', basis: 'containment' };
  }
  if (overlap.secondInFirst >= CONTAINED && first.shingleCount >= second.shingleCount * LONGER_BY) {
    return { origin: 'second', basis: 'containment' };
  }
  return { origin: null, basis: null };
}
