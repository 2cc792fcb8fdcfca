import { fmix32 } from './hash32.js';

/** The k hash functions of a MinHash family: h_i(x) = fmix32(a_i·x + b_i) in 32-bit arithmetic. */
export interface MinHasher {
  readonly size: number;
  readonly a: Uint32Array;
  readonly b: Uint32Array;
}

/** A family of `size` hash functions drawn deterministically from `seed`. */
export function createMinHasher(size = 128, seed = 1): MinHasher {
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(`createMinHasher(size, seed): size must be a positive integer, got ${size}`);
  }
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  let state = fmix32(seed ^ 0x5bd1e995);
  for (let i = 0; i < size; i++) {
    state = fmix32(state + 0x9e3779b9);
    a[i] = (state | 1) >>> 0; // odd multipliers are bijections mod 2^32
    state = fmix32(state + 0x9e3779b9);
    b[i] = state;
  }
  return { size, a, b };
}

/** The MinHash signature of a set of 32-bit shingle hashes (all 0xffffffff for an empty set). */
export function minhashSignature(hasher: MinHasher, shingles: ArrayLike<number>): Uint32Array {
  const signature = new Uint32Array(hasher.size).fill(0xffffffff);
  const { a, b, size } = hasher;
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < size; i++) {
      const h = fmix32(Math.imul(a[i] as number, x) + (b[i] as number));
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

/** Share of equal positions in two signatures: an unbiased estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) {
    throw new TypeError('estimateJaccard(a, b): signatures must come from the same MinHasher');
  }
  if (a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}
