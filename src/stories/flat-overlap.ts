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

/**
 * Working set of `distinctPerSentence`: an open-addressing set of words whose slot is live
 * when stamped with the current stamp, so it is emptied by taking the next stamp instead of
 * clearing it. Keep one for many calls (a featurizing thread, an index); each call works
 * the same with a new one.
 */
export class DistinctWords {
  private keys = new Uint32Array(0);
  private stamps = new Uint32Array(0);
  private stamp = 0;

  /** Distinct values in each sentence's stretch of `words`. */
  count(sentenceEnds: Uint32Array, words: Uint32Array): Uint32Array {
    const out = new Uint32Array(sentenceEnds.length);
    let longest = 0;
    let start = 0;
    for (let i = 0; i < sentenceEnds.length; i++) {
      const end = sentenceEnds[i] as number;
      longest = Math.max(longest, end - start);
      start = end;
    }
    let capacity = 16;
    while (capacity < longest * 2) capacity *= 2;
    if (this.keys.length < capacity || this.stamp >= 0xfffffff0) {
      this.keys = new Uint32Array(Math.max(capacity, this.keys.length));
      this.stamps = new Uint32Array(this.keys.length);
      this.stamp = 0;
    }
    const keys = this.keys;
    const stamps = this.stamps;
    const mask = capacity - 1;
    start = 0;
    for (let i = 0; i < sentenceEnds.length; i++) {
      const end = sentenceEnds[i] as number;
      const stamp = ++this.stamp;
      let count = 0;
      for (let k = start; k < end; k++) {
        const word = words[k] as number;
        let slot = Math.imul(word, 0x9e3779b1) & mask;
        while (stamps[slot] === stamp && keys[slot] !== word) slot = (slot + 1) & mask;
        if (stamps[slot] === stamp) continue;
        stamps[slot] = stamp;
        keys[slot] = word;
        count++;
      }
      out[i] = count;
      start = end;
    }
    return out;
  }
}

/**
 * Distinct values in each sentence's stretch of `words` (what `FlatSentences.distinct`
 * holds), counted in a hash set (no copy and sort of each sentence); pass a `DistinctWords`
 * kept between calls to reuse its set.
 */
export function distinctPerSentence(
  sentenceEnds: Uint32Array,
  words: Uint32Array,
  set: DistinctWords = new DistinctWords(),
): Uint32Array {
  return set.count(sentenceEnds, words);
}

const EMPTY = 0xffffffff;

/** Words of the second article counted by bit masks instead of walking their sentence lists (two 32-bit masks). */
const MASK_WORDS = 64;
/** A word listed under fewer sentences than this is walked (a short walk costs less than a mask). */
const MASK_MIN_SENTENCES = 3;

/** Number of set bits of a 32-bit integer. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

// Makers of each kind of typed array for `atLeast` and `zeroed`, made once (a closure
// written at each call would be allocated at each call).
const newUint8Array = (length: number) => new Uint8Array(length);
const newUint32Array = (length: number) => new Uint32Array(length);
const newInt32Array = (length: number) => new Int32Array(length);
const newFloat64Array = (length: number) => new Float64Array(length);

/** A typed array of at least `length` elements: `current` when large enough, else a new one. */
function atLeast<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(
  current: T,
  length: number,
  make: (length: number) => T,
): T {
  return current.length >= length ? current : make(Math.max(length, current.length * 2));
}

/** `atLeast`, with its first `length` elements set to zero. */
function zeroed<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(
  current: T,
  length: number,
  make: (length: number) => T,
): T {
  const array = atLeast(current, length, make);
  array.fill(0, 0, length);
  return array;
}

