import { describe, expect, it } from 'vitest';
import type { ReportedNumber } from '../model/comparison.js';
import { numberLabel } from './number-label.js';

const num = (value: string, subject: string, quote: string): ReportedNumber => ({
  id: 'n1',
  value,
  subject,
  articleIds: ['a'],
  quotes: [quote],
  verified: null,
});

describe('numberLabel', () => {
  it('gives the counted phrase when there is one', () => {
    expect(numberLabel(num('around 70,000', 'Russian troops', 'Around 70,000 Russian troops.'))).toBe(
      'around 70,000 Russian troops',
    );
  });

  it('gives the words around a bare number instead of the number alone', () => {
    const quote =
      'A section of the bridge collapsed early on Friday, killing two people and injuring 17, emergency services said.';
    expect(numberLabel(num('17', '', quote))).toBe(
      '… killing two people and injuring 17, emergency services said.',
    );
  });
});
