import { describe, expect, it } from 'vitest';
import type { Discrepancy, Fact } from '../../model/comparison.js';
import { factMatrix } from './fact-matrix-cells.js';

const fact: Fact = {
  id: 'f1',
  text: 'Two people died.',
  status: 'majority',
  independentSources: 2,
  support: [
    { articleId: 'a', start: 0, end: 16, text: 'Two people died.' },
    { articleId: 'b', start: 0, end: 18, text: 'Two people were killed.' },
  ],
};

const deaths: Discrepancy = {
  id: 'd1',
  kind: 'number',
  subject: 'people died',
  variants: [
    { value: 'two', articleIds: ['a', 'b'], quotes: ['Two people died.'] },
    { value: 'three', articleIds: ['c'], quotes: ['Three people died.'] },
  ],
};

describe('factMatrix', () => {
  it('should mark supporting articles reported, the other side of a discrepancy contradicted, the rest omitted', () => {
    const [row] = factMatrix([fact], [deaths], ['a', 'b', 'c', 'd']);
    expect(row?.cells).toEqual(['reported', 'reported', 'contradicted', 'omitted']);
  });

  it('should not call an article contradicting when the discrepancy does not quote the fact', () => {
    const other: Discrepancy = {
      ...deaths,
      variants: deaths.variants.map((v) => ({ ...v, quotes: ['unrelated'] })),
    };
    const [row] = factMatrix([fact], [other], ['a', 'b', 'c']);
    expect(row?.cells).toEqual(['reported', 'reported', 'omitted']);
  });
});
