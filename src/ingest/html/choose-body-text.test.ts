import { describe, expect, it } from 'vitest';
import { chooseBodyText, jsonLdBodyParagraphs } from './choose-body-text.js';

const words = (n: number, word = 'word'): string => Array.from({ length: n }, () => word).join(' ');

describe('chooseBodyText', () => {
  it('should keep the page text when it is about as long as the declared body', () => {
    const found = [words(80)];
    expect(chooseBodyText(found, words(100, 'other'))).toEqual({ paragraphs: found, origin: 'readability' });
  });

  it('should fall back to a long declared body when the page text is missing', () => {
    const choice = chooseBodyText([], `${words(60)}\n\n${words(20)}`);
    expect(choice.origin).toBe('json-ld');
    expect(choice.paragraphs).toHaveLength(2);
  });

  it('should ignore a short declared teaser', () => {
    expect(chooseBodyText([], 'A short teaser.').origin).toBe('none');
  });
});

describe('jsonLdBodyParagraphs', () => {
  it('should read an HTML articleBody as paragraphs', () => {
    expect(jsonLdBodyParagraphs('<p>One.</p><p>Two <b>bold</b>.</p>')).toEqual(['One.', 'Two bold.']);
  });
});
