import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences } from './split-sentences.js';

const texts = (text: string): string[] => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('should split plain sentences and keep offsets equal to the slice', () => {
    const text = 'The council met on Monday. It voted twice! Was it enough? Nobody knows.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual([
      'The council met on Monday.',
      'It voted twice!',
      'Was it enough?',
      'Nobody knows.',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('should not split after titles and state abbreviations', () => {
    expect(texts('Gen. Ortiz met Sen. Park and Gov. Lee in Lansing, Mich. on Tuesday.')).toHaveLength(1);
    expect(texts('Mr. Hale and Dr. Quinn of Acme Corp. Ltd. spoke. They left.')).toEqual([
      'Mr. Hale and Dr. Quinn of Acme Corp. Ltd. spoke.',
      'They left.',
    ]);
  });

  it('should not split inside initials and initialisms', () => {
    expect(texts('J. R. R. Tolkien wrote it. George W. Bush read it.')).toEqual([
      'J. R. R. Tolkien wrote it.',
      'George W. Bush read it.',
    ]);
    expect(texts('The U.S. Navy and the U.N. Security Council agreed.')).toHaveLength(1);
    expect(texts('The plan came from the U.S. The allies agreed.')).toHaveLength(2);
  });

  it('should keep dates, numbers and ordinals together', () => {
    expect(texts('On Jan. 5 the rate rose 2.5 percent. It was No. 1 in the list.')).toEqual([
      'On Jan. 5 the rate rose 2.5 percent.',
      'It was No. 1 in the list.',
    ]);
  });

  it('should keep closing quotes with their sentence', () => {
    expect(texts('She said, “We will win.” He left. “Go home.” They did.')).toEqual([
      'She said, “We will win.”',
      'He left.',
      '“Go home.”',
      'They did.',
    ]);
    expect(texts('He said "no." Then he left.')).toEqual(['He said "no."', 'Then he left.']);
  });

  it('should keep a dateline with its sentence', () => {
    expect(texts('LONDON, Feb. 3 (Wire) — The bank raised rates. Markets fell.')).toEqual([
      'LONDON, Feb. 3 (Wire) — The bank raised rates.',
      'Markets fell.',
    ]);
  });

  it('should handle ellipses', () => {
    expect(texts('We waited … and waited. Then … Nothing.')).toEqual([
      'We waited … and waited.',
      'Then …',
      'Nothing.',
    ]);
    expect(texts('It was... fine. Next.')).toEqual(['It was... fine.', 'Next.']);
  });

  it('should never cross a paragraph break', () => {
    expect(texts('A headline without a period\n\nThe body starts here. It ends here')).toEqual([
      'A headline without a period',
      'The body starts here.',
      'It ends here',
    ]);
  });

  it('should cover every non-space character with ordered, non-overlapping spans', () => {
    const alphabet = fc.constantFrom(
      'a',
      'B',
      ' ',
      '.',
      '!',
      '?',
      '\n',
      '\n\n',
      '”',
      '"',
      'Mr.',
      'U.S.',
      '3.5',
      '…',
      'Gen.',
      'é',
      '😀',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const sentences = splitSentences(text);
        let last = 0;
        const covered = new Array<boolean>(text.length).fill(false);
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.includes('\n\n')).toBe(false);
          for (let i = s.start; i < s.end; i++) covered[i] = true;
          last = s.end;
        }
        for (let i = 0; i < text.length; i++) {
          if (!/\s/.test(text[i] ?? '')) expect(covered[i]).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should throw a TypeError when given something other than a string', () => {
    expect(() => splitSentences(42 as unknown as string)).toThrow(TypeError);
  });
});
