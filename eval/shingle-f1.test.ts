import { describe, expect, it } from 'vitest';
import {
  countShingles,
  f1Of,
  matchShingles,
  precisionOf,
  recallOf,
  summarizeShingles,
  tokenize,
} from './shingle-f1.js';

describe('tokenize', () => {
  it('should split on whitespace and punctuation and keep letters and digits of any script', () => {
    expect(tokenize("Kyiv's mayor, 2025: déjà-vu!")).toEqual(['Kyiv', 's', 'mayor', '2025', 'déjà', 'vu']);
  });

  it('should fold case only when asked', () => {
    expect(tokenize('The Cat', true)).toEqual(['the', 'cat']);
    expect(tokenize('The Cat')).toEqual(['The', 'Cat']);
  });
});

describe('countShingles', () => {
  it('should count overlapping four-token shingles as a multiset', () => {
    const counts = countShingles('a b c d a b c d');
    expect(counts.get('a b c d')).toBe(2);
    expect(counts.get('b c d a')).toBe(1);
    expect([...counts.values()].reduce((x, y) => x + y, 0)).toBe(5);
  });

  it('should make one short shingle from a text with fewer than four tokens', () => {
    expect([...countShingles('two words').keys()]).toEqual(['two words']);
    expect(countShingles('').size).toBe(0);
  });
});

describe('matchShingles', () => {
  it('should score identical texts as perfect whatever their spacing', () => {
    const counts = matchShingles('one two three four five', 'one  two\n\nthree four five');
    expect(precisionOf(counts)).toBe(1);
    expect(recallOf(counts)).toBe(1);
    expect(f1Of(counts)).toBe(1);
  });

  it('should lower precision for extra text and recall for missing text', () => {
    const gold = 'the quick brown fox jumps over the lazy dog';
    const extra = matchShingles(gold, `${gold} and then share this story on social media`);
    expect(recallOf(extra)).toBe(1);
    expect(precisionOf(extra)).toBeCloseTo(6 / 14, 5);
    const missing = matchShingles(gold, 'the quick brown fox jumps');
    expect(precisionOf(missing)).toBe(1);
    expect(recallOf(missing)).toBeCloseTo(2 / 6, 5);
  });

  it('should count a repeated paragraph as a false positive', () => {
    const gold = 'one two three four';
    const counts = matchShingles(gold, 'one two three four one two three four');
    expect(precisionOf(counts)).toBeLessThan(1);
  });

  it('should give zero to an empty prediction of a non-empty text', () => {
    const counts = matchShingles('one two three four five', '');
    expect(recallOf(counts)).toBe(0);
    expect(f1Of(counts)).toBe(0);
  });
});

describe('summarizeShingles', () => {
  it('should average precision and recall per document and take F1 of the means', () => {
    const perfect = matchShingles('a b c d e', 'a b c d e');
    const half = matchShingles('a b c d e f g', 'a b c d e');
    const summary = summarizeShingles([perfect, half]);
    expect(summary.precision).toBe(1);
    expect(summary.recall).toBeCloseTo((1 + 0.5) / 2, 5);
    expect(summary.f1).toBeCloseTo((2 * 0.75) / 1.75, 5);
    expect(summary.meanDocumentF1).toBeCloseTo((1 + 2 / 3) / 2, 5);
  });
});