/**
 * The second article of a series of pair measurements, indexed once: its words in an
 * open-addressing table (word hash → the sentences holding it, each once), so that each
 * earlier candidate is measured against it without building a word index per pair
 * (`measureOverlap` builds one of the first article for every pair). `measure` gives
 * exactly what `measureOverlap` gives for the same texts (the same sums in the same
 * order), on word hashes.
 *
 * The words listed under the most sentences of the second article (the, of, said …: up to
 * `MASK_WORDS` of those under at least `MASK_MIN_SENTENCES`) are not walked: each gets a
 * bit, each sentence of both articles a mask of the bits of its words, and a sentence
 * pair's shared count of them is the set bits of the two masks' intersection — the same
 * count the walk would add. A pair is scored only when its count could reach the rewrite
 * threshold and beat the best so far (its walked count plus the smaller of the two
 * sentences' masked words bounds it), so most pairs that share only common words are never
 * counted: the same choice of sentence, as a pair below both could not be chosen.
 *
 * One instance can be `load`ed with one second article after another, reusing its
 * tables (what `DerivationIndex` does: one per index instead of a dozen typed arrays per
 * article).
 */
export class FlatOverlap {
  private second!: FlatSentences;
  private secondShingles!: ArrayLike<number>;
  private slots = new Uint32Array(0);
  private heads = new Int32Array(0);
  private stamps = new Uint32Array(0);
  /** Bit of a masked word's slot + 1 (0: walked). */
  private bitOf = new Uint8Array(0);
  private lastSentence = new Int32Array(0);
  private listed = new Uint32Array(0);
  private mask = 0;
  private next = new Int32Array(0);
  private sentenceOf = new Uint32Array(0);
  private eligible = new Uint8Array(0);
  private distinct = new Uint32Array(0);
  /** Second article's sentence masks: low and high 32 bits, and their set bits. */
  private masksLow = new Int32Array(0);
  private masksHigh = new Int32Array(0);
  private maskBits = new Uint32Array(0);
  private countable = 0;
  private stamp = 0;
  private counts = new Uint32Array(0);
  /** Scratch of `measure`, per sentence of the first article. */
  private firstEligible = new Uint8Array(0);
  private firstLow = new Int32Array(0);
  private firstHigh = new Int32Array(0);
  private firstBits = new Uint32Array(0);
  private firstBest = new Float64Array(0);
  private firstOrder = new Uint32Array(0);
  /** Sentences of the first article that could match on masked words alone, ascending. */
  private maskedOnly = new Uint32Array(0);
  /** Per sentence j of the second, how many sentences of the first share a walked word with it (listed in `touched`). */
  private touchedCount = new Uint32Array(0);
  private touched = new Uint32Array(0);
  /** The first article's eligible sentences by hash: an open-addressing table, slots live when stamped with `hashStamp`. */
  private hashKeys = new Uint32Array(0);
  private hashFirst = new Int32Array(0);
  private hashStamps = new Uint32Array(0);
  private hashStamp = 0;
  private hashMask = 0;

  /**
   * `second` is the article measured against each candidate; `isCommon` tells boilerplate
   * sentences (left out on both sides), as in `alignSentences`.
   */
  constructor(
    second: FlatSentences,
    secondShingles: ArrayLike<number>,
    private readonly isCommon: (hash: number) => boolean,
    private readonly options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  ) {
    this.load(second, secondShingles);
  }

