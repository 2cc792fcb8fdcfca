import { TermDictionary, termHashesInto } from './term-dictionary.js';
import { TermTexts } from './term-texts.js';
import { sparseFromMap, normalize, type SparseVector } from './sparse-vector.js';

/** Distinct terms of one document below which `addAndVectorize` packs (id, place) pairs into one number. */
const INDEX_SPAN = 2 ** 21;

/**
 * A document's distinct terms in the order they first come, with their counts and
 * dictionary hashes (`termHashesInto`): what `addAndVectorizeCounted` reads. Typed arrays
 * and one string, so that a thread that tokenizes can count and hash the terms and hand
 * them over (transferred, not copied) to the thread that keeps the dictionary.
 */
export interface CountedTerms {
  /** The distinct terms joined by spaces (no term holds a space). */
  text: string;
  /** End of each term in `text`. */
  ends: Uint32Array;
  /** Two hashes per term. */
  hashes: Int32Array;
  /** How many times each term occurs. */
  counts: Uint32Array;
}

/** Counts and hashes a document's terms (terms hold no space). */
export function countTerms(terms: Iterable<string>): CountedTerms {
  return countTermsListed(terms).counted;
}

/** `countTerms`, with the distinct terms in their order. */
export function countTermsListed(terms: Iterable<string>): { counted: CountedTerms; list: string[] } {
  const tally = new Map<string, number>();
  for (const term of terms) tally.set(term, (tally.get(term) ?? 0) + 1);
  const size = tally.size;
  const ends = new Uint32Array(size);
  const hashes = new Int32Array(2 * size);
  const counts = new Uint32Array(size);
  let k = 0;
  let at = 0;
  for (const [term, count] of tally) {
    termHashesInto(term, hashes, 2 * k);
    at += term.length;
    ends[k] = at;
    at++;
    counts[k++] = count;
  }
  const list = [...tally.keys()];
  return { counted: { text: list.join(' '), ends, hashes, counts }, list };
}

/**
 * Corpus statistics for TF-IDF that grow one document at a time: a term dictionary
 * (term → id) and each term's document frequency. Vectors are computed against the
 * statistics as they are when asked, so an online caller sees weights drift slowly as
 * the corpus grows; a batch caller adds every document first.
 */
export class CorpusStats {
  private readonly termIds = new TermDictionary();
  /** Each id's term (the dictionary read backwards), '' once forgotten. */
  private readonly texts = new TermTexts();
  private frequencies = new Uint32Array(1024);
  /** What `TermDictionary.warm` read, kept so that its reads are not optimised away. */
  private warmth = 0;
  private documents = 0;

  /** Number of documents added. */
  get documentCount(): number {
    return this.documents;
  }

  /** Number of term ids given out (terms seen, including those forgotten since: ids are never reused). */
  get termCount(): number {
    return this.texts.size;
  }

  /** Number of terms in the dictionary now (`termCount` less the forgotten ones). */
  get dictionarySize(): number {
    return this.termIds.size;
  }

  /**
   * Forgets the terms with ids in [from, before) that only one document holds: they leave
   * the dictionary (their ids are never given out again, and their document frequency
   * stays 1), so a stream's dictionary does not grow by every one-off word and word pair.
   * Such a term seen again gets a new id and counts as new. Returns the forgotten ids.
   */
  forgetSingletons(from: number, before: number): number[] {
    const forgotten: number[] = [];
    const end = Math.min(before, this.texts.size);
    for (let id = Math.max(0, from); id < end; id++) {
      if (this.frequencies[id] !== 1) continue;
      const term = this.texts.get(id);
      if (term === '') continue;
      this.termIds.delete(term);
      this.texts.forget(id);
      forgotten.push(id);
    }
    return forgotten;
  }

  /** Counts one document's distinct terms. */
  addDocument(terms: Iterable<string>): void {
    const seen = new Set<number>();
    for (const term of terms) seen.add(this.idOf(term));
    for (const id of seen) this.frequencies[id] = (this.frequencies[id] as number) + 1;
    this.documents++;
  }

