import { describe, expect, it } from 'vitest';
import type { Annotations } from '../model/annotations.js';
import { findUnverifiedSentences, saysUnverified } from './find-unverified-sentences.js';

function sentencesOf(text: string): Annotations {
  const sentences = [];
  let start = 0;
  for (const part of text.split(/(?<=\.)\s+/)) {
    const at = text.indexOf(part, start);
    sentences.push({ text: part, start: at, end: at + part.length });
    start = at + part.length;
  }
  return { sentences, mentions: [], quantities: [], times: [], attributions: [], hedges: [] };
}

describe('findUnverifiedSentences', () => {
  it('should flag a sentence that says its figure is not verified', () => {
    expect(
      saysUnverified('The army said 300 rebels died, a figure that has yet to be independently verified.'),
    ).toBe(true);
    expect(saysUnverified('Officials confirmed the bridge had reopened.')).toBe(false);
  });
  it('should flag the sentence a later verification note points back at', () => {
    const ann = sentencesOf(
      'The ministry put the toll at 40. Independent verification of this figure was not possible. Rain fell.',
    );
    expect([...findUnverifiedSentences(ann)].sort()).toEqual([0, 1]);
  });
});
