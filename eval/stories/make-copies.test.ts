import { describe, expect, it } from 'vitest';
import { makeCopy, makeRandom, sentenceList } from './make-copies.js';

const origin = [
  'The river rose by two metres overnight. Crews evacuated four hundred residents from the old town.',
  'The mayor said the shelters would stay open until Friday. Schools in the valley closed for the week.',
  'Engineers inspected two bridges on Tuesday. Rail services were suspended between the two towns.',
].join('\n\n');
const donor =
  'The central bank kept its main rate unchanged on Wednesday. Analysts had expected the decision.';

describe('makeCopy', () => {
  it('should tag every sentence of a copy with the sentence it came from, boilerplate with null', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const copy = makeCopy(origin, donor, makeRandom(seed));
      const sentences = sentenceList(copy.text);
      expect(copy.sources).toHaveLength(sentences.length);
      const originSentences = sentenceList(origin);
      const donorSentences = sentenceList(donor);
      sentences.forEach((sentence, i) => {
        const tag = copy.sources[i];
        if (copy.edits.includes('substitute') || tag === null || tag === undefined) return;
        const [side, index] = tag.split('#');
        const from = side === 'origin' ? originSentences : donorSentences;
        expect(sentence).toBe(from[Number(index)]);
      });
    }
  });
});
