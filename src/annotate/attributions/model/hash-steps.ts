/**
 * The integer hashing steps the tagger's feature hashes are built from. The shipped weights
 * were trained on exactly these values: changing any of them needs a retrain.
 */

/** FNV-1a prime. */
export const PRIME = 0x01000193;

/** Integer FNV-style step. */
export function mix(h: number, v: number): number {
  return Math.imul(h ^ v, PRIME);
}

/** Spreads every input bit over the low bits that the bucket mask keeps (murmur3 finaliser). */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Distance buckets: 0, 1, 2, 3, 4-6, 7-10, 11-20, 21+ as 0..7. */
export function near(d: number): number {
  return d <= 3 ? d : d <= 6 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : 7;
}

/** FNV-1a hash of `s` (its UTF-16 units) from `from` on. */
export function fnv1a(s: string, from = 0): number {
  let h = 0x811c9dc5;
  for (let i = from; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
  return h;
}
