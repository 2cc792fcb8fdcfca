import { describe, expect, it } from 'vitest';
import { CorpusStats, countTerms } from './corpus-stats.js';
import { joinedTermHashesInto, TermDictionary, termHashesInto } from './term-dictionary.js';
import { fmix32, hashString } from './hash32.js';
import { sentenceHashes, splitSentences } from './sentence-hashes.js';
import { containment, jaccard, shingleOverlap } from './set-overlap.js';
import { wordShingles } from './shingles.js';
import { addScaled, cosine, sparseFromMap } from './sparse-vector.js';
import { normalizeText, tokenize } from './tokenize.js';

describe('hashing and tokens', () => {
  it('should hash strings to stable unsigned 32-bit values', () => {
    expect(hashString('kursk')).toBe(hashString('kursk'));
    expect(hashString('kursk')).not.toBe(hashString('kurks'));
    expect(hashString('a', 1)).not.toBe(hashString('a', 2));
    expect(fmix32(0)).toBe(0);
    for (const word of ['', 'a', 'ab', 'abc', 'Ωμέγα']) {
      const h = hashString(word);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(0xffffffff);
    }
  });

  it('should normalise case, accents, quotes and punctuation', () => {
    expect(normalizeText('  Zelensky’s “Café” — CRIMEA!  ')).toBe('zelenskys cafe crimea');
    expect(tokenize('')).toEqual([]);
  });

  it('should compute Jaccard and containment on shingle sets', () => {
    const a = wordShingles(tokenize('one two three four five six'));
    const b = wordShingles(tokenize('one two three four five six seven eight'));
    expect(containment(a, b)).toBe(1);
    expect(jaccard(a, b)).toBeCloseTo(4 / 6);
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(1);
  });
});

describe('sparse vectors and corpus statistics', () => {
  it('should give cosine 1 for parallel vectors and 0 for disjoint ones', () => {
    const a = sparseFromMap(
      new Map([
        [1, 1],
        [5, 2],
      ]),
    );
    const b = sparseFromMap(
      new Map([
        [5, 4],
        [1, 2],
      ]),
    );
    const c = sparseFromMap(new Map([[2, 1]]));
    expect(cosine(a, b)).toBeCloseTo(1);
    expect(cosine(a, c)).toBe(0);
    expect(Array.from(addScaled(a, c).ids)).toEqual([1, 2, 5]);
  });

  it('should weigh rare terms above common ones as documents are added', () => {
    const stats = new CorpusStats();
    stats.addDocument(['earthquake', 'chile']);
    stats.addDocument(['earthquake', 'indonesia']);
    stats.addDocument(['earthquake', 'chile', 'chile']);
    expect(stats.documentCount).toBe(3);
    expect(stats.documentFrequency('chile')).toBe(2);
    expect(stats.idf('indonesia')).toBeGreaterThan(stats.idf('earthquake'));
    const vector = stats.vectorize(['earthquake', 'indonesia']);
    const earthquake = stats.termId('earthquake') as number;
    const indonesia = stats.termId('indonesia') as number;
    const weightOf = (id: number): number => vector.weights[Array.from(vector.ids).indexOf(id)] ?? 0;
    expect(weightOf(indonesia)).toBeGreaterThan(weightOf(earthquake));
    expect(cosine(vector, vector)).toBeCloseTo(1);
  });

  it('should forget terms of one document only, and give a returning one a new id', () => {
    const stats = new CorpusStats();
    stats.addDocument(['earthquake', 'chile']);
    stats.addDocument(['earthquake', 'indonesia']);
    const chile = stats.termId('chile') as number;
    expect(stats.forgetSingletons(0, stats.termCount)).toEqual([chile, stats.termCount - 1]);
    expect(stats.termId('chile')).toBeUndefined();
    expect(stats.termOf(chile)).toBeUndefined();
    expect(stats.documentFrequency('earthquake')).toBe(2);
    expect(stats.dictionarySize).toBe(1);
    stats.addDocument(['chile']);
    expect(stats.termId('chile')).toBe(3);
    expect(stats.termCount).toBe(4);
  });
});

describe('sentence hashes', () => {
  it('should split sentences and hash equal wording equally', () => {
    const text = 'Russia claims control. Ukraine denies it!\n\n“Russia claims control.”';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Russia claims control.',
      'Ukraine denies it!',
      '“Russia claims control.”',
    ]);
    const hashes = sentenceHashes(text);
    expect(hashes[0]?.hash).toBe(hashes[2]?.hash);
    expect(hashes[0]?.hash).not.toBe(hashes[1]?.hash);
  });
});

