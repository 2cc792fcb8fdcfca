import { describe, expect, it } from 'vitest';
import { pickTitle, stripSiteName } from './pick-title.js';

describe('stripSiteName', () => {
  it('should remove a trailing or leading site name but keep separators inside the headline', () => {
    expect(stripSiteName('Rain returns - and stays | The Daily Example', ['The Daily Example'])).toBe(
      'Rain returns - and stays',
    );
    expect(stripSiteName('Example News: Rain returns', ['example news'])).toBe('Rain returns');
    expect(stripSiteName('Rain returns | Weather', ['The Daily Example'])).toBe('Rain returns | Weather');
  });
});

describe('pickTitle', () => {
  it('should prefer the visible h1 when a declared title starts with it', () => {
    const title = pickTitle({
      jsonLdHeadline: null,
      ogTitle: 'Storm closes schools - Example News',
      documentTitle: 'Storm closes schools - Example News',
      headings: ['Storm closes schools'],
      siteNames: [],
    });
    expect(title).toBe('Storm closes schools');
  });

  it('should ignore an h1 that is the site logo and use the declared title without the site name', () => {
    const title = pickTitle({
      jsonLdHeadline: null,
      ogTitle: null,
      documentTitle: 'Storm closes schools | Example News',
      headings: ['Example News'],
      siteNames: ['Example News'],
    });
    expect(title).toBe('Storm closes schools');
  });
});
