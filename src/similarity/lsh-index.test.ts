import { describe, expect, it } from 'vitest';
import { candidateProbability, LshIndex } from './lsh-index.js';
import { createMinHasher, minhashSignature } from './minhash.js';
import { uniqueSorted } from './shingles.js';

const randomSet = (size: number, seed: number): number[] => {
  let state = seed;
  return Array.from({ length: size }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  });
};

describe('LshIndex', () => {
  const options = { bands: 32, rows: 4 };
  const hasher = createMinHasher(128, 1);
  const signatureOf = (values: number[]): Uint32Array =>
    minhashSignature(hasher, uniqueSorted(Uint32Array.from(values)));

  it('should find a near-duplicate and not an unrelated set', () => {
    const index = new LshIndex(options);
    const base = randomSet(400, 1);
    index.add(0, signatureOf(base));
    index.add(1, signatureOf(randomSet(400, 2)));
    const copy = [...base.slice(0, 360), ...randomSet(40, 3)];
    expect(index.query(signatureOf(copy))).toEqual([0]);
  });

  it('should find candidates at about the rate the banding curve predicts', () => {
    // One family's rate scatters widely around the curve (which bins a set's minima fall
    // in is fixed by the family), so the rate is averaged over 40 families.
    let rate = 0;
    const families = 40;
    const trials = 50;
    for (let f = 1; f <= families; f++) {
      const family = createMinHasher(128, f);
      const signatureOfFamily = (values: number[]): Uint32Array =>
        minhashSignature(family, uniqueSorted(Uint32Array.from(values)));
      const index = new LshIndex(options);
      const base = randomSet(300, 10 + f);
      for (let t = 0; t < trials; t++) {
        // about Jaccard 0.4: 171 of 300 shared, 129 replaced
        index.add(t, signatureOfFamily([...base.slice(0, 171), ...randomSet(129, 1000 * f + t)]));
      }
      rate += index.query(signatureOfFamily(base)).length / trials / families;
    }
    expect(Math.abs(rate - candidateProbability(171 / 429, options))).toBeLessThan(0.08);
  });

  it('should reject a signature of the wrong length', () => {
    expect(() => new LshIndex(options).add(0, new Uint32Array(10))).toThrow(/bands × rows/);
    expect(() => new LshIndex({ bands: 0, rows: 2 })).toThrow(TypeError);
  });
});
