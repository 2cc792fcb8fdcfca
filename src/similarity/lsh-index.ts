import { combineHash } from './hash32.js';
import { IntMultiMap } from './int-tables.js';

export interface LshOptions {
  bands: number;
  rows: number;
}

/**
 * Locality-sensitive hashing over MinHash signatures: each signature is cut into `bands`
 * bands of `rows` values; two items become candidates when any band is equal. The
 * probability of that is 1 − (1 − J^rows)^bands for Jaccard similarity J, a step near
 * (1/bands)^(1/rows). Band keys are 32-bit hashes, so rare false candidates are
 * possible: callers verify candidates anyway.
 */
export class LshIndex {
  readonly bands: number;
  readonly rows: number;
  /** Per band, band key → ids: typed tables, not Maps of arrays (a stream's window holds millions of entries). */
  private readonly buckets: IntMultiMap[];

  constructor(options: LshOptions) {
    const { bands, rows } = options;
    if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) {
      throw new TypeError('new LshIndex({ bands, rows }): bands and rows must be positive integers');
    }
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new IntMultiMap());
  }

  /** The signature length this index expects. */
  get signatureLength(): number {
    return this.bands * this.rows;
  }

  /** Adds an item (a non-negative integer id) under its signature. */
  add(id: number, signature: Uint32Array): void {
    this.addKeys(id, this.keys(signature));
  }

  /** Ids that share at least one band with the signature, each once, in ascending order. */
  query(signature: Uint32Array): number[] {
    return [...this.hits(this.keys(signature)).keys()].sort((x, y) => x - y);
  }

  /** The band keys of a signature (what `addKeys`, `hits` and `remove` take). */
  keys(signature: Uint32Array): Int32Array {
    this.checkLength(signature, 'keys');
    const keys = new Int32Array(this.bands);
    for (let band = 0; band < this.bands; band++) keys[band] = this.bandKey(signature, band) | 0;
    return keys;
  }

  /**
   * Adds an item under its band keys. A bucket already holding `maxBucket` items takes no
   * more: a band shared by that many texts is boilerplate-like or a much-copied text whose
   * first copies stay findable, and the cost of a query stays bounded.
   */
  addKeys(id: number, keys: Int32Array, maxBucket = Infinity): void {
    for (let band = 0; band < this.bands; band++) {
      const key = keys[band] as number;
      const bucket = this.buckets[band] as IntMultiMap;
      if (maxBucket === Infinity || bucket.count(key) < maxBucket) bucket.add(key, id);
    }
  }

  /** For each id sharing a band with the keys, how many bands it shares. */
  hits(keys: Int32Array): Map<number, number> {
    const found = new Map<number, number>();
    this.forEachHit(keys, (id) => void found.set(id, (found.get(id) ?? 0) + 1));
    return found;
  }

  /** Calls `hit` with each id of each band's bucket of the keys (an id once per band it shares), without a Map. */
  forEachHit(keys: Int32Array, hit: (id: number) => void): void {
    for (let band = 0; band < this.bands; band++)
      (this.buckets[band] as IntMultiMap).forEach(keys[band] as number, hit);
  }

  /** Removes an item added under these keys (a no-op for buckets it was not put in). */
  remove(id: number, keys: Int32Array): void {
    for (let band = 0; band < this.bands; band++)
      (this.buckets[band] as IntMultiMap).remove(keys[band] as number, id);
  }

  private bandKey(signature: Uint32Array, band: number): number {
    let h = band;
    const start = band * this.rows;
    for (let i = start; i < start + this.rows; i++) h = combineHash(h, signature[i] as number);
    return h;
  }

  private checkLength(signature: Uint32Array, call: string): void {
    if (signature.length !== this.signatureLength) {
      throw new TypeError(
        `LshIndex.${call}(id, signature): signature has ${signature.length} values, expected bands × rows = ${this.signatureLength}`,
      );
    }
  }
}

/** Probability that two sets of Jaccard similarity `j` become LSH candidates. */
export function candidateProbability(j: number, options: LshOptions): number {
  return 1 - Math.pow(1 - Math.pow(j, options.rows), options.bands);
}