  /** Indexes another second article (the tables of the one before are reused). */
  load(second: FlatSentences, secondShingles: ArrayLike<number>): this {
    this.second = second;
    this.secondShingles = secondShingles;
    const { sentenceHashes, sentenceEnds, words } = second;
    const { minWords } = this.options;
    const isCommon = this.isCommon;
    const n = sentenceHashes.length;
    this.eligible = zeroed(this.eligible, n, newUint8Array);
    this.distinct = zeroed(this.distinct, n, newUint32Array);
    this.masksLow = zeroed(this.masksLow, n, newInt32Array);
    this.masksHigh = zeroed(this.masksHigh, n, newInt32Array);
    this.maskBits = zeroed(this.maskBits, n, newUint32Array);
    let capacity = 16;
    while (capacity < words.length * 2) capacity *= 2;
    if (this.slots.length < capacity) {
      this.slots = new Uint32Array(capacity);
      this.heads = new Int32Array(capacity);
      this.stamps = new Uint32Array(capacity);
      this.bitOf = new Uint8Array(capacity);
      this.lastSentence = new Int32Array(capacity);
      this.listed = new Uint32Array(capacity);
    }
    this.slots.fill(EMPTY, 0, capacity);
    this.heads.fill(-1, 0, capacity);
    this.bitOf.fill(0, 0, capacity);
    // Last sentence listed under each slot, to list a sentence once per word.
    this.lastSentence.fill(-1, 0, capacity);
    this.listed.fill(0, 0, capacity);
    this.mask = capacity - 1;
    this.next = atLeast(this.next, words.length, newInt32Array);
    this.sentenceOf = atLeast(this.sentenceOf, words.length, newUint32Array);
    const { heads, next, sentenceOf, lastSentence, listed } = this;
    let entries = 0;
    let countable = 0;
    let start = 0;
    for (let j = 0; j < n; j++) {
      const end = sentenceEnds[j] as number;
      if (end - start >= minWords && !isCommon(sentenceHashes[j] as number)) {
        this.eligible[j] = 1;
        countable++;
        let count = 0;
        for (let k = start; k < end; k++) {
          const slot = this.slotOf(words[k] as number, true);
          if (lastSentence[slot] === j) continue;
          lastSentence[slot] = j;
          sentenceOf[entries] = j;
          next[entries] = heads[slot] as number;
          heads[slot] = entries++;
          listed[slot] = (listed[slot] as number) + 1;
          count++;
        }
        this.distinct[j] = count;
      }
      start = end;
    }
    this.countable = countable;
    this.assignMasks(capacity);
    return this;
  }

