import { fmix32 } from './hash32.js';

/**
 * A MinHash family of `size` values by one-permutation hashing with optimal densification
 * (Li, Owen and Zhang 2012; Shrivastava, "Optimal Densification for Fast and Accurate
 * Minwise Hashing", ICML 2017): each element is hashed once, h(x) = fmix32(a·x + b), and
 * falls into one of `size` bins (the high part of h); a bin keeps the smallest h it gets.
 * A bin no element fell into takes the value of the first filled bin along a probe
 * sequence of its own (`probe`), the same for every set. Two sets then agree at a position
 * with probability equal to their Jaccard similarity, as with `size` independent hash
 * functions, at the cost of one hash per element instead of `size`.
 */
export interface MinHasher {
  readonly size: number;
  /** Odd multiplier of the element hash. */
  readonly a: number;
  /** Offset of the element hash. */
  readonly b: number;
  /** Seed of the empty bins' probe sequences. */
  readonly probe: number;
}

/** A family of `size` values drawn deterministically from `seed`. */
export function createMinHasher(size = 128, seed = 1): MinHasher {
  if (!Number.isInteger(size) || size < 1 || size > 2 ** 20) {
    throw new TypeError(`createMinHasher(size, seed): size must be an integer from 1 to 2^20, got ${size}`);
  }
  let state = fmix32(seed ^ 0x5bd1e995);
  state = fmix32(state + 0x9e3779b9);
  const a = (state | 1) >>> 0; // odd multipliers are bijections mod 2^32
  state = fmix32(state + 0x9e3779b9);
  const b = state;
  state = fmix32(state + 0x9e3779b9);
  return { size, a, b, probe: state };
}

const TWO_32 = 4294967296;

/** The bin (0 … size − 1) of a 32-bit value: its high part, by multiplication. */
function binOf(h: number, size: number): number {
  return Math.floor((h * size) / TWO_32);
}

/**
 * The `attempt`-th bin probed for empty bin `bin` (attempt 1, 2, …): a hash of the pair,
 * independent of the set, so that two sets with the same bin empty probe alike.
 */
export function probeBin(hasher: MinHasher, bin: number, attempt: number): number {
  const h = fmix32(fmix32(Math.imul(bin, 0x9e3779b1) ^ hasher.probe) + Math.imul(attempt, 0x85ebca77));
  return binOf(h, hasher.size);
}

/** The MinHash signature of a set of 32-bit shingle hashes (all 0xffffffff for an empty set). */
export function minhashSignature(hasher: MinHasher, shingles: ArrayLike<number>): Uint32Array {
  const { a, b, size } = hasher;
  const signature = new Uint32Array(size).fill(0xffffffff);
  if (shingles.length === 0) return signature;
  const filled = new Uint8Array(size);
  for (let s = 0; s < shingles.length; s++) {
    const h = fmix32(Math.imul(a, shingles[s] as number) + b);
    const bin = binOf(h, size);
    if (h <= (signature[bin] as number)) {
      signature[bin] = h;
      filled[bin] = 1;
    }
  }
  // Optimal densification: an empty bin copies the first filled bin of its probe sequence
  // (read from the filled bins only, never from a bin filled by copying).
  for (let bin = 0; bin < size; bin++) {
    if (filled[bin]) continue;
    let from = probeBin(hasher, bin, 1);
    for (let attempt = 2; !filled[from]; attempt++) from = probeBin(hasher, bin, attempt);
    signature[bin] = signature[from] as number;
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
