import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kthSmallest, StoryCentroid } from './story-centroid.js';

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
