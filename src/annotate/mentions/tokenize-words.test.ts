import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceUnit, TOKEN_RE, tokenEnd, tokenizeWords } from './tokenize-words.js';

/** The tokens TOKEN_RE matches in `text`, as [start, end] pairs. */
function regexSpans(text: string): Array<[number, number]> {
  const re = new RegExp(TOKEN_RE.source, 'g');
  return [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);
}

/** The same from the scanner. */
function scannedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length;) {
    if (isSpaceUnit(text.charCodeAt(i))) i++;
    else {
      const end = tokenEnd(text, i);
      spans.push([i, end]);
      i = end;
    }
  }
  return spans;
}

// Characters around every edge of the scanner: letters of each range and just outside it,
// digits, joiners, the white space \s knows, a lone surrogate and other punctuation.
const EDGES = [
  ...'aZz09.,-\'’"()$%:;/ \t\n\r\v\f',
  ...[0xa0, 0xbf, 0xc0, 0xd6, 0xd7, 0xd8, 0xf6, 0xf7, 0xf8, 0x24f, 0x250, 0x2ff, 0x300, 0x36f, 0x370, 0x3ff],
  ...[0x400, 0x4ff, 0x500, 0x1680, 0x1dff, 0x1e00, 0x1eff, 0x1f00, 0x2000, 0x200a, 0x200b, 0x2028, 0x2029],
  ...[0x202f, 0x205f, 0x3000, 0xd83d, 0xde00, 0xfeff, 0x4e2d],
].map((c) => (typeof c === 'number' ? String.fromCharCode(c) : c));

describe('tokenizeWords', () => {
  it('scans exactly the tokens TOKEN_RE matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EDGES), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(scannedSpans(text)).toEqual(regexSpans(text));
      }),
      { numRuns: 3000 },
    );
    const text = "Jean-Luc O'Neill’s U.S. team won 1,200.5 votes — 3.5% of 12,000… Ελλάδα, Москва. 中文 🎉";
    expect(scannedSpans(text)).toEqual(regexSpans(text));
  });

  it('knows white space as \\s does', () => {
    for (let c = 0; c < 0x10000; c++) expect(isSpaceUnit(c)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('splits off a possessive and a sentence-final period, keeping abbreviations', () => {
    const tokens = tokenizeWords("Gen. Smith's U.S. visit ended.");
    expect(tokens.map((t) => t.text)).toEqual(['Gen.', 'Smith', "'s", 'U.S.', 'visit', 'ended', '.']);
    // The lower-case form drops a trailing period (a lone period's is empty).
    expect(tokens.map((t) => t.lower)).toEqual(['gen', 'smith', "'s", 'u.s', 'visit', 'ended', '']);
  });
});
