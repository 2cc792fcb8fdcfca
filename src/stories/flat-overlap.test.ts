import { describe, expect, it } from 'vitest';
import { sentenceHashes } from '../similarity/sentence-hashes.js';
import { wordShingles } from '../similarity/shingles.js';
import { hashString } from '../similarity/hash32.js';
import { distinctPerSentence, DistinctWords, FlatOverlap, type FlatSentences } from './flat-overlap.js';
import { measureOverlap } from './measure-overlap.js';

const texts = [
  'Emergency crews evacuated more than four hundred residents overnight near the river. The mayor resigned on Monday after the vote. Engineers were inspecting two bridges whose foundations may have been weakened by the water.',
  'Rescue crews evacuated over four hundred residents overnight near the river. Prices of bread rose sharply in March across the whole region. Engineers were inspecting two bridges whose foundations may have been weakened by the water. The mayor resigned on Monday after the vote.',
  'Engineers were inspecting two bridges whose foundations may have been weakened by the fast water. Engineers were inspecting two bridges whose foundations may have been weakened by the water. Residents spent the night in shelters set up in sports halls.',
];

function flat(text: string): { sentences: FlatSentences; shingles: Uint32Array; tokens: string[] } {
  const sentences = sentenceHashes(text);
  const tokens = sentences.flatMap((s) => s.tokens);
  const words = Uint32Array.from(tokens, (t) => hashString(t));
  const sentenceEnds = new Uint32Array(sentences.length);
  let at = 0;
  sentences.forEach((s, i) => (sentenceEnds[i] = at += s.tokens.length));
  return {
    sentences: {
      sentenceHashes: Uint32Array.from(sentences, (s) => s.hash),
      sentenceEnds,
      words,
      distinct: distinctPerSentence(sentenceEnds, words),
    },
    shingles: wordShingles(tokens),
    tokens,
  };
}

/** What `measureOverlap` (the reference the flat version must equal) gives for texts `a` and `b`. */
function slowOverlap(
  a: string,
  b: string,
  isCommon: (hash: number) => boolean,
): ReturnType<typeof measureOverlap> {
  return measureOverlap(
    { shingles: flat(a).shingles, sentences: sentenceHashes(a) },
    { shingles: flat(b).shingles, sentences: sentenceHashes(b) },
    undefined,
    isCommon,
  );
}

describe('FlatOverlap', () => {
  it('should measure every pair exactly as measureOverlap does, boilerplate left out on both sides', () => {
    const common = sentenceHashes(texts[2] as string)[2]?.hash as number;
    for (const isCommon of [() => false, (h: number) => h === common]) {
      for (const a of texts)
        for (const b of texts) {
          const first = flat(a);
          const second = flat(b);
          const expected = slowOverlap(a, b, isCommon);
          const measured = new FlatOverlap(second.sentences, second.shingles, isCommon).measure(
            first.sentences,
            first.shingles,
          );
          expect(measured).toEqual(expected);
        }
    }
  });

  it('should measure as measureOverlap when common words are counted by masks, one instance loaded again and again', () => {
    // Texts of many sentences over a small vocabulary: dozens of words are in three or more
    // sentences (masked, more than 64 of them in the larger texts), the rest walked.
    let seed = 5;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocabulary = Array.from({ length: 120 }, (_, i) => `w${(i * 37) % 1000}x`);
    const pick = (size: number): string => vocabulary[Math.floor(random() ** 2 * size)] as string;
    const sentence = (size: number): string[] =>
      Array.from({ length: 4 + Math.floor(random() * 12) }, () => pick(size));
    const textOf = (sentences: string[][]): string => sentences.map((w) => `${w.join(' ')}.`).join(' ');
    const isCommon = (): boolean => false;
    let reused: FlatOverlap | null = null;
    for (let round = 0; round < 40; round++) {
      const size = 20 + Math.floor(random() * 100);
      const base = Array.from({ length: 5 + Math.floor(random() * 40) }, () => sentence(size));
      // The second text: some sentences kept, some with a word or two changed, some new.
      const changed = base
        .filter(() => random() < 0.8)
        .map((words) => (random() < 0.5 ? words.map((w) => (random() < 0.15 ? pick(size) : w)) : words));
      changed.push(...Array.from({ length: Math.floor(random() * 6) }, () => sentence(size)));
      const [a, b] = random() < 0.5 ? [textOf(base), textOf(changed)] : [textOf(changed), textOf(base)];
      const first = flat(a);
      const second = flat(b);
      const expected = slowOverlap(a, b, isCommon);
      reused = reused
        ? reused.load(second.sentences, second.shingles)
        : new FlatOverlap(second.sentences, second.shingles, isCommon);
      expect(reused.measure(first.sentences, first.shingles)).toEqual(expected);
      expect(
        new FlatOverlap(second.sentences, second.shingles, isCommon).measure(first.sentences, first.shingles),
      ).toEqual(expected);
    }
  });

  it('should count distinct words per sentence as sorting each sentence does, long sentences and any word value', () => {
    let seed = 9;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const kept = new DistinctWords();
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(random() * 20);
      const ends = new Uint32Array(n);
      let at = 0;
      for (let i = 0; i < n; i++) ends[i] = at += Math.floor(random() * (round % 5 === 0 ? 300 : 20));
      const vocabulary = 1 + Math.floor(random() * 60);
      const words = Uint32Array.from({ length: at }, () =>
        round % 2 === 0 ? 0xffffffff - Math.floor(random() * vocabulary) : Math.floor(random() * vocabulary),
      );
      let start = 0;
      const expected = [...ends].map((end) => {
        const count = new Set(words.subarray(start, end)).size;
        start = end;
        return count;
      });
      // A set kept across the rounds (reused, grown for longer sentences) and a new one.
      expect([...distinctPerSentence(ends, words, kept)]).toEqual(expected);
      expect([...distinctPerSentence(ends, words)]).toEqual(expected);
    }
  });

  it('should count distinct words per sentence', () => {
    const { sentences } = flat('the cat saw the dog. A dog saw a cat and a bird.');
    expect([...sentences.distinct]).toEqual([4, 6]);
  });
});
