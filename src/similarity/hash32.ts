/**
 * 32-bit hashing on Math.imul: a murmur3-style string hash and its finaliser. Every
 * fingerprint in the project is built on these, so they must stay stable across versions.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The murmur3 finaliser: spreads every input bit over the whole word. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function mixBlock(h: number, k: number): number {
  let block = Math.imul(k, C1);
  block = (block << 15) | (block >>> 17);
  block = Math.imul(block, C2);
  let next = h ^ block;
  next = (next << 13) | (next >>> 19);
  return (Math.imul(next, 5) + 0xe6546b64) | 0;
}

/** Murmur3-style hash of a string's UTF-16 code units (two per block), as an unsigned 32-bit integer. */
export function hashString(text: string, seed = 0): number {
  let h = seed | 0;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    h = mixBlock(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  }
  if (i < length) {
    let tail = Math.imul(text.charCodeAt(i), C1);
    tail = (tail << 15) | (tail >>> 17);
    h ^= Math.imul(tail, C2);
  }
  return fmix32(h ^ length);
}

/** Combines an accumulated hash with one more 32-bit value (order matters). */
export function combineHash(h: number, value: number): number {
  return mixBlock(h, value) >>> 0;
}
