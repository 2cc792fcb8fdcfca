import { describe, expect, it } from 'vitest';
import { splitTokens } from './split-tokens.js';

const pieces = (text: string): string[] => {
  const { starts, ends } = splitTokens(text);
  return starts.map((s, i) => text.slice(s, ends[i]));
};

describe('splitTokens', () => {
  it('should split contractions and possessives as the attribution tagger was trained', () => {
    expect(pieces("We can't say, don't we? They're Jones' and the nation's.")).toEqual([
      'We',
      'ca',
      "n't",
      'say',
      ',',
      'do',
      "n't",
      'we',
      '?',
      'They',
      "'re",
      'Jones',
      "'",
      'and',
      'the',
      'nation',
      "'s",
      '.',
    ]);
    expect(pieces('It cannot be')).toEqual(['It', 'can', 'not', 'be']);
  });

  it('should keep hyphens after common prefixes and before digits, and split the others', () => {
    expect(pieces('an anti-war co-founder, a 50-year-old EB-5 visa in 2016-17')).toEqual([
      'an',
      'anti-war',
      'co-founder',
      ',',
      'a',
      '50',
      '-',
      'year',
      '-',
      'old',
      'EB-5',
      'visa',
      'in',
      '2016-17',
    ]);
  });

  it('should keep the period of initials and short forms but not of a sentence end', () => {
    expect(pieces('Mr. J. Smith of the U.S. said so at 10:30 p.m. on 9/11. Done.')).toEqual([
      'Mr.',
      'J.',
      'Smith',
      'of',
      'the',
      'U.S.',
      'said',
      'so',
      'at',
      '10:30',
      'p.m.',
      'on',
      '9/11',
      '.',
      'Done',
      '.',
    ]);
  });

  it('should make line breaks and runs of dashes or dots tokens', () => {
    expect(pieces('Yes -- no...\n\nNext $5.5 (5%)')).toEqual([
      'Yes',
      '--',
      'no',
      '...',
      '\n\n',
      'Next',
      '$',
      '5.5',
      '(',
      '5',
      '%',
      ')',
    ]);
  });

  it('should give offsets that cover the text without overlap (property over random text)', () => {
    const alphabet = "ab AB1.-'’\n,“”$%:/n't";
    let seed = 7;
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let k = 0; k < 40; k++) {
        seed = (seed * 1103515245 + 12345) >>> 0;
        text += alphabet[seed % alphabet.length];
      }
      const { starts, ends } = splitTokens(text);
      let last = 0;
      starts.forEach((s, i) => {
        expect(s).toBeGreaterThanOrEqual(last);
        expect(ends[i]).toBeGreaterThan(s);
        expect(text.slice(last, s).trim()).toBe('');
        last = ends[i] as number;
      });
      expect(text.slice(last).trim()).toBe('');
    }
  });
});
