/** A sentence of the second article matched to its source in the first. */
export interface SentenceAlignment {
  /** Index of the sentence in the first article. */
  from: number;
  /** Index of the sentence in the second article. */
  to: number;
  /** `copied`: same normalised wording; `rewritten`: mostly the same words. */
  kind: 'copied' | 'rewritten';
  /** Word-set Jaccard of the two sentences (1 when copied). */
  similarity: number;
}

export interface AlignOptions {
  /** Shortest sentence (in words) that counts: short ones ("He said.") match by chance. */
  minWords: number;
  /** Word-set Jaccard from which a sentence counts as lightly rewritten. */
  rewriteThreshold: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = { minWords: 5, rewriteThreshold: 0.5 };

/**
 * What alignment reads of a sentence: its hash and its words, as strings or as word hashes
 * (a stored fingerprint keeps 32-bit hashes; both sides of one alignment use the same kind).
 */
export interface AlignableSentence<W> {
  hash: number;
  tokens: ArrayLike<W> & Iterable<W>;
}

/**
 * Which sentences of `second` are copied or lightly rewritten from `first`: each sentence
 * of `second` is matched to the sentence of `first` with the same hash, else to the one
 * sharing the most words (when that share reaches the threshold). Words are looked up
 * through an index of `first`, so the cost grows with shared words, not with all pairs.
 * Sentences for which `isCommon` holds (boilerplate found in many articles) are left out
 * on both sides.
 */
export function alignSentences<W>(
  first: readonly AlignableSentence<W>[],
  second: readonly AlignableSentence<W>[],
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
  isCommon: (hash: number) => boolean = () => false,
): SentenceAlignment[] {
  const byHash = new Map<number, number>();
  // Word → the sentences of `first` holding it (each once), and each sentence's distinct words.
  const byWord = new Map<W, number[]>();
  const distinct = new Uint32Array(first.length);
  first.forEach((sentence, index) => {
    if (sentence.tokens.length < options.minWords || isCommon(sentence.hash)) return;
    if (!byHash.has(sentence.hash)) byHash.set(sentence.hash, index);
    let count = 0;
    for (const word of sentence.tokens) {
      const list = byWord.get(word);
      if (!list) byWord.set(word, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
      else continue;
      count++;
    }
    distinct[index] = count;
  });
  const out: SentenceAlignment[] = [];
  const shared = new Map<number, number>();
  second.forEach((sentence, to) => {
    if (sentence.tokens.length < options.minWords || isCommon(sentence.hash)) return;
    const exact = byHash.get(sentence.hash);
    if (exact !== undefined) {
      out.push({ from: exact, to, kind: 'copied', similarity: 1 });
      return;
    }
    const words = new Set(sentence.tokens);
    shared.clear();
    for (const word of words)
      for (const index of byWord.get(word) ?? []) shared.set(index, (shared.get(index) ?? 0) + 1);
    // The score is the word-set Jaccard of the two sentences.
    let best = -1;
    let bestScore = 0;
    for (const [index, count] of shared) {
      const score = count / ((distinct[index] as number) + words.size - count);
      if (score > bestScore || (score === bestScore && index < best)) {
        best = index;
        bestScore = score;
      }
    }
    if (best >= 0 && bestScore >= options.rewriteThreshold)
      out.push({ from: best, to, kind: 'rewritten', similarity: bestScore });
  });
  return out;
}
