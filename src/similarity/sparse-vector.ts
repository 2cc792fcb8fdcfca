/** A sparse vector: strictly ascending term ids with their weights. */
export interface SparseVector {
  ids: Uint32Array;
  weights: Float32Array;
}

export const EMPTY_VECTOR: SparseVector = { ids: new Uint32Array(0), weights: new Float32Array(0) };

/** Builds a sparse vector from (id → weight) pairs, sorted by id. */
export function sparseFromMap(entries: Map<number, number>): SparseVector {
  const ids = Uint32Array.from(entries.keys()).sort();
  const weights = new Float32Array(ids.length);
  for (let i = 0; i < ids.length; i++) weights[i] = entries.get(ids[i] as number) ?? 0;
  return { ids, weights };
}

/** Euclidean length. */
export function norm(vector: SparseVector): number {
  let sum = 0;
  for (const w of vector.weights) sum += w * w;
  return Math.sqrt(sum);
}

/** The vector scaled to unit length (the empty vector stays empty). */
export function normalize(vector: SparseVector): SparseVector {
  const length = norm(vector);
  if (length === 0) return vector;
  const weights = new Float32Array(vector.weights.length);
  for (let i = 0; i < weights.length; i++) weights[i] = (vector.weights[i] as number) / length;
  return { ids: vector.ids, weights };
}

/** Dot product by merging the two sorted id lists. */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/** Cosine similarity (0 when either vector is empty). */
export function cosine(a: SparseVector, b: SparseVector): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** a + scale·b as a new sparse vector. */
export function addScaled(a: SparseVector, b: SparseVector, scale = 1): SparseVector {
  const ids: number[] = [];
  const weights: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ids.length || j < b.ids.length) {
    const x = i < a.ids.length ? (a.ids[i] as number) : Infinity;
    const y = j < b.ids.length ? (b.ids[j] as number) : Infinity;
    if (x === y) {
      ids.push(x);
      weights.push((a.weights[i++] as number) + scale * (b.weights[j++] as number));
    } else if (x < y) {
      ids.push(x);
      weights.push(a.weights[i++] as number);
    } else {
      ids.push(y);
      weights.push(scale * (b.weights[j++] as number));
    }
  }
  return { ids: Uint32Array.from(ids), weights: Float32Array.from(weights) };
}
