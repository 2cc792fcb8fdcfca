import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createMinHasher, estimateJaccard, minhashSignature } from './minhash.js';
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

  it('should reject signatures of different lengths', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow(TypeError);
  });
});
