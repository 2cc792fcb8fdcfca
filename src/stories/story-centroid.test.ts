import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthSmallest, PruneScratch, StoryCentroid } from './story-centroid.js';

/** The kept terms as the first version of `prune` chose them: sort every pair by |weight|, then id. */
function heaviestBySorting(entries: [number, number][], keep: number): [number, number][] {
  return [...entries].sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || x[0] - y[0]).slice(0, keep);
}

const sorted = (entries: Iterable<[number, number]>): [number, number][] =>
  [...entries].sort((x, y) => x[0] - y[0]);

describe('StoryCentroid.prune', () => {
  it('should keep the heaviest terms, ties to the lower id, and the whole length', () => {
    let seed = 11;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const centroid = new StoryCentroid();
    const ids = Array.from({ length: 600 }, (_, i) => i * 7 + 3);
    // Weights on a coarse grid (many ties), some negative.
    const weights = ids.map(() => Math.round((random() - 0.2) * 20) / 4);
    centroid.add({ ids: Uint32Array.from(ids), weights: Float32Array.from(weights) });
    const before = sorted(centroid.entries());
    const heaviest = heaviestBySorting(before, 100);
    const [top] = heaviest[0] as [number, number];
    const unit = { ids: new Uint32Array([top]), weights: new Float32Array([1]) };
    const cosine = centroid.cosine(unit);
    centroid.prune(100);
    expect(centroid.size).toBe(100);
    expect(sorted(centroid.entries())).toEqual(sorted(heaviest));
    // The length stays that of the whole sum.
    expect(centroid.cosine(unit)).toBe(cosine);
  });

  it('should prune again into the same table, with one scratch for several centroids', () => {
    let seed = 29;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const scratch = new PruneScratch();
    for (const size of [600, 300]) {
      const centroid = new StoryCentroid();
      const vector = (from: number, count: number): { ids: Uint32Array; weights: Float32Array } => ({
        ids: Uint32Array.from({ length: count }, (_, i) => from + i * 3),
        weights: Float32Array.from({ length: count }, () => Math.round(random() * 40) / 8),
      });
      centroid.add(vector(1, size));
      centroid.prune(100, scratch);
      // 60 more terms leave the table at its pruned size, so each next prune reuses it
      // (a table left holding stale keys would fill up within a few rounds).
      for (let round = 0; round < 12; round++) {
        centroid.add(vector(5000 + 1000 * round, 60));
        const before = sorted(centroid.entries());
        centroid.prune(100, scratch);
        expect(centroid.size).toBe(100);
        expect(sorted(centroid.entries())).toEqual(sorted(heaviestBySorting(before, 100)));
        for (const [id, w] of before) expect(centroid.get(id)).toBe(centroid.has(id) ? w : 0);
      }
    }
  });

  it('should keep every term when there are no more than asked', () => {
    const centroid = new StoryCentroid();
    centroid.set(5, 1);
    centroid.set(9, -2);
    centroid.prune(2);
    expect(sorted(centroid.entries())).toEqual([
      [5, 1],
      [9, -2],
    ]);
  });
});

describe('StoryCentroid look-ups', () => {
  it('should find every term a plain Map holds, through growth, weights back to zero and pruning', () => {
    let seed = 3;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const centroid = new StoryCentroid();
    const sums = new Map<number, number>();
    const check = (): void => {
      // Every id held, and as many absent ones (the presence filter must never hide a term).
      for (const [id, w] of sums) expect(centroid.get(id)).toBe(w);
      for (let k = 0; k < 2000; k++) {
        const id = 1_000_000 + Math.floor(random() * 1_000_000);
        expect(centroid.get(id)).toBe(sums.get(id) ?? 0);
      }
    };
    for (let round = 0; round < 40; round++) {
      const ids = [...new Set(Array.from({ length: 150 }, () => Math.floor(random() * 20_000)))].sort(
        (a, b) => a - b,
      );
      const vector = { ids: Uint32Array.from(ids), weights: Float32Array.from(ids, () => random()) };
      const sign = round % 5 === 4 ? -1 : 1;
      centroid.add(vector, sign);
      ids.forEach((id, i) => {
        const next = (sums.get(id) ?? 0) + sign * (vector.weights[i] as number);
        if (Math.abs(next) < 1e-9) sums.delete(id);
        else sums.set(id, next);
      });
      for (const [id, w] of sums) if (centroid.get(id) === 0) expect([id, w]).toBeUndefined();
      if (round % 13 === 12) {
        centroid.prune(1000);
        for (const id of [...sums.keys()]) if (centroid.get(id) === 0) sums.delete(id);
        expect(centroid.size).toBe(sums.size);
      }
      check();
    }
  });
});

describe('StoryCentroid growth', () => {
  it('should keep its terms when it grows into a table of the same size (slots held by weights back to zero)', () => {
    const centroid = new StoryCentroid();
    const vector = (from: number, count: number): { ids: Uint32Array; weights: Float32Array } => ({
      ids: Uint32Array.from({ length: count }, (_, i) => from + i),
      weights: Float32Array.from({ length: count }, (_, i) => 1 + ((from + i) % 7)),
    });
    const held = new Map<number, number>();
    // 40 terms in a table of 64 slots, then 20 of them taken away again: their slots stay
    // taken with weight 0, so when new terms fill the table to 70% it is rebuilt for the
    // live terms at the same size.
    centroid.add(vector(0, 40));
    centroid.add(vector(0, 20), -1);
    for (let i = 20; i < 40; i++) held.set(i, 1 + (i % 7));
    for (let k = 0; k < 8; k++) {
      centroid.add(vector(1000 + 3 * k, 3));
      for (let i = 1000 + 3 * k; i < 1003 + 3 * k; i++) held.set(i, 1 + (i % 7));
      for (const [id, w] of held) expect(centroid.get(id)).toBe(w);
      expect(centroid.size).toBe(held.size);
    }
  });
});

describe('kthSmallest', () => {
  it('should give the value sorting puts at each place, with many ties', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 300,
        }),
        fc.nat(),
        (values, at) => {
          const k = at % values.length;
          const sorted = Float64Array.from(values).sort();
          expect(kthSmallest(Float64Array.from(values), k)).toBe(sorted[k]);
        },
      ),
      { numRuns: 2000, seed: 5 },
    );
  });

  it('should reject a place outside the values', () => {
    expect(() => kthSmallest(new Float64Array(3), 3)).toThrow(RangeError);
  });
});