  /** Id of a term already seen, or undefined. */
  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  /** How many documents contain the term. */
  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : (this.frequencies[id] as number);
  }

  /** Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1. */
  idf(term: string): number {
    return Math.log((this.documents + 1) / (this.documentFrequency(term) + 1)) + 1;
  }

  /**
   * Unit-length TF-IDF vector of a bag of terms, with sublinear term frequency
   * (1 + ln tf). Terms never added are given ids so that vectors stay comparable.
   */
  vectorize(terms: Iterable<string>, termWeight: (term: string) => number = () => 1): SparseVector {
    const counts = new Map<string, number>();
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
    const entries = new Map<number, number>();
    for (const [term, tf] of counts) {
      const weight = (1 + Math.log(tf)) * this.idf(term) * termWeight(term);
      if (weight > 0) entries.set(this.idOf(term), weight);
    }
    return normalize(sparseFromMap(entries));
  }

  /** The term with an id, or undefined (also for a forgotten one). */
  termOf(id: number): string | undefined {
    return this.texts.get(id) || undefined;
  }

  /** Every id's term in id order, '' for a forgotten one (what a saved state keeps). */
  termsById(): string[] {
    return this.texts.list();
  }

  /** Every id's document frequency in id order (what a saved state keeps beside `termsById`). */
  frequenciesById(): number[] {
    return Array.from(this.frequencies.subarray(0, this.texts.size));
  }

  /**
   * Statistics from a saved dictionary: terms by id ('' for a forgotten one), their
   * document frequencies, and the number of documents.
   */
  static restore(terms: readonly string[], frequencies: ArrayLike<number>, documents: number): CorpusStats {
    const stats = new CorpusStats();
    terms.forEach((term, id) => {
      if (term !== '') stats.termIds.set(term, id);
      stats.texts.push(term);
    });
    const table = new Uint32Array(Math.max(1024, terms.length));
    table.set(frequencies);
    stats.frequencies = table;
    stats.documents = documents;
    return stats;
  }

  /** How many documents contain the term with this id. */
  frequencyOf(id: number): number {
    return this.frequencies[id] ?? 0;
  }

  /**
   * `addDocument(terms)` then `vectorize(terms, termWeight)` in one pass over the terms
   * (one dictionary look-up per distinct term instead of three): the same vector, with the
   * ids of every distinct term counted (more than the vector's when a weight was 0).
   */
  addAndVectorize(
    terms: Iterable<string>,
    termWeight: (term: string) => number = () => 1,
  ): { vector: SparseVector; counted: Uint32Array } {
    const { counted, list } = countTermsListed(terms);
    return this.addAndVectorizeCounted(counted, (k) => termWeight(list[k] as string));
  }

  /**
   * `addAndVectorize` of terms counted already (`countTerms`, possibly in another thread):
   * the dictionary is read by the terms' hashes, and a term's text is cut out only when it
   * is new. `termWeight` takes a term's place in `counted`. The same ids and vector as
   * `addAndVectorize` of the terms counted.
   */
  addAndVectorizeCounted(
    counted: CountedTerms,
    termWeight: (place: number) => number = () => 1,
  ): { vector: SparseVector; counted: Uint32Array } {
    const { text, ends, hashes, counts } = counted;
    const size = counts.length;
    const ids = new Uint32Array(size);
    this.warmth ^= this.termIds.warm(hashes, size);
    for (let k = 0; k < size; k++) {
      const next = this.texts.size;
      const id = this.termIds.getOrSetHashed(hashes[2 * k] as number, hashes[2 * k + 1] as number, next);
      if (id === next) {
        this.texts.pushSlice(text, k === 0 ? 0 : (ends[k - 1] as number) + 1, ends[k] as number);
        this.growFrequencies(id);
      }
      ids[k] = id;
    }
    // Counted in a loop of their own: the frequency reads do not wait on the probes' branches,
    // so the processor overlaps their cache misses.
    const frequencies = this.frequencies;
    for (let k = 0; k < size; k++) {
      const id = ids[k] as number;
      frequencies[id] = (frequencies[id] as number) + 1;
    }
    this.documents++;
    if (size >= INDEX_SPAN) {
      const entries = new Map<number, number>();
      for (let k = 0; k < size; k++) {
        const weight = this.weightOf(ids[k] as number, counts[k] as number, termWeight(k));
        if (weight > 0) entries.set(ids[k] as number, weight);
      }
      return { vector: normalize(sparseFromMap(entries)), counted: ids };
    }
    // The vector's ids in ascending order without a Map: each id with its term's place
    // packed into one number (id · 2^21 + place, exact below 2^53), sorted as numbers.
    const keyed = new Float64Array(size);
    const raw = new Float64Array(size);
    let kept = 0;
    for (let k = 0; k < size; k++) {
      const id = ids[k] as number;
      const weight = this.weightOf(id, counts[k] as number, termWeight(k));
      if (!(weight > 0)) continue;
      raw[kept] = weight;
      keyed[kept] = id * INDEX_SPAN + kept;
      kept++;
    }
    const sorted = keyed.subarray(0, kept).sort();
    const vectorIds = new Uint32Array(kept);
    const weights = new Float32Array(kept);
    for (let i = 0; i < kept; i++) {
      const key = sorted[i] as number;
      const id = Math.floor(key / INDEX_SPAN);
      vectorIds[i] = id;
      weights[i] = raw[key - id * INDEX_SPAN] as number;
    }
    return { vector: normalize({ ids: vectorIds, weights }), counted: ids };
  }

  /** TF-IDF weight of a counted term: sublinear term frequency × smoothed idf × the caller's weight. */
  private weightOf(id: number, tf: number, termWeight: number): number {
    const idf = Math.log((this.documents + 1) / ((this.frequencies[id] as number) + 1)) + 1;
    return (1 + Math.log(tf)) * idf * termWeight;
  }

  private idOf(term: string): number {
    const next = this.texts.size;
    const id = this.termIds.getOrSet(term, next);
    if (id === next) {
      this.texts.push(term);
      this.growFrequencies(id);
    }
    return id;
  }

  /** Makes room for the document frequency of a new id. */
  private growFrequencies(id: number): void {
    if (id < this.frequencies.length) return;
    const grown = new Uint32Array(this.frequencies.length * 2);
    grown.set(this.frequencies);
    this.frequencies = grown;
  }
}
