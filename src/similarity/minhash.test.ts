import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMinHasher, estimateJaccard, minhashSignature, probeBin } from './minhash.js';
import { jaccard } from './set-overlap.js';
import { uniqueSorted, wordShingles } from './shingles.js';
import { tokenize } from './tokenize.js';

describe('minhash', () => {
  const hasher = createMinHasher(256, 7);

  it('should give identical signatures for texts that differ only in case and punctuation', () => {
    const a = wordShingles(tokenize('Russia claims full control of the Kursk region.'));
    const b = wordShingles(tokenize('RUSSIA claims “full control” of the Kursk region'));
    expect(minhashSignature(hasher, a)).toEqual(minhashSignature(hasher, b));
  });

  it('should draw the same family from the same seed and a different one from another seed', () => {
    expect(createMinHasher(16, 3)).toEqual(createMinHasher(16, 3));
    expect(createMinHasher(16, 3).a).not.toEqual(createMinHasher(16, 4).a);
  });

  it('should estimate Jaccard similarity of random sets within four standard errors', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 20, maxLength: 300 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 0, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (base, extra, keepShare) => {
          const kept = base.slice(0, Math.max(1, Math.round(base.length * keepShare)));
          const a = uniqueSorted(Uint32Array.from(base));
          const b = uniqueSorted(Uint32Array.from([...kept, ...extra]));
          const truth = jaccard(a, b);
          const estimate = estimateJaccard(minhashSignature(hasher, a), minhashSignature(hasher, b));
          const standardError = Math.sqrt((truth * (1 - truth)) / hasher.size);
          expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(4 * standardError + 0.02);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });

  // Sets of known Jaccard similarity: `shared` values in both, `own` more in each.
  const knownPair = (shared: number, own: number, seed: number): [Uint32Array, Uint32Array] => {
    let state = seed;
    const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
    const common = Array.from({ length: shared }, next);
    const a = [...common, ...Array.from({ length: own }, next)];
    const b = [...common, ...Array.from({ length: own }, next)];
    return [uniqueSorted(Uint32Array.from(a)), uniqueSorted(Uint32Array.from(b))];
  };
  const meanEstimate = (shared: number, own: number, families: number, size: number): number => {
    let sum = 0;
    for (let seed = 1; seed <= families; seed++) {
      const family = createMinHasher(size, seed);
      const [a, b] = knownPair(shared, own, 1000 + seed);
      sum += estimateJaccard(minhashSignature(family, a), minhashSignature(family, b));
    }
    return sum / families;
  };

  it('should estimate Jaccard without bias on sets larger than the signature', () => {
    // 300 shared, 150 own each: J = 300 / 600 = 0.5; standard error of the mean of 200
    // estimates about sqrt(0.25 / 128 / 200) = 0.003.
    expect(Math.abs(meanEstimate(300, 150, 200, 128) - 0.5)).toBeLessThan(0.015);
  });

  it('should estimate Jaccard without bias on sets far smaller than the signature (most bins densified)', () => {
    // 6 shared, 6 own each: J = 6 / 18 = 1/3, with about 110 of 128 bins empty in each set.
    // Filling empty bins with a constant would make them agree and push the mean up.
    expect(Math.abs(meanEstimate(6, 6, 400, 128) - 1 / 3)).toBeLessThan(0.03);
    expect(meanEstimate(0, 8, 100, 128)).toBe(0);
  });

  it('should give a one-element set the same value in every bin and an empty set none', () => {
    const family = createMinHasher(64, 5);
    const one = minhashSignature(family, Uint32Array.of(12345));
    expect(new Set(one).size).toBe(1);
    expect([...minhashSignature(family, new Uint32Array(0))]).toEqual(new Array(64).fill(0xffffffff));
  });

  it('should probe every bin from any empty bin', () => {
    const family = createMinHasher(32, 9);
    const reached = new Set<number>();
    for (let attempt = 1; attempt <= 400; attempt++) reached.add(probeBin(family, 3, attempt));
    expect(reached.size).toBe(32);
  });

  it('should reject signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(TypeError);
  });
});
