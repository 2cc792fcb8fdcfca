import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData, requireSharedData } from '../../test/shared-data.js';
import { readArticles } from './read-articles.js';

const data = sharedData();

describe.skipIf(!data && !requireSharedData)('the defining example (seeds/kursk)', () => {
  const dir = join(data ?? '', 'seeds', 'kursk');

  it('should find titles for the four files that have one and invent none for the fifth', async () => {
    const { articles, skipped } = await readArticles([dir]);
    expect(skipped).toEqual([]);
    expect(articles).toHaveLength(5);
    const titled = articles.filter((a) => a.title !== null);
    expect(titled).toHaveLength(4);
    const untitled = articles.find((a) => a.title === null)!;
    expect(untitled.text.split('\n\n')[0]!.split(' ').length).toBeGreaterThan(20);
    for (const article of titled) expect(article.text).not.toContain(article.title!);
  });

  it('should leave no boilerplate line and no paragraph twice', async () => {
    const { articles } = await readArticles([dir]);
    for (const article of articles) {
      const paragraphs = article.text.split('\n\n');
      expect(new Set(paragraphs).size).toBe(paragraphs.length);
      for (const p of paragraphs) {
        expect(p).not.toMatch(/\(\d+\)$/); // counters
        expect(p).not.toMatch(/post your comment|have something to say/i);
        expect(p).not.toMatch(/^(?:\w+day, )?\w+ \d{1,2}, \d{4}(?: \d{1,2}:\d{2} ?[AP]M)?$/); // lone dates
      }
      expect(article.language).toBe('eng');
    }
  });

  it('should report the conflicting header dates of the one file that has them', async () => {
    const { articles } = await readArticles([dir]);
    const flagged = articles.filter((a) => a.messages.some((m) => m.ruleId === 'clean:conflicting-dates'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.dates.map((d) => d.value.slice(0, 10))).toEqual(['2025-03-29', '2025-04-27']);
  });
});
