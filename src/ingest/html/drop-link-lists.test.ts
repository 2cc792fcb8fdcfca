import { describe, expect, it } from 'vitest';
import { dropLinkLists } from './drop-link-lists.js';

const prose = (text: string) => ({ text, linkChars: 0, tag: 'P' });
const link = (text: string) => ({ text, linkChars: text.length, tag: 'P' });

describe('dropLinkLists', () => {
  it('should drop the link lines after a "you may also like" label', () => {
    const paragraphs = [
      prose('The band will play in May.'),
      prose('You may also like...'),
      link('Another story'),
    ];
    expect(dropLinkLists(paragraphs).map((p) => p.text)).toEqual([
      'The band will play in May.',
      'You may also like...',
    ]);
  });

  it('should drop a run of three link-only lines but keep a single linked line', () => {
    const run = [link('One story'), link('Two story'), link('Three story')];
    expect(dropLinkLists([prose('Body text.'), ...run])).toEqual([prose('Body text.')]);
    const single = [prose('Body text.'), link('Read the full report'), prose('More body text.')];
    expect(dropLinkLists(single)).toEqual(single);
  });
});
