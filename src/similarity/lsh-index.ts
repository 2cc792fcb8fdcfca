import { combineHash } from './hash32.js';

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
  private readonly buckets: Map<number, number[]>[];

  constructor(options: LshOptions) {
    const { bands, rows } = options;
    if (!Number.isInteger(bands) || bands < 1 || !Number.isInteger(rows) || rows < 1) {
      throw new TypeError('new LshIndex({ bands, rows }): bands and rows must be positive integers');
    }
    this.bands = bands;
    this.rows = rows;
    this.buckets = Array.from({ length: bands }, () => new Map<number, number[]>());
  }

  /** The signature length this index expects. */
  get signatureLength(): number {
    return this.bands * this.rows;
  }

  /** Adds an item (a non-negative integer id) under its signature. */
  add(id: number, signature: Uint32Array): void {
    this.checkLength(signature, 'add');
    for (let band = 0; band < this.bands; band++) {
      const key = this.bandKey(signature, band);
      const bucket = this.buckets[band] as Map<number, number[]>;
      const items = bucket.get(key);
      if (items) items.push(id);
      else bucket.set(key, [id]);
    }
  }

  /** Ids that share at least one band with the signature, each once, in ascending order. */
  query(signature: Uint32Array): number[] {
    this.checkLength(signature, 'query');
    const found = new Set<number>();
    for (let band = 0; band < this.bands; band++) {
      const items = (this.buckets[band] as Map<number, number[]>).get(this.bandKey(signature, band));
      if (items) for (const id of items) found.add(id);
    }
    return [...found].sort((x, y) => x - y);
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
