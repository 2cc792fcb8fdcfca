import type { SparseVector } from '../similarity/sparse-vector.js';

const EMPTY = -1;
const MIN_CAPACITY = 16;
/** Bits of the presence filter per table slot. */
const FILTER_BITS_PER_SLOT = 8;

/**
 * A running sum of unit article vectors, with its squared length kept up to date. The sum
 * is an open-addressing hash table of term ids in typed arrays (about half the memory of
 * a Map of numbers, and faster to look up: the cosine of an article against each
 * candidate story is most of online clustering). A term whose weight falls back to zero
 * keeps its slot, with weight 0, until the table grows. Tables fill to 70% before growing
 * and are rebuilt at most half full: a pruned story's table is 8,192 slots (96 KB) instead
 * of 16,384 at the quarter-full policy before, and the look-ups of an article against its
 * candidate stories, mostly cache misses, ran about 9% faster (60,000 generated articles,
 * clustering alone, 3 passes each alternating: 14.1 s against 15.5 s; same stories).
 */
export class StoryCentroid {
  private keys = new Int32Array(0);
  private values = new Float64Array(0);
  /**
   * Presence filter: one bit per term id hash (`FILTER_BITS_PER_SLOT` bits per slot, a
   * second hash), set for every key in the table; a clear bit means the term is absent
   * without probing the table. About 80% of an article's look-ups against a candidate
   * story miss (a stream of 30,000 generated articles: 157 M look-ups, 31 M hits), and the
   * filter is an eighth of the table's size, so it mostly stays in cache where the table
   * does not.
   */
  private filter = new Int32Array(0);
  private filterShift = 32;
  /** Slots taken (terms with a weight, or whose weight fell to 0). */
  private used = 0;
  /** Terms with a non-zero weight. */
  private live = 0;
  private shift = 32;
  private lengthSquared = 0;

  /** Number of terms with a non-zero weight. */
  get size(): number {
    return this.live;
  }

