import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { fingerprintArticle, defaultFingerprintOptions } from './fingerprint-article.js';
import { countedFeatures, countedStoryFeatures, storyFeatures } from './story-features.js';

const tricky = [
  'He said: \u2018No.\u2019 Then he left.\n\nThe caf\u00e9\u2019s owner, O\u2019Brien, wasn\u2019t there!  "Really?" she asked.',
  'Prices rose 4.5% in 2024\u2014the most since 1990.\nRock\u2019n\u2019roll (and jazz) d\u00e9j\u00e0 vu... "End."',
  '',
];

const withTokens = (a: { id: string; title: string | null; text: string; published: string | null }) => {
  const { tokens } = fingerprintArticle({ ...a, contentHash: '' }, defaultFingerprintOptions());
  return storyFeatures(a, null, undefined, tokens);
};

describe('storyFeatures with a fingerprint’s tokens', () => {
  it('should give the features it gives from the text', () => {
    tricky.forEach((text, i) => {
      const article = { id: `t${i}`, title: 'A title', text, published: null };
      expect(withTokens(article)).toEqual(storyFeatures(article));
    });
  });

  const data = sharedData();
  it.skipIf(!data && !requireSharedData)('should give the same features on every real article', async () => {
    for (const set of ['ecbplus', 'basil']) {
      const { articles } = await readArticles([join(data ?? '', set, 'articles.jsonl')]);
      // Compared as joined strings: a deep comparison of every article's terms is slow.
      const differing = articles.filter((article) => {
        const a = withTokens(article);
        const b = storyFeatures(article);
        return a.terms.join(' ') !== b.terms.join(' ') || [...a.names].join(' ') !== [...b.names].join(' ');
      });
      expect(differing.map((a) => a.id)).toEqual([]);
    }
  });
});

describe('countedStoryFeatures', () => {
  const articles = [
    ...tricky.map((text, i) => ({ id: `t${i}`, title: 'A title of Note', text, published: null })),
    {
      id: 'r1',
      title: 'Harbour bridge closed for 2 weeks',
      text:
        'The harbour bridge closed on Monday. The harbour bridge will reopen in 2 weeks, ' +
        'Mayor Ellery Vance said. Crews from Eastfield and Westfield repaired the harbour bridge deck ' +
        'after 14 cracks were found; the bridge deck carries 40,000 cars a day.',
      published: '2024-03-05T08:00:00Z',
    },
  ];
  const options = [
    undefined,
    { titleWeight: 0, numbersAsNames: false, bigrams: false },
    { titleWeight: 3, numbersAsNames: true, bigrams: true },
  ];

  it('should count, hash and kind the terms as countedFeatures does from storyFeatures', () => {
    for (const article of articles)
      for (const o of options) {
        const expected = countedFeatures(storyFeatures(article, null, o));
        expect(countedStoryFeatures(article, null, o)).toEqual(expected);
        const { tokens } = fingerprintArticle({ ...article, contentHash: '' }, defaultFingerprintOptions());
        expect(countedStoryFeatures(article, tokens, o)).toEqual(expected);
      }
  });

  it('should count a repeated word pair once with its count', () => {
    const counted = countedStoryFeatures(articles[3] as (typeof articles)[number]);
    const terms = counted.terms.text.split(' ');
    expect(counted.terms.counts[terms.indexOf('harbour_bridge')]).toBe(3);
    expect(counted.terms.counts[terms.indexOf('bridge')]).toBe(4 + 2);
  });
});
