import { describe, expect, it } from 'vitest';
import { isBoilerplateParagraph } from './is-boilerplate-paragraph.js';

const para = (text: string, linkChars = 0, tag = 'P') => ({ text, linkChars, tag });

describe('isBoilerplateParagraph', () => {
  it('should flag labels, pointers to other stories, captions and date stamps', () => {
    expect(isBoilerplateParagraph(para('Advertisement'))).toBe(true);
    expect(isBoilerplateParagraph(para('Continue Reading Below'))).toBe(true);
    expect(isBoilerplateParagraph(para('Related: Ten facts about the harbour'))).toBe(true);
    expect(isBoilerplateParagraph(para('Crowds gather outside the court (Image: Getty)'))).toBe(true);
    expect(isBoilerplateParagraph(para('Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM'))).toBe(true);
    expect(isBoilerplateParagraph(para('Follow her on Twitter @someone.'))).toBe(true);
  });

  it('should flag a short block that is only a link but keep a linked sentence in a paragraph', () => {
    expect(isBoilerplateParagraph(para('Another story about trams', 25, 'LI'))).toBe(true);
    const sentence = 'The minister said the report, published on Monday, was incomplete.';
    expect(isBoilerplateParagraph(para(sentence, 10))).toBe(false);
  });

  it('should keep ordinary prose, including prose that mentions dates', () => {
    expect(
      isBoilerplateParagraph(para('On Nov. 19 the committee met again to hear from the two witnesses.')),
    ).toBe(false);
    expect(isBoilerplateParagraph(para('More than 70 people attended the meeting.'))).toBe(false);
  });
});
