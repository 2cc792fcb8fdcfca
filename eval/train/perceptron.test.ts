import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/annotate/attributions/find-quotes.js';
import { prepareDocument } from '../../src/annotate/attributions/model/features.js';
import { LABELS } from '../../src/annotate/attributions/model/labels.js';
import { tagDocument } from '../../src/annotate/attributions/model/tagger.js';
import { tagTokens } from '../../src/annotate/attributions/tag-tokens.js';
import { splitSentences } from '../../src/annotate/sentences/split-sentences.js';
import { goldLabels } from './attribution.js';
import { oracle, random, trainTagger, type TrainingExample } from './perceptron.js';

/** A tiny synthetic corpus: "<Name> said <clause>." with the gold spans. */
function synthetic(): TrainingExample[] {
  const names = ['The mayor', 'Officials', 'The minister', 'A spokeswoman'];
  const clauses = ['the road was closed', 'prices would fall', 'talks had stalled', 'the plan failed'];
  return names.flatMap((name, i) =>
    clauses.map((clause, j) => {
      const text = `${name} said ${clause}. The weather was ${i + j > 3 ? 'cold' : 'mild'}.`;
      const tokens = tagTokens(text);
      const cue = name.length + 1;
      const content = cue + 5;
      const gold = goldLabels(tokens, [
        {
          source: { pieces: [[0, name.length]] },
          cue: { pieces: [[cue, cue + 4]] },
          content: { pieces: [[content, content + clause.length]] },
        },
      ]);
      const doc = prepareDocument(text, splitSentences(text), tokens, findQuotes(text), []);
      return { doc, gold };
    }),
  );
}

describe('trainTagger (averaged perceptron)', () => {
  it('should give the same weights for the same seed', () => {
    const a = trainTagger(synthetic(), { bits: 12, epochs: 3, seed: 7 });
    const b = trainTagger(synthetic(), { bits: 12, epochs: 3, seed: 7 });
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });

  it('should learn the synthetic pattern', () => {
    const examples = synthetic();
    const model = trainTagger(examples, { bits: 14, epochs: 5, seed: 1 });
    const e = examples[5] as TrainingExample;
    const labels = tagDocument(model, e.doc);
    expect([...labels].map((l) => LABELS[l])).toEqual([...e.gold].map((l) => LABELS[l]));
  });

  it('should draw the same pseudo-random numbers for the same seed', () => {
    const r1 = random(3);
    const r2 = random(3);
    expect([r1(), r1(), r1()]).toEqual([r2(), r2(), r2()]);
  });

  it('should turn an unreachable I- gold label into B-', () => {
    expect(oracle(LABELS.indexOf('I-CONTENT'), 0)).toBe(LABELS.indexOf('B-CONTENT'));
    expect(oracle(LABELS.indexOf('I-CONTENT'), LABELS.indexOf('B-CONTENT'))).toBe(
      LABELS.indexOf('I-CONTENT'),
    );
  });
});
