import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../attributions/extract-attributions.js';
import { splitSentences } from '../sentences/split-sentences.js';
import { findHedges } from './find-hedges.js';

function hedgesOf(text: string) {
  const sentences = splitSentences(text);
  return findHedges(text, sentences, extractAttributions(text, sentences));
}

describe('findHedges', () => {
  it('should find hedges scoped to their sentence and keep offsets equal to the slice', () => {
    const text = 'The mayor reportedly left town. The bridge was allegedly closed.';
    const hedges = hedgesOf(text);
    expect(hedges.map((h) => [h.text, h.kind, h.scope.text])).toEqual([
      ['reportedly', 'hedge', 'The mayor reportedly left town.'],
      ['allegedly', 'hedge', 'The bridge was allegedly closed.'],
    ]);
    for (const h of hedges) expect(text.slice(h.start, h.end)).toBe(h.text);
  });

  it('should match phrases only as whole words, in any case', () => {
    const text = 'Notably, REPORTEDLY the donor cannot; Élnot énot. Nothing changed.';
    expect(hedgesOf(text).map((h) => h.text)).toEqual(['REPORTEDLY', 'Nothing']);
  });

  it('should read letters and digits beyond the Basic Multilingual Plane as word characters', () => {
    // U+1D400 and U+1D7CE are a letter and a digit written as surrogate pairs; an emoji is neither.
    const text = 'The \u{1D400}not and not\u{1D7CE} stay, \u{1F600}not and never\u{1F600} count.';
    expect(hedgesOf(text).map((h) => [h.text, h.start])).toEqual([
      ['not', 28],
      ['never', 36],
    ]);
  });

  it('should fold the long s as case-insensitive matching does', () => {
    expect(hedgesOf('He was ſaid to be there.').map((h) => h.text)).toEqual(['was ſaid to']);
  });

  it('should prefer the whole verification phrase over the negation inside it', () => {
    const text = 'The casualty figures could not be independently verified. The toll remains unconfirmed.';
    expect(hedgesOf(text).map((h) => [h.text, h.kind])).toEqual([
      ['could not be independently verified', 'unverified'],
      ['unconfirmed', 'unverified'],
    ]);
  });

  it('should scope a hedge inside attributed content to that content', () => {
    const text = 'The minister said the convoy had apparently turned back.';
    const [hedge] = hedgesOf(text);
    expect(hedge?.text).toBe('apparently');
    expect(hedge?.scope.text).toBe('the convoy had apparently turned back');
  });

  it('should mark negations and deny-class cues', () => {
    const text = 'The agency denied that its staff had left. Nobody was hurt and the road is not closed.';
    const hedges = hedgesOf(text);
    expect(hedges.map((h) => [h.text, h.kind])).toEqual([
      ['denied', 'negation'],
      ['Nobody', 'negation'],
      ['not', 'negation'],
    ]);
    expect(hedges[0]?.scope.text).toBe('that its staff had left');
  });

  it('should not match hedge words inside other words', () => {
    expect(hedgesOf('The notion of a nonetheless knotty issue.')).toEqual([]);
  });

  it('should throw a TypeError on misuse', () => {
    expect(() => findHedges('x', null as unknown as [], [])).toThrow(TypeError);
  });
});
