import { fmix32 } from './hash32.js';

const EMPTY = -1;
const DELETED = -2;
/** Int32 words per slot: two hashes, the id, and one unused so a slot never straddles a cache line. */
const STRIDE = 4;
const MIN_SLOTS = 1024;

let first = 0;
let second = 0;

/** Two independent 32-bit hashes of a term's UTF-16 code units, into `first` and `second`. */
function hashTerm(term: string): void {
  hashJoined(term, -1, '');
}

/**
 * `hashTerm` of `left`, the code unit `joiner` (none when negative) and `right` written one
 * after the other, without building that string.
 */
function hashJoined(left: string, joiner: number, right: string): void {
  let a = 0x9747b28c | 0;
  let b = 0x5bd1e995 | 0;
  for (let i = 0; i < left.length; i++) {
    const c = left.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b + c) | 0, 0xcc9e2d51);
    b = (b << 15) | (b >>> 17);
  }
  if (joiner >= 0) {
    a = Math.imul(a ^ joiner, 0x01000193);
    b = Math.imul((b + joiner) | 0, 0xcc9e2d51);
    b = (b << 15) | (b >>> 17);
  }
  for (let i = 0; i < right.length; i++) {
    const c = right.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b + c) | 0, 0xcc9e2d51);
    b = (b << 15) | (b >>> 17);
  }
  const length = left.length + (joiner >= 0 ? 1 : 0) + right.length;
  first = fmix32(a ^ length) | 0;
  second = fmix32(b ^ Math.imul(length, 0x1b873593)) | 0;
}

/**
 * `termHashesInto` of the term `${left}${String.fromCharCode(joiner)}${right}` (a word
 * pair), without building it.
 */
export function joinedTermHashesInto(
  left: string,
  joiner: number,
  right: string,
  out: Int32Array,
  at: number,
): void {
  hashJoined(left, joiner, right);
  out[at] = first;
  out[at + 1] = second;
}

/**
 * Writes a term's two 32-bit hashes (the table's key) into `out` at `at` and `at + 1`, so
 * that another thread can hash terms for a dictionary (`getOrSetHashed`).
 */
export function termHashesInto(term: string, out: Int32Array, at: number): void {
  hashTerm(term);
  out[at] = first;
  out[at + 1] = second;
}

/**
 * A term → id map (the corpus dictionary) as an open-addressing table of typed arrays keyed
 * by a 64-bit hash of the term (two 32-bit hashes), without the term itself. A look-up
 * reads one slot, where a Map of strings reads its bucket, its entry and the stored string
 * to compare: with millions of terms (a stream's word pairs) each of those is a cache miss,
 * and the Map was the largest part of online clustering (28% of the main thread's profile
 * at 40,000 articles, growing with the dictionary). Two different terms would share an id
 * only if both hashes agreed (about 2^-64 per pair of terms: for 10 million terms, a
 * chance of a few in a million over the whole stream); the table behaves as the Map
 * otherwise, and the terms themselves stay in the caller's id-ordered list.
 */
export class TermDictionary {
  private slots = new Int32Array(MIN_SLOTS * STRIDE).fill(EMPTY);
  private mask = MIN_SLOTS - 1;
  private live = 0;
  /** Slots taken by a live or deleted term (deleted ones keep probe chains intact). */
  private taken = 0;

  /** Number of terms held. */
  get size(): number {
    return this.live;
  }

  /** The id of a term, or undefined. */
  get(term: string): number | undefined {
    const slot = this.find(term);
    return slot < 0 ? undefined : (this.slots[slot + 2] as number);
  }

  has(term: string): boolean {
    return this.find(term) >= 0;
  }

  /** Sets a term's id (ids are non-negative). */
  set(term: string, id: number): this {
    if (!(id >= 0)) throw new TypeError(`TermDictionary.set: id ${id} must be a non-negative integer`);
    const found = this.find(term);
    if (found >= 0) {
      this.slots[found + 2] = id;
      return this;
    }
    if ((this.taken + 1) * 10 > (this.mask + 1) * 7) this.rehash();
    // `find` left the term's hashes in `first` and `second`; rehashing does not touch them.
    this.put(first, second, id);
    this.live++;
    return this;
  }

  /** The id of a term, setting it to `id` first when the term is absent (one look-up for both). */
  getOrSet(term: string, id: number): number {
    const found = this.find(term);
    if (found >= 0) return this.slots[found + 2] as number;
    this.set(term, id);
    return id;
  }

  /**
   * Reads the first slot each of `count` hash pairs (`hashes[2k]`, `hashes[2k + 1]`) probes
   * and returns a value made of them (for the caller to keep, so the reads are not dropped):
   * independent reads that the processor overlaps, so the probes that follow find their
   * slots in cache instead of waiting for memory one term at a time (the table of a large
   * dictionary is far larger than the caches).
   */
  warm(hashes: Int32Array, count: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let sum = 0;
    for (let k = 0; k < count; k++) sum ^= slots[((hashes[2 * k] as number) & mask) * STRIDE + 2] as number;
    return sum;
  }

  /**
   * `getOrSet` for a term given by its hashes (`termHashesInto`): the same table entry, and
   * no string to hash. Returns the term's id, `id` when it was absent and is added.
   */
  getOrSetHashed(h1: number, h2: number, id: number): number {
    if (!(id >= 0))
      throw new TypeError(`TermDictionary.getOrSetHashed: id ${id} must be a non-negative integer`);
    const found = this.findHashed(h1 | 0, h2 | 0);
    if (found >= 0) return this.slots[found + 2] as number;
    if ((this.taken + 1) * 10 > (this.mask + 1) * 7) this.rehash();
    this.put(h1 | 0, h2 | 0, id);
    this.live++;
    return id;
  }

  /** Removes a term; returns whether it was there. */
  delete(term: string): boolean {
    const slot = this.find(term);
    if (slot < 0) return false;
    this.slots[slot + 2] = DELETED;
    this.live--;
    return true;
  }

  /** Slot offset (into `slots`) of a term, or -1; leaves its hashes in `first` and `second`. */
  private find(term: string): number {
    hashTerm(term);
    return this.findHashed(first, second);
  }

  /** Slot offset of the term with these hashes, or -1. */
  private findHashed(h1: number, h2: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let index = h1 & mask;
    for (;;) {
      const at = index * STRIDE;
      const id = slots[at + 2] as number;
      if (id === EMPTY) return -1;
      if (id !== DELETED && slots[at] === h1 && slots[at + 1] === h2) return at;
      index = (index + 1) & mask;
    }
  }

  private put(h1: number, h2: number, id: number): void {
    const slots = this.slots;
    const mask = this.mask;
    let index = h1 & mask;
    while (slots[index * STRIDE + 2] !== EMPTY) index = (index + 1) & mask;
    const at = index * STRIDE;
    slots[at] = h1;
    slots[at + 1] = h2;
    slots[at + 2] = id;
    this.taken++;
  }

  /**
   * Rebuilds the table without deleted slots, at least two slots per live term (filled to
   * at most 70% before the next rebuild: short probes, and 16 bytes a slot).
   */
  private rehash(): void {
    const old = this.slots;
    let capacity = MIN_SLOTS;
    while (capacity < (this.live + 1) * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * STRIDE).fill(EMPTY);
    this.mask = capacity - 1;
    this.taken = 0;
    for (let at = 0; at < old.length; at += STRIDE) {
      const id = old[at + 2] as number;
      if (id >= 0) this.put(old[at] as number, old[at + 1] as number, id);
    }
  }
}
