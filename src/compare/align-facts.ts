import type { FactUnit } from './split-fact-units.js';
import { weighConcepts, weightedJaccard } from './weigh-concepts.js';

/** Units aligned into one fact: indexes into the unit list, at most one per article. */
export type AlignedGroup = number[];

export interface AlignOptions {
  /** Least average similarity between the members of a fact. */
  threshold: number;
}

const DEFAULTS: AlignOptions = { threshold: 0.3 };

/** Cross-article unit pairs that share at least one concept, with their similarity. */
function candidatePairs(
  units: FactUnit[],
  weights: Map<string, number>,
  floor: number,
): [number, number, number][] {
  const index = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const c of u.concepts) {
      const list = index.get(c);
      if (list) list.push(i);
      else index.set(c, [i]);
    }
  });
  const seen = new Set<number>();
  const pairs: [number, number, number][] = [];
  units.forEach((u, i) => {
    for (const c of u.concepts) {
      for (const j of index.get(c)!) {
        if (j <= i || units[j]!.articleIndex === u.articleIndex) continue;
        const key = i * units.length + j;
        if (seen.has(key)) continue;
        seen.add(key);
        const sim = weightedJaccard(u.concepts, units[j]!.concepts, weights);
        if (sim >= floor) pairs.push([i, j, sim]);
      }
    }
  });
  return pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
}

/**
 * Aligns fact units across articles by average-link merging over weighted concept
 * overlap: the most similar pairs merge first, and two groups merge only when their
 * members are similar on average and come from different articles.
 */
export function alignFacts(units: FactUnit[], options: Partial<AlignOptions> = {}): AlignedGroup[] {
  const { threshold } = { ...DEFAULTS, ...options };
  const weights = weighConcepts(units.map((u) => u.concepts));
  const pairs = candidatePairs(units, weights, threshold / 2);
  const sim = new Map<number, number>();
  for (const [i, j, s] of pairs) sim.set(i * units.length + j, s);
  const pairSim = (i: number, j: number): number =>
    sim.get(Math.min(i, j) * units.length + Math.max(i, j)) ?? 0;

  const groupOf = units.map((_, i) => i);
  const groups = new Map<number, number[]>(units.map((_, i) => [i, [i]]));
  for (const [i, j, s] of pairs) {
    if (s < threshold) break;
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const a = groups.get(gi)!;
    const b = groups.get(gj)!;
    const articlesA = new Set(a.map((k) => units[k]!.articleIndex));
    if (b.some((k) => articlesA.has(units[k]!.articleIndex))) continue;
    let total = 0;
    for (const x of a) for (const y of b) total += pairSim(x, y);
    if (total / (a.length * b.length) < threshold) continue;
    const merged = [...a, ...b].sort((x, y) => x - y);
    groups.delete(gj);
    groups.set(gi, merged);
    for (const k of b) groupOf[k] = gi;
  }
  return [...groups.values()].sort((a, b) => a[0]! - b[0]!);
}
