import { shingleOverlap } from '../similarity/set-overlap.js';
import {
  alignSentences,
  DEFAULT_ALIGN_OPTIONS,
  type AlignableSentence,
  type AlignOptions,
} from './align-sentences.js';
import type { PairOverlap } from './classify-derivation.js';

/** What overlap reads of a fingerprint: sorted distinct shingles and sentences. */
export interface OverlapInput<W> {
  shingles: ArrayLike<number>;
  sentences: readonly AlignableSentence<W>[];
}

/** Shingle and sentence overlap of two fingerprinted articles (sentences of `second` aligned to `first`). */
export function measureOverlap<W>(
  first: OverlapInput<W>,
  second: OverlapInput<W>,
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  isCommon: (hash: number) => boolean = () => false,
): PairOverlap {
  const aligned = alignSentences(first.sentences, second.sentences, options, isCommon);
  const countable = (f: OverlapInput<W>): number =>
    f.sentences.filter((s) => s.tokens.length >= options.minWords && !isCommon(s.hash)).length;
  const firstCountable = countable(first);
  const secondCountable = countable(second);
  // A rewritten sentence counts by how much of its wording it keeps, so that two reports
  // paraphrasing the same wire quotes do not weigh like a copy.
  const firstBest = new Map<number, number>();
  let secondTaken = 0;
  for (const a of aligned) {
    firstBest.set(a.from, Math.max(firstBest.get(a.from) ?? 0, a.similarity));
    secondTaken += a.similarity;
  }
  let firstTaken = 0;
  for (const value of firstBest.values()) firstTaken += value;
  return {
    ...shingleOverlap(first.shingles, second.shingles),
    alignedSentences: aligned.length,
    firstCovered: firstCountable === 0 ? 0 : firstTaken / firstCountable,
    secondCovered: secondCountable === 0 ? 0 : secondTaken / secondCountable,
    firstCountable,
    secondCountable,
    firstSize: first.shingles.length,
    secondSize: second.shingles.length,
  };
}
