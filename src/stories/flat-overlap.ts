import { shingleOverlap } from '../similarity/set-overlap.js';
import { DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align-sentences.js';
import type { PairOverlap } from './classify-derivation.js';
import { measureOverlap } from './measure-overlap.js';

/** Sentence pairs beyond which `measure` falls back to `measureOverlap` (its count table would pass 16 MB). */
const MAX_PAIRS = 1 << 22;

/** The sentences of flat arrays as `measureOverlap` reads them. */
function sentencesOf(flat: FlatSentences): { hash: number; tokens: Uint32Array }[] {
  const out: { hash: number; tokens: Uint32Array }[] = [];
  let start = 0;
  for (let i = 0; i < flat.sentenceHashes.length; i++) {
    const end = flat.sentenceEnds[i] as number;
    out.push({ hash: flat.sentenceHashes[i] as number, tokens: flat.words.subarray(start, end) });
    start = end;
  }
  return out;
}

/**
 * A fingerprint's sentences as flat typed arrays: each sentence's hash, the end of its
 * words in `words` (32-bit word hashes, in order) and how many distinct words it has.
 */
export interface FlatSentences {
  sentenceHashes: Uint32Array;
  sentenceEnds: Uint32Array;
  words: Uint32Array;
  distinct: Uint32Array;
}

/** Distinct values in each sentence's stretch of `words` (what `FlatSentences.distinct` holds). */
export function distinctPerSentence(sentenceEnds: Uint32Array, words: Uint32Array): Uint32Array {
  const out = new Uint32Array(sentenceEnds.length);
  let start = 0;
  for (let i = 0; i < sentenceEnds.length; i++) {
    const end = sentenceEnds[i] as number;
    const sorted = words.slice(start, end).sort();
    let count = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) count++;
    out[i] = count;
    start = end;
  }
  return out;
}

const EMPTY = 0xffffffff;

/**
 * The second article of a series of pair measurements, indexed once: its words in an
 * open-addressing table (word hash → the sentences holding it, each once), so that each
 * earlier candidate is measured against it without building a word index per pair
 * (`measureOverlap` builds one of the first article for every pair). `measure` gives
 * exactly what `measureOverlap` gives for the same texts (the same sums in the same
 * order), on word hashes.
 */
export class FlatOverlap {
  private readonly slots: Uint32Array;
  private readonly heads: Int32Array;
  private readonly stamps: Uint32Array;
  private readonly mask: number;
  private readonly next: Int32Array;
  private readonly sentenceOf: Uint32Array;
  private readonly eligible: Uint8Array;
  private readonly distinct: Uint32Array;
  private readonly countable: number;
  private stamp = 0;
  private counts = new Uint32Array(0);