  add(vector: SparseVector, sign: 1 | -1 = 1): void {
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i] as number;
      const w = sign * (vector.weights[i] as number);
      const slot = this.slotFor(id);
      const old = this.values[slot] as number;
      const next = old + w;
      this.lengthSquared += next * next - old * old;
      this.store(slot, Math.abs(next) < 1e-9 ? 0 : next);
    }
    if (this.live === 0) this.lengthSquared = 0;
  }

  /** Cosine between a unit vector and the centroid. */
  cosine(vector: SparseVector): number {
    if (this.lengthSquared <= 1e-12) return 0;
    let dot = 0;
    for (let i = 0; i < vector.ids.length; i++)
      dot += (vector.weights[i] as number) * this.get(vector.ids[i] as number);
    return dot / Math.sqrt(this.lengthSquared);
  }

  /** Whether the centroid holds a term. */
  has(id: number): boolean {
    return this.get(id) !== 0;
  }

  /** Weight of a term in the sum (0 when absent). */
  get(id: number): number {
    const keys = this.keys;
    if (keys.length === 0) return 0;
    const bit = Math.imul(id, 0x85ebca6b) >>> this.filterShift;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return 0;
    const mask = keys.length - 1;
    let slot = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = keys[slot] as number;
      if (key === id) return this.values[slot] as number;
      if (key === EMPTY) return 0;
      slot = (slot + 1) & mask;
    }
  }

  /** Sets a term's weight (restoring a saved centroid; the length is restored separately). */
  set(id: number, weight: number): void {
    this.store(this.slotFor(id), weight);
  }

  /** Terms with a non-zero weight, as [id, weight], in table order. */
  *entries(): IterableIterator<[number, number]> {
    for (let slot = 0; slot < this.keys.length; slot++) {
      const w = this.values[slot] as number;
      if (this.keys[slot] !== EMPTY && w !== 0) yield [this.keys[slot] as number, w];
    }
  }

  /** Dot product of the two sums: over unit article vectors, the sum of all pairwise cosines. */
  dotWith(other: StoryCentroid): number {
    const [small, large] = this.live <= other.live ? [this, other] : [other, this];
    let dot = 0;
    const { keys, values } = small;
    for (let slot = 0; slot < keys.length; slot++) {
      const w = values[slot] as number;
      if (w !== 0 && keys[slot] !== EMPTY) dot += w * large.get(keys[slot] as number);
    }
    return dot;
  }

  /** Cosine between two centroids. */
  cosineWith(other: StoryCentroid): number {
    if (this.lengthSquared <= 1e-12 || other.lengthSquared <= 1e-12) return 0;
    return this.dotWith(other) / Math.sqrt(this.lengthSquared * other.lengthSquared);
  }

  merge(other: StoryCentroid): void {
    for (const [id, w] of other.entries()) {
      const slot = this.slotFor(id);
      const old = this.values[slot] as number;
      const next = old + w;
      this.lengthSquared += next * next - old * old;
      this.store(slot, next);
    }
  }

  /**
   * Keeps only the `keep` heaviest terms (by absolute weight; ties to the lower id). The
   * squared length stays that of the whole sum, as in a saved state (see
   * `DEFAULT_STATE_CENTROID_TERMS`), so cosines keep their scale.
   */
  prune(keep: number, scratch: PruneScratch = new PruneScratch()): void {
    if (this.live <= keep) return;
    // The weight a kept term must reach: the keep-th largest absolute weight, selected in
    // a typed copy of the weights (no [id, weight] pair per term: pruning a large story's
    // centroid every few articles was 9% of online clustering with a sort of pairs; a full
    // sort of the copy, 7%).
    scratch.reserve(this.live);
    const { ids, weights, magnitudes } = scratch;
    let n = 0;
    for (let slot = 0; slot < this.keys.length; slot++) {
      const w = this.values[slot] as number;
      if (w !== 0 && this.keys[slot] !== EMPTY) {
        ids[n] = this.keys[slot] as number;
        weights[n++] = w;
      }
    }
    for (let i = 0; i < n; i++) magnitudes[i] = Math.abs(weights[i] as number);
    const least = kthSmallest(magnitudes.subarray(0, n), n - keep);
    // Terms above it are kept; of those exactly at it, the lowest ids fill the rest.
    let above = 0;
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      const m = Math.abs(weights[i] as number);
      if (m > least) above++;
      else if (m === least) ties.push(ids[i] as number);
    }
    ties.sort((a, b) => a - b);
    const tied = new Set(ties.slice(0, keep - above));
    let capacity = MIN_CAPACITY;
    while (capacity < (keep + 1) * 2) capacity *= 2;
    // The kept terms were copied out above, so the table may be cleared in place.
    this.reset(capacity, true);
    this.live = 0;
    for (let i = 0; i < n; i++) {
      const m = Math.abs(weights[i] as number);
      if (m > least || (m === least && tied.has(ids[i] as number)))
        this.set(ids[i] as number, weights[i] as number);
    }
  }

  private store(slot: number, weight: number): void {
    const old = this.values[slot] as number;
    if (old === 0 && weight !== 0) this.live++;
    else if (old !== 0 && weight === 0) this.live--;
    this.values[slot] = weight;
  }

  /** The slot of a term, taking an empty one (weight 0) when it is absent. */
  private slotFor(id: number): number {
    if ((this.used + 1) * 10 > this.keys.length * 7) this.grow();
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = Math.imul(id, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const key = keys[slot] as number;
      if (key === id) return slot;
      if (key === EMPTY) {
        keys[slot] = id;
        this.mark(id);
        this.used++;
        return slot;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Rehashes into a table at least twice the size of the live terms, dropping zeros. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    let capacity = MIN_CAPACITY;
    while (capacity < (this.live + 1) * 2) capacity *= 2;
    this.reset(capacity);
    const mask = capacity - 1;
    for (let old = 0; old < oldKeys.length; old++) {
      const w = oldValues[old] as number;
      if (oldKeys[old] === EMPTY || w === 0) continue;
      const id = oldKeys[old] as number;
      let slot = Math.imul(id, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = id;
      this.values[slot] = w;
      this.mark(id);
      this.used++;
    }
  }

  /**
   * An empty table of `capacity` slots (a power of two) and its empty filter. With
   * `inPlace`, arrays that have that size already are cleared instead of replaced (a
   * pruned story's table every few articles: new arrays each time were about 100 KB of
   * buffers to allocate and collect); only for a caller that no longer reads the old table
   * (`grow` copies from it, so it always gets new arrays).
   */
  private reset(capacity: number, inPlace = false): void {
    this.used = 0;
    if (inPlace && this.keys.length === capacity) {
      this.keys.fill(EMPTY);
      this.values.fill(0);
      this.filter.fill(0);
      return;
    }
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.values = new Float64Array(capacity);
    this.shift = 32 - Math.log2(capacity);
    this.filter = new Int32Array((capacity * FILTER_BITS_PER_SLOT) / 32);
    this.filterShift = 32 - Math.log2(capacity * FILTER_BITS_PER_SLOT);
  }

  /** Sets a term's filter bit. */
  private mark(id: number): void {
    const bit = Math.imul(id, 0x85ebca6b) >>> this.filterShift;
    this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
  }
}

/**
 * Working arrays of `StoryCentroid.prune`, reused from one call to the next: a clusterer
 * prunes a large story's centroid every few articles, and keeps one of these for all of them.
 */
export class PruneScratch {
  ids = new Int32Array(0);
  weights = new Float64Array(0);
  magnitudes = new Float64Array(0);

  /** Makes each array hold at least `n` numbers. */
  reserve(n: number): void {
    if (this.ids.length >= n) return;
    this.ids = new Int32Array(n);
    this.weights = new Float64Array(n);
    this.magnitudes = new Float64Array(n);
  }
}

/**
 * The value at place `k` (from 0) of `values` sorted ascending, by selection (Hoare
 * partitions around a median of three, O(n) on average; `values` is reordered): the same
 * value as `values.sort()[k]`, without sorting. `values` holds no NaN.
 */
export function kthSmallest(values: Float64Array, k: number): number {
  if (!(k >= 0 && k < values.length)) throw new RangeError(`kthSmallest: place ${k} of ${values.length}`);
  let lo = 0;
  let hi = values.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    // [lo, j] holds values <= pivot, [i, hi] values >= pivot, and (j, i) values equal to it.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k] as number;
  }
  return values[k] as number;
}
