import { containment, jaccard } from '../similarity/set-overlap.js';
import { alignSentences, DEFAULT_ALIGN_OPTIONS, type AlignOptions } from './align-sentences.js';
import type { PairOverlap } from './classify-derivation.js';
import type { ArticleFingerprint } from './fingerprint-article.js';

/** Shingle and sentence overlap of two fingerprinted articles (sentences of `second` aligned to `first`). */
export function measureOverlap(
  first: ArticleFingerprint,
  second: ArticleFingerprint,
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
): PairOverlap {
  const aligned = alignSentences(first.sentences, second.sentences, options);
  const countable = (f: ArticleFingerprint): number =>
    f.sentences.filter((s) => s.tokens.length >= options.minWords).length;
  const firstCountable = countable(first);
  const secondCountable = countable(second);
  const firstUsed = new Set(aligned.map((a) => a.from)).size;
  return {
    jaccard: jaccard(first.shingles, second.shingles),
    firstInSecond: containment(first.shingles, second.shingles),
    secondInFirst: containment(second.shingles, first.shingles),
    alignedSentences: aligned.length,
    firstCovered: firstCountable === 0 ? 0 : firstUsed / firstCountable,
    secondCovered: secondCountable === 0 ? 0 : aligned.length / secondCountable,
    firstSize: first.shingles.length,
    secondSize: second.shingles.length,
  };
}
