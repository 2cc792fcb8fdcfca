import type { SparseVector } from '../similarity/sparse-vector.js';

/** A running sum of unit article vectors, with its squared length kept up to date. */
export class StoryCentroid {
  private readonly sum = new Map<number, number>();
  private lengthSquared = 0;

  add(vector: SparseVector, sign: 1 | -1 = 1): void {
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i] as number;
      const w = sign * (vector.weights[i] as number);
      const old = this.sum.get(id) ?? 0;
      const next = old + w;
      this.lengthSquared += next * next - old * old;
      if (Math.abs(next) < 1e-9) this.sum.delete(id);
      else this.sum.set(id, next);
    }
    if (this.sum.size === 0) this.lengthSquared = 0;
  }

  /** Cosine between a unit vector and the centroid. */
  cosine(vector: SparseVector): number {
    if (this.lengthSquared <= 1e-12) return 0;
    let dot = 0;
    for (let i = 0; i < vector.ids.length; i++)
      dot += (vector.weights[i] as number) * (this.sum.get(vector.ids[i] as number) ?? 0);
    return dot / Math.sqrt(this.lengthSquared);
  }

  /** Whether the centroid holds a term. */
  has(id: number): boolean {
    return this.sum.has(id);
  }

  /** Dot product of the two sums: over unit article vectors, the sum of all pairwise cosines. */
  dotWith(other: StoryCentroid): number {
    const [small, large] = this.sum.size <= other.sum.size ? [this.sum, other.sum] : [other.sum, this.sum];
    let dot = 0;
    for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    return dot;
  }

  /** Cosine between two centroids. */
  cosineWith(other: StoryCentroid): number {
    if (this.lengthSquared <= 1e-12 || other.lengthSquared <= 1e-12) return 0;
    const [small, large] = this.sum.size <= other.sum.size ? [this.sum, other.sum] : [other.sum, this.sum];
    let dot = 0;
    for (const [id, w] of small) dot += w * (large.get(id) ?? 0);
    return dot / Math.sqrt(this.lengthSquared * other.lengthSquared);
  }

  merge(other: StoryCentroid): void {
    for (const [id, w] of other.sum) {
      const old = this.sum.get(id) ?? 0;
      const next = old + w;
      this.lengthSquared += next * next - old * old;
      this.sum.set(id, next);
    }
  }
}