describe('CorpusStats.addAndVectorize', () => {
  it('should give the vector addDocument then vectorize give, document after document', () => {
    const documents = [
      'the storm hit the coast the storm 2024',
      'coast guard rescued crew storm',
      'a new word here and there and here',
      'storm coast 2024 guard',
    ].map((text) => text.split(' '));
    const weight = (term: string): number => (/\d/.test(term) ? 1.5 : term === 'guard' ? 2 : 1);
    const once = new CorpusStats();
    const twice = new CorpusStats();
    for (const terms of documents) {
      const { vector, counted } = once.addAndVectorize(terms, weight);
      twice.addDocument(terms);
      const expected = twice.vectorize(terms, weight);
      expect([...vector.ids]).toEqual([...expected.ids]);
      expect([...vector.weights]).toEqual([...expected.weights]);
      expect([...counted].sort((a, b) => a - b)).toEqual([...expected.ids]);
    }
  });
});

describe('CorpusStats.addAndVectorizeCounted', () => {
  it('should give the ids, vector and new terms addAndVectorize gives, from counted and hashed terms', () => {
    const documents = [
      'the storm hit the coast the storm 2024',
      'coast guard rescued crew storm',
      'a new word here and there and here',
      'storm coast 2024 guard coast_guard',
    ].map((text) => text.split(' '));
    const weight = (term: string): number => (/\d/.test(term) ? 1.5 : term === 'guard' ? 2 : 1);
    const strings = new CorpusStats();
    const counted = new CorpusStats();
    for (const terms of documents) {
      const expected = strings.addAndVectorize(terms, weight);
      const bag = countTerms(terms);
      const distinct = bag.text.split(' ');
      expect(bag.counts.reduce((sum, n) => sum + n, 0)).toBe(terms.length);
      const found = counted.addAndVectorizeCounted(bag, (k) => weight(distinct[k] as string));
      expect([...found.vector.ids]).toEqual([...expected.vector.ids]);
      expect([...found.vector.weights]).toEqual([...expected.vector.weights]);
      expect([...found.counted]).toEqual([...expected.counted]);
    }
    for (let id = 0; id < strings.termCount; id++) expect(counted.termOf(id)).toBe(strings.termOf(id));
  });

  it('should find by hashes the entry a term was set under, and add an absent one', () => {
    const dictionary = new TermDictionary();
    dictionary.set('storm_coast', 4);
    const hashes = new Int32Array(4);
    termHashesInto('storm_coast', hashes, 0);
    termHashesInto('storm_coasts', hashes, 2);
    expect(dictionary.getOrSetHashed(hashes[0] as number, hashes[1] as number, 9)).toBe(4);
    expect(dictionary.getOrSetHashed(hashes[2] as number, hashes[3] as number, 9)).toBe(9);
    expect(dictionary.get('storm_coasts')).toBe(9);
    expect(dictionary.size).toBe(2);
  });

  it('should hash a word pair without joining it as the joined term', () => {
    const joined = new Int32Array(2);
    const pair = new Int32Array(4);
    for (const [left, right] of [
      ['storm', 'coast'],
      ['', 'x'],
      ['caf\u00e9', ''],
      ['a', 'bcdefghijklmnopqrstuvwxyz'],
    ] as const) {
      termHashesInto(`${left}_${right}`, joined, 0);
      joinedTermHashesInto(left, 95, right, pair, 2);
      expect([pair[2], pair[3]]).toEqual([joined[0], joined[1]]);
    }
  });
});

describe('CorpusStats terms', () => {
  it('should keep a dictionary term equal to the term it was given, cut from a longer text or not', () => {
    const stats = new CorpusStats();
    const terms = 'regional_governor floodwaters_reached x é😀'.split(' ');
    stats.addDocument(terms);
    expect(terms.map((t) => stats.termOf(stats.termId(t) as number))).toEqual(terms);
    const counted = countTerms(['a_longer_word_pair_here', 'b', 'a_longer_word_pair_here']);
    stats.addAndVectorizeCounted(counted);
    expect(stats.termOf(stats.termId('a_longer_word_pair_here') as number)).toBe('a_longer_word_pair_here');
    expect(stats.termsById()).toEqual([...terms, 'a_longer_word_pair_here', 'b']);
  });
});

describe('shingleOverlap', () => {
  it('should give jaccard and both containments of two sorted sets, empty ones included', () => {
    const sets = [[], [1], [1, 2, 3], [2, 3, 5, 8], [0, 4, 8, 12, 16], [3]].map((v) => Uint32Array.from(v));
    for (const a of sets)
      for (const b of sets)
        expect(shingleOverlap(a, b)).toEqual({
          jaccard: jaccard(a, b),
          firstInSecond: containment(a, b),
          secondInFirst: containment(b, a),
        });
  });
});