  /**
   * `second` is the article measured against each candidate; `isCommon` tells boilerplate
   * sentences (left out on both sides), as in `alignSentences`.
   */
  constructor(
    private readonly second: FlatSentences,
    private readonly secondShingles: ArrayLike<number>,
    private readonly isCommon: (hash: number) => boolean,
    private readonly options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  ) {
    const { sentenceHashes, sentenceEnds, words } = second;
    const n = sentenceHashes.length;
    this.eligible = new Uint8Array(n);
    this.distinct = new Uint32Array(n);
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity).fill(EMPTY);
    this.heads = new Int32Array(capacity).fill(-1);
    this.stamps = new Uint32Array(capacity);
    this.mask = capacity - 1;
    this.next = new Int32Array(words.length);
    this.sentenceOf = new Uint32Array(words.length);
    // Last sentence listed under each slot, to list a sentence once per word.
    const lastSentence = new Int32Array(capacity).fill(-1);
    let entries = 0;
    let countable = 0;
    let start = 0;
    for (let j = 0; j < n; j++) {
      const end = sentenceEnds[j] as number;
      if (end - start >= options.minWords && !isCommon(sentenceHashes[j] as number)) {
        this.eligible[j] = 1;
        countable++;
        let count = 0;
        for (let k = start; k < end; k++) {
          const slot = this.slotOf(words[k] as number, true);
          if (lastSentence[slot] === j) continue;
          lastSentence[slot] = j;
          this.sentenceOf[entries] = j;
          this.next[entries] = this.heads[slot] as number;
          this.heads[slot] = entries++;
          count++;
        }
        this.distinct[j] = count;
      }
      start = end;
    }
    this.countable = countable;
  }

  /**
   * Overlap of `first` (an earlier article, without boilerplate shingles) with the second
   * article; `firstCommon`, when given, holds `isCommon` of each sentence of `first`.
   */
  measure(first: FlatSentences, firstShingles: ArrayLike<number>, firstCommon?: Uint8Array): PairOverlap {
    const { minWords, rewriteThreshold } = this.options;
    const n1 = first.sentenceHashes.length;
    const second = this.second;
    const n2 = second.sentenceHashes.length;
    if (n1 * n2 > MAX_PAIRS)
      return measureOverlap(
        { shingles: firstShingles, sentences: sentencesOf(first) },
        { shingles: this.secondShingles, sentences: sentencesOf(second) },
        this.options,
        this.isCommon,
      );
    if (this.counts.length < n1 * n2) this.counts = new Uint32Array(n1 * n2);
    const counts = this.counts;
    counts.fill(0, 0, n1 * n2);
    const eligible1 = new Uint8Array(n1);
    let firstCountable = 0;
    let start = 0;
    for (let i = 0; i < n1; i++) {
      const end = first.sentenceEnds[i] as number;
      const common = firstCommon ? firstCommon[i] === 1 : this.isCommon(first.sentenceHashes[i] as number);
      if (end - start >= minWords && !common) {
        eligible1[i] = 1;
        firstCountable++;
        // Each distinct word of sentence i adds one to every sentence j of the second
        // holding it, at j * n1 + i (a sentence j's counts side by side, as read below).
        const stamp = ++this.stamp;
        for (let k = start; k < end; k++) {
          const slot = this.slotOf(first.words[k] as number, false);
          if (slot < 0 || this.stamps[slot] === stamp) continue;
          this.stamps[slot] = stamp;
          for (let e = this.heads[slot] as number; e >= 0; e = this.next[e] as number) {
            const at = (this.sentenceOf[e] as number) * n1 + i;
            counts[at] = (counts[at] as number) + 1;
          }
        }
      }
      start = end;
    }
    // As `alignSentences`: an exact copy by hash (first such sentence), else the best
    // word-set Jaccard (ties to the earlier sentence) when it reaches the threshold; then
    // as `measureOverlap`: sums in the same order.
    let aligned = 0;
    let secondTaken = 0;
    const firstBest = new Map<number, number>();
    for (let j = 0; j < n2; j++) {
      if (!this.eligible[j]) continue;
      const hash = second.sentenceHashes[j] as number;
      let from = -1;
      let similarity = 0;
      for (let i = 0; i < n1; i++)
        if (eligible1[i] && first.sentenceHashes[i] === hash) {
          from = i;
          similarity = 1;
          break;
        }
      if (from < 0) {
        const d2 = this.distinct[j] as number;
        let best = -1;
        let bestScore = 0;
        const column = j * n1;
        for (let i = 0; i < n1; i++) {
          const count = counts[column + i] as number;
          if (count === 0) continue;
          const score = count / ((first.distinct[i] as number) + d2 - count);
          if (score > bestScore) {
            best = i;
            bestScore = score;
          }
        }
        if (best < 0 || bestScore < rewriteThreshold) continue;
        from = best;
        similarity = bestScore;
      }
      aligned++;
      firstBest.set(from, Math.max(firstBest.get(from) ?? 0, similarity));
      secondTaken += similarity;
    }
    let firstTaken = 0;
    for (const value of firstBest.values()) firstTaken += value;
    const secondCountable = this.countable;
    return {
      ...shingleOverlap(firstShingles, this.secondShingles),
      alignedSentences: aligned,
      firstCovered: firstCountable === 0 ? 0 : firstTaken / firstCountable,
      secondCovered: secondCountable === 0 ? 0 : secondTaken / secondCountable,
      firstCountable,
      secondCountable,
      firstSize: firstShingles.length,
      secondSize: this.secondShingles.length,
    };
  }

  /**
   * The slot of a word: taken when absent and `insert`, else -1 when absent. The one hash
   * value that marks an empty slot is read as its neighbour (a 1-in-2^32 merge of two words).
   */
  private slotOf(hash: number, insert: boolean): number {
    const word = hash === EMPTY ? EMPTY - 1 : hash;
    const slots = this.slots;
    let slot = Math.imul(word, 0x9e3779b1) & this.mask;
    for (;;) {
      const key = slots[slot] as number;
      if (key === word) return slot;
      if (key === EMPTY) {
        if (!insert) return -1;
        slots[slot] = word;
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