  /** Gives a bit to each of the (at most `MASK_WORDS`) words listed under the most sentences, and each sentence its mask. */
  private assignMasks(capacity: number): void {
    const { listed, slots } = this;
    const frequent: number[] = [];
    for (let slot = 0; slot < capacity; slot++)
      if (slots[slot] !== EMPTY && (listed[slot] as number) >= MASK_MIN_SENTENCES) frequent.push(slot);
    if (frequent.length > MASK_WORDS) {
      frequent.sort((a, b) => (listed[b] as number) - (listed[a] as number) || a - b);
      frequent.length = MASK_WORDS;
    }
    for (let b = 0; b < frequent.length; b++) {
      const slot = frequent[b] as number;
      this.bitOf[slot] = b + 1;
      for (let e = this.heads[slot] as number; e >= 0; e = this.next[e] as number) {
        const j = this.sentenceOf[e] as number;
        if (b < 32) this.masksLow[j] = (this.masksLow[j] as number) | (1 << b);
        else this.masksHigh[j] = (this.masksHigh[j] as number) | (1 << (b - 32));
      }
    }
    const n = this.second.sentenceHashes.length;
    for (let j = 0; j < n; j++)
      this.maskBits[j] = popcount(this.masksLow[j] as number) + popcount(this.masksHigh[j] as number);
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
    // Walked counts at j * n1 + i, all zero between calls (each sentence j's are cleared
    // after it is read); the sentences i each sentence j shares a walked word with, in
    // ascending order, at j * n1 + k.
    if (this.counts.length < n1 * n2) {
      this.counts = new Uint32Array(Math.max(n1 * n2, this.counts.length * 2));
      this.touched = new Uint32Array(this.counts.length);
    }
    const { counts, touched } = this;
    this.touchedCount = zeroed(this.touchedCount, n2, newUint32Array);
    const touchedCount = this.touchedCount;
    this.firstEligible = zeroed(this.firstEligible, n1, newUint8Array);
    this.firstLow = atLeast(this.firstLow, n1, newInt32Array);
    this.firstHigh = atLeast(this.firstHigh, n1, newInt32Array);
    this.firstBits = atLeast(this.firstBits, n1, newUint32Array);
    this.firstBest = atLeast(this.firstBest, n1, newFloat64Array);
    this.firstOrder = atLeast(this.firstOrder, n1, newUint32Array);
    this.maskedOnly = atLeast(this.maskedOnly, n1, newUint32Array);
    const {
      firstEligible: eligible1,
      firstLow,
      firstHigh,
      firstBits,
      firstBest,
      firstOrder,
      maskedOnly,
    } = this;
    firstBest.fill(-1, 0, n1);
    const { stamps, heads, next, sentenceOf, bitOf } = this;
    const firstDistinct = first.distinct;
    let firstCountable = 0;
    // Sentences i that could reach the threshold on masked words alone (see below).
    let maskedCount = 0;
    let start = 0;
    for (let i = 0; i < n1; i++) {
      const end = first.sentenceEnds[i] as number;
      const common = firstCommon ? firstCommon[i] === 1 : this.isCommon(first.sentenceHashes[i] as number);
      let low = 0;
      let high = 0;
      if (end - start >= minWords && !common) {
        eligible1[i] = 1;
        firstCountable++;
        // Each distinct word of sentence i adds one to every sentence j of the second
        // holding it, at j * n1 + i (a sentence j's counts side by side, as read below);
        // a masked word sets its bit in sentence i's mask instead.
        const stamp = ++this.stamp;
        for (let k = start; k < end; k++) {
          const slot = this.slotOf(first.words[k] as number, false);
          if (slot < 0 || stamps[slot] === stamp) continue;
          stamps[slot] = stamp;
          const bit = bitOf[slot] as number;
          if (bit > 32) high |= 1 << (bit - 33);
          else if (bit > 0) low |= 1 << (bit - 1);
          else
            for (let e = heads[slot] as number; e >= 0; e = next[e] as number) {
              const j = sentenceOf[e] as number;
              const at = j * n1 + i;
              const count = counts[at] as number;
              if (count === 0) touched[j * n1 + (touchedCount[j] as number)++] = i;
              counts[at] = count + 1;
            }
        }
      }
      firstLow[i] = low;
      firstHigh[i] = high;
      const bits = popcount(low) + popcount(high);
      firstBits[i] = bits;
      // A pair sharing no walked word shares at most the bits of sentence i, so its
      // Jaccard is at most bits / d1 (the second sentence has at least as many words).
      if (bits > 0 && !(bits / (firstDistinct[i] as number) < rewriteThreshold))
        maskedOnly[maskedCount++] = i;
      start = end;
    }
    this.indexSentenceHashes(first, eligible1);
    // As `alignSentences`: an exact copy by hash (first such sentence), else the best
    // word-set Jaccard (ties to the earlier sentence) when it reaches the threshold; then
    // as `measureOverlap`: sums in the same order.
    let aligned = 0;
    let secondTaken = 0;
    let chosen = 0;
    for (let j = 0; j < n2; j++) {
      if (!this.eligible[j]) continue;
      let from = this.firstWithHash(second.sentenceHashes[j] as number);
      let similarity = from >= 0 ? 1 : 0;
      const column = j * n1;
      const walkedCount = touchedCount[j] as number;
      if (from < 0) {
        const d2 = this.distinct[j] as number;
        const low2 = this.masksLow[j] as number;
        const high2 = this.masksHigh[j] as number;
        const bits2 = this.maskBits[j] as number;
        // Pairs with no walked word in common are worth scoring only when both sentences
        // are mostly masked words (Jaccard at most bits / words on either side).
        const masked = bits2 > 0 && !(bits2 / d2 < rewriteThreshold) ? maskedCount : 0;
        let best = -1;
        let bestScore = 0;
        // The sentences i to score, ascending: those sharing a walked word merged with
        // those that could match on masked words alone.
        let w = 0;
        let m = 0;
        while (w < walkedCount || m < masked) {
          const iw = w < walkedCount ? (touched[column + w] as number) : n1;
          const im = m < masked ? (maskedOnly[m] as number) : n1;
          const i = iw < im ? iw : im;
          if (iw === i) w++;
          if (im === i) m++;
          const walked = counts[column + i] as number;
          const bits1 = firstBits[i] as number;
          // At most this many words shared: the walked ones and all masked words of the smaller mask.
          const most = walked + (bits1 < bits2 ? bits1 : bits2);
          if (most === 0) continue;
          const d1 = firstDistinct[i] as number;
          const bound = most / (d1 + d2 - most);
          if (bound <= bestScore || bound < rewriteThreshold) continue;
          const count =
            walked + popcount((firstLow[i] as number) & low2) + popcount((firstHigh[i] as number) & high2);
          if (count === 0) continue;
          const score = count / (d1 + d2 - count);
          if (score > bestScore) {
            best = i;
            bestScore = score;
          }
        }
        if (best >= 0 && bestScore >= rewriteThreshold) {
          from = best;
          similarity = bestScore;
        }
      }
      for (let k = 0; k < walkedCount; k++) counts[column + (touched[column + k] as number)] = 0;
      if (from < 0) continue;
      aligned++;
      const before = firstBest[from] as number;
      if (before < 0) firstOrder[chosen++] = from;
      firstBest[from] = Math.max(before < 0 ? 0 : before, similarity);
      secondTaken += similarity;
    }
    let firstTaken = 0;
    for (let c = 0; c < chosen; c++) firstTaken += firstBest[firstOrder[c] as number] as number;
    const secondCountable = this.countable;
    // Copied field by field: spreading the shingle overlap into this literal made about
    // 2.5 KB of garbage a call (a measured tenth of the derivation worker's allocation).
    const shingles = shingleOverlap(firstShingles, this.secondShingles);
    return {
      jaccard: shingles.jaccard,
      firstInSecond: shingles.firstInSecond,
      secondInFirst: shingles.secondInFirst,
      alignedSentences: aligned,
      firstCovered: firstCountable === 0 ? 0 : firstTaken / firstCountable,
      secondCovered: secondCountable === 0 ? 0 : secondTaken / secondCountable,
      firstCountable,
      secondCountable,
      firstSize: firstShingles.length,
      secondSize: this.secondShingles.length,
    };
  }

