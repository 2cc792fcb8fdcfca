import { describe, expect, it } from 'vitest';
import { readBrat } from './read-brat.js';
import { prf, scoreDocument } from './score-attributions.js';

// A handwritten two-attribution document and its standoff annotation.
const text = 'The mayor said the bridge would reopen soon. Critics argued that the repairs were rushed.';
const ann = [
  'T1\tSource 0 9\tThe mayor',
  'T2\tCue 10 14\tsaid',
  'T3\tContent 15 43\tthe bridge would reopen soon',
  'T4\tAttribution 10 14\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tSource 45 52\tCritics',
  'T6\tCue 53 60\targued',
  'T7\tContent 61 73;74 88\tthat the repairs were rushed',
  'T8\tAttribution 53 60\targued',
  'E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7',
].join('\n');

describe('readBrat', () => {
  it('should read sources, cues and discontinuous contents', () => {
    const gold = readBrat(ann);
    expect(gold).toHaveLength(2);
    expect(gold[1]?.content?.pieces).toEqual([
      [61, 73],
      [74, 88],
    ]);
    expect(gold[0]?.source?.pieces).toEqual([[0, 9]]);
  });
});

describe('scoreDocument', () => {
  const gold = readBrat(ann);

  it('should give a perfect score to the gold itself', () => {
    const score = scoreDocument(text, gold, gold);
    expect(score.roles.cue).toEqual({ tp: 2, predicted: 2, gold: 2 });
    expect(score.whole).toEqual({ tp: 2, predicted: 2, gold: 2 });
    expect(prf(score.whole).f).toBe(1);
  });

  it('should accept half overlap of both spans and reject less', () => {
    const predicted = [
      // "mayor" covers 1 of 2 source tokens: accepted; content "would reopen soon" is 3 of 5: accepted.
      {
        source: { pieces: [[4, 9]] as Array<[number, number]> },
        cue: { pieces: [[10, 14]] as Array<[number, number]> },
        content: { pieces: [[26, 43]] as Array<[number, number]> },
      },
      // "rushed" is 1 of 5 content tokens: rejected, so the whole attribution fails too.
      {
        source: { pieces: [[45, 52]] as Array<[number, number]> },
        cue: { pieces: [[53, 60]] as Array<[number, number]> },
        content: { pieces: [[82, 88]] as Array<[number, number]> },
      },
    ];
    const score = scoreDocument(text, predicted, gold);
    expect(score.roles.source.tp).toBe(2);
    expect(score.roles.cue.tp).toBe(2);
    expect(score.roles.content).toEqual({ tp: 1, predicted: 2, gold: 2 });
    expect(score.whole.tp).toBe(1);
  });

  it('should match one-to-one, so a duplicate prediction is a false positive', () => {
    const first = gold[0];
    if (!first) throw new Error('fixture');
    const score = scoreDocument(text, [first, first], gold);
    expect(score.roles.cue).toEqual({ tp: 1, predicted: 2, gold: 2 });
    expect(prf(score.roles.cue)).toEqual({ p: 0.5, r: 0.5, f: 0.5 });
  });
});
