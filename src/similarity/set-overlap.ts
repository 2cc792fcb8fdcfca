/** Size of the intersection of two sorted sets of distinct values. */
export function intersectionSize(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Exact Jaccard similarity of two sorted sets (1 for two empty sets). */
export function jaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = intersectionSize(a, b);
  return shared / (a.length + b.length - shared);
}

/** Share of `a` found in `b`: 1 when every shingle of `a` is in `b` (0 for an empty `a`). */
export function containment(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return a.length === 0 ? 0 : intersectionSize(a, b) / a.length;
}

/**
 * `jaccard(a, b)`, `containment(a, b)` and `containment(b, a)` of two sorted sets from one
 * pass over them (the same values: each is a ratio of the one intersection size).
 */
export function shingleOverlap(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
): { jaccard: number; firstInSecond: number; secondInFirst: number } {
  const shared = intersectionSize(a, b);
  return {
    jaccard: a.length === 0 && b.length === 0 ? 1 : shared / (a.length + b.length - shared),
    firstInSecond: a.length === 0 ? 0 : shared / a.length,
    secondInFirst: b.length === 0 ? 0 : shared / b.length,
  };
}