  /** Indexes the first article's eligible sentences by hash, the first of each hash kept (`firstWithHash`). */
  private indexSentenceHashes(first: FlatSentences, eligible: Uint8Array): void {
    const n = first.sentenceHashes.length;
    let capacity = 16;
    while (capacity < n * 2) capacity *= 2;
    if (this.hashKeys.length < capacity) {
      this.hashKeys = new Uint32Array(capacity);
      this.hashFirst = new Int32Array(capacity);
      this.hashStamps = new Uint32Array(capacity);
    }
    this.hashMask = capacity - 1;
    const stamp = ++this.hashStamp;
    const { hashKeys, hashFirst, hashStamps } = this;
    for (let i = 0; i < n; i++) {
      if (!eligible[i]) continue;
      const hash = first.sentenceHashes[i] as number;
      let slot = Math.imul(hash, 0x9e3779b1) & this.hashMask;
      while (hashStamps[slot] === stamp && hashKeys[slot] !== hash) slot = (slot + 1) & this.hashMask;
      if (hashStamps[slot] === stamp) continue;
      hashStamps[slot] = stamp;
      hashKeys[slot] = hash;
      hashFirst[slot] = i;
    }
  }

  /** The first eligible sentence of the first article with this hash, or -1 (after `indexSentenceHashes`). */
  private firstWithHash(hash: number): number {
    const { hashKeys, hashFirst, hashStamps, hashStamp: stamp } = this;
    let slot = Math.imul(hash, 0x9e3779b1) & this.hashMask;
    for (;;) {
      if (hashStamps[slot] !== stamp) return -1;
      if (hashKeys[slot] === hash) return hashFirst[slot] as number;
      slot = (slot + 1) & this.hashMask;
    }
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
