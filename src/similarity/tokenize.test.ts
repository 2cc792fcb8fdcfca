import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tokenize, wordsInto } from './tokenize.js';

// Characters whose normalisation differs: ASCII letters, digits, apostrophes and
// punctuation; curly quotes and dashes (breaks); a curly apostrophe and a combining
// accent (dropped inside a word); precomposed accents, a ligature, a fraction, a
// fullwidth letter and a dotted capital I (decomposed); a capital sigma and a character
// decomposing to one (lower case depends on the neighbours); an astral letter and an emoji.
const PIECES = [
  'a',
  'Q',
  'z',
  '7',
  '0',
  ' ',
  '\n',
  '\t',
  "'",
  '.',
  '-',
  '_',
  ',',
  '"',
  '\u201c',
  '\u201d',
  '\u2014',
  '\u2019',
  '\u02bc',
  '\u0301',
  '\u00e9',
  '\u00c9',
  '\ufb01',
  '\u00bd',
  '\uff21',
  '\u0130',
  '\u00df',
  '\u03a3',
  '\u03f9',
  '\u03b1',
  '\ud835\udc00',
  '\ud83d\ude00',
];

describe('wordsInto', () => {
  it('should give the tokens tokenize gives for any range of any text, after what the list held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (pieces, a, b) => {
          const text = pieces.join('');
          const start = text.length === 0 ? 0 : a % (text.length + 1);
          const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
          expect(wordsInto(text, ['kept'], start, end)).toEqual([
            'kept',
            ...tokenize(text.slice(start, end)),
          ]);
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('should fold case, accents and apostrophes and break at quotes and dashes', () => {
    expect(wordsInto("The Caf\u00e9\u2019s \u201cFIRST\u201d day\u2014don't", [])).toEqual([
      'the',
      'cafes',
      'first',
      'day',
      'dont',
    ]);
    expect(wordsInto('\u00bd off', [])).toEqual(['1', '2', 'off']);
  });
});
