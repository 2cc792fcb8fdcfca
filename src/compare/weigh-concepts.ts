/** Inverse document frequency of each concept over a set of concept sets (rare concepts weigh more). */
export function weighConcepts(sets: readonly Set<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const set of sets) for (const c of set) df.set(c, (df.get(c) ?? 0) + 1);
  const n = sets.length;
  const weights = new Map<string, number>();
  for (const [c, d] of df) {
    // Entities and numbers anchor an alignment more than a common word does.
    const anchor = c.startsWith('N:') ? 2 : c.startsWith('E:') ? 1.3 : 1;
    weights.set(c, anchor * Math.log(1 + n / d));
  }
  return weights;
}

/** Weighted Jaccard overlap of two concept sets, 0..1. */
export function weightedJaccard(a: Set<string>, b: Set<string>, weights: Map<string, number>): number {
  let shared = 0;
  let union = 0;
  for (const c of a) {
    const w = weights.get(c) ?? 1;
    union += w;
    if (b.has(c)) shared += w;
  }
  for (const c of b) if (!a.has(c)) union += weights.get(c) ?? 1;
  return union === 0 ? 0 : shared / union;
}

/** Weighted share of the lighter set found in the other, 0..1: containment rather than likeness. */
export function weightedOverlap(a: Set<string>, b: Set<string>, weights: Map<string, number>): number {
  let shared = 0;
  let wa = 0;
  let wb = 0;
  for (const c of a) {
    const w = weights.get(c) ?? 1;
    wa += w;
    if (b.has(c)) shared += w;
  }
  for (const c of b) wb += weights.get(c) ?? 1;
  const lighter = Math.min(wa, wb);
  return lighter === 0 ? 0 : shared / lighter;
}
