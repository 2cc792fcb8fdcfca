import { fmix32 } from './hash32.js';

const EMPTY = -1;
const DELETED = -2;
const MIN_CAPACITY = 16;

/** Slots for `live` entries: a power of two with at least two slots per entry. */
function capacityFor(live: number): number {
  let capacity = MIN_CAPACITY;
  while (capacity < (live + 1) * 2) capacity *= 2;
  return capacity;
}

/**
 * The open-addressing table both classes below keep: int32 keys and non-negative int32 values
 * in two typed arrays, `EMPTY` and `DELETED` (a tombstone) marking free slots, linear probing
 * from the key's `fmix32` hash, rebuilt without tombstones at most half full once 70% of the
 * slots are taken.
 */
abstract class IntSlots {
  protected keys: Int32Array;
  protected values: Int32Array;
  protected mask: number;
  protected live = 0;
  /** Slots holding a value or a tombstone. */
  protected taken = 0;

  constructor() {
    this.keys = new Int32Array(MIN_CAPACITY);
    this.values = new Int32Array(MIN_CAPACITY).fill(EMPTY);
    this.mask = MIN_CAPACITY - 1;
  }

  /** Number of live entries: (key, value) pairs of a multimap, keys with a count above 0. */
  get size(): number {
    return this.live;
  }

  /** Puts a new (key, value) slot, rebuilding the table first when it is too full. */
  protected insert(key: number, value: number): void {
    if ((this.taken + 1) * 10 > (this.mask + 1) * 7) this.rehash();
    this.put(key, value);
    this.live++;
  }

  private put(key: number, value: number): void {
    const { keys, values, mask } = this;
    let slot = fmix32(key) & mask;
    while (values[slot] !== EMPTY) slot = (slot + 1) & mask;
    keys[slot] = key;
    values[slot] = value;
    this.taken++;
  }

  /** Rebuilds the table without tombstones, at most half full. */
  private rehash(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = capacityFor(this.live);
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.taken = 0;
    for (let slot = 0; slot < oldValues.length; slot++) {
      const value = oldValues[slot] as number;
      if (value >= 0) this.put(oldKeys[slot] as number, value);
    }
  }
}

/**
 * A multimap from 32-bit integer keys to non-negative 32-bit integer values, as one
 * open-addressing table of (key, value) slots in two typed arrays: a key with n values takes
 * n slots. It replaces `Map<number, number[]>` where millions of small lists are kept (the
 * derivation index's LSH buckets and sentence look-up lists: about 90 bytes per entry there,
 * a Map entry and an array each, against 16 here at half load), and its lists are
 * unordered, which their callers never relied on. Removed values leave tombstones until
 * the table is rebuilt. Keys are compared as int32 (`key | 0`), so unsigned hashes work too.
 */
export class IntMultiMap extends IntSlots {
  /** Adds a value under a key (a value already there is added again). */
  add(key: number, value: number): void {
    if (!(value >= 0 && value <= 0x7fffffff))
      throw new TypeError(`IntMultiMap.add: value ${value} must be a non-negative 32-bit integer`);
    this.insert(key | 0, value);
  }

  /** How many values a key holds. */
  count(key: number): number {
    const k = key | 0;
    const { keys, values, mask } = this;
    let found = 0;
    for (let slot = fmix32(k) & mask; ; slot = (slot + 1) & mask) {
      const value = values[slot] as number;
      if (value === EMPTY) return found;
      if (value >= 0 && keys[slot] === k) found++;
    }
  }

  /** Calls `visit` with each value of a key (in no particular order). */
  forEach(key: number, visit: (value: number) => void): void {
    const k = key | 0;
    const { keys, values, mask } = this;
    for (let slot = fmix32(k) & mask; ; slot = (slot + 1) & mask) {
      const value = values[slot] as number;
      if (value === EMPTY) return;
      if (value >= 0 && keys[slot] === k) visit(value);
    }
  }

  /** Removes one entry (key, value); returns whether it was there. */
  remove(key: number, value: number): boolean {
    const k = key | 0;
    const { keys, values, mask } = this;
    for (let slot = fmix32(k) & mask; ; slot = (slot + 1) & mask) {
      const held = values[slot] as number;
      if (held === EMPTY) return false;
      if (held === value && keys[slot] === k) {
        values[slot] = DELETED;
        this.live--;
        return true;
      }
    }
  }
}

/**
 * Counts per 32-bit integer key in an open-addressing table of typed arrays; a key whose
 * count falls to 0 leaves (a tombstone until the table is rebuilt). It replaces
 * `Map<number, number>` for millions of hash keys (about 40 bytes an entry there, more for
 * keys above 2^31, which a Map holds as boxed numbers; 16 here at half load).
 */
export class IntCounts extends IntSlots {
  /** The count of a key (0 when absent). */
  get(key: number): number {
    const slot = this.find(key | 0);
    return slot < 0 ? 0 : (this.values[slot] as number);
  }

  /** Adds `delta` to a key's count (which must stay at 0 or above); returns the new count. */
  add(key: number, delta: number): number {
    const k = key | 0;
    const slot = this.find(k);
    const next = (slot < 0 ? 0 : (this.values[slot] as number)) + delta;
    if (!(next >= 0 && next <= 0x7fffffff))
      throw new RangeError(`IntCounts.add: the count of ${key} would be ${next}`);
    if (slot >= 0) {
      if (next > 0) this.values[slot] = next;
      else {
        this.values[slot] = DELETED;
        this.live--;
      }
      return next;
    }
    if (next === 0) return 0;
    this.insert(k, next);
    return next;
  }

  private find(key: number): number {
    const { keys, values, mask } = this;
    for (let slot = fmix32(key) & mask; ; slot = (slot + 1) & mask) {
      const count = values[slot] as number;
      if (count === EMPTY) return -1;
      if (count > 0 && keys[slot] === key) return slot;
    }
  }
}
