import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { fingerprintArticle, defaultFingerprintOptions } from './fingerprint-article.js';
import { storyFeatures } from './story-features.js';

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
