import { combineHash, hashString } from './hash32.js';

/**
 * Hashed word shingles (runs of `size` consecutive tokens) as a sorted set of distinct
 * unsigned 32-bit values. A text shorter than `size` gives one shingle of all its words.
 */
export function wordShingles(tokens: readonly string[], size = 3): Uint32Array {
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(`wordShingles(tokens, size): size must be a positive integer, got ${size}`);
  }
  return shinglesOfHashes(
    tokens.map((token) => hashString(token)),
    size,
  );
}

/** The value each shingle's hash starts from (before its words are combined in). */
export const SHINGLE_SEED = 0x9747b28c;

/** `wordShingles` of tokens given by their `hashString` hashes (the same values). */
export function shinglesOfHashes(tokenHashes: ArrayLike<number>, size = 3): Uint32Array {
  const length = tokenHashes.length;
  if (length === 0) return new Uint32Array(0);
  const count = Math.max(1, length - size + 1);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = SHINGLE_SEED;
    const end = Math.min(length, i + size);
    for (let j = i; j < end; j++) h = combineHash(h, tokenHashes[j] ?? 0);
    out[i] = h;
  }
  return uniqueSorted(out);
}

/** Sorts a copy of the values and drops repeats. */
export function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    const value = sorted[read] ?? 0;
    if (read === 0 || value !== sorted[write - 1]) sorted[write++] = value;
  }
  return sorted.slice(0, write);
}
