import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { readArticles } from '../ingest/read-articles.js';
import type { Quantity, TimeRef } from '../model/annotations.js';
import {
  SEEDS_GOLDEN_PATH,
  seedsQuantitiesTimes,
  type SeedsGolden,
} from './__fixtures__/seeds-quantities-times.js';

const data = sharedData();

/** Cardinal number words; "one" is left out, being mostly a pronoun. */
const NUMBER_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen)\b/gi;

describe.skipIf(!data && !requireSharedData)('quantities and times of the seeds (golden)', () => {
  let golden: SeedsGolden;
  let texts: Map<string, string>;
  const quantities = (): Quantity[] => golden.articles.flatMap((a) => a.quantities);
  const times = (): TimeRef[] => golden.articles.flatMap((a) => a.times);
  const quantity = (text: string): Quantity[] => quantities().filter((q) => q.text === text);
  const time = (text: string): TimeRef[] => times().filter((t) => t.text === text);

  beforeAll(async () => {
    golden = await seedsQuantitiesTimes(data ?? '');
    const { articles } = await readArticles([join(data ?? '', 'seeds', 'kursk')]);
    texts = new Map(articles.map((a) => [basename(a.id), a.text]));
  });

  it('should read the five seeds', () => {
    expect(golden.articles).toHaveLength(5);
  });

  it('should match the golden fixture (regenerate: npx tsx scripts/regenerate-golden.ts)', () => {
    const fixture = JSON.parse(readFileSync(SEEDS_GOLDEN_PATH, 'utf8')) as SeedsGolden;
    expect(golden).toEqual(fixture);
  });

  it('should read the Russian force as about 70,000 troops in all four reports that give it', () => {
    const force = quantities().filter((q) => q.value === 70000);
    expect(force.map((q) => q.text).sort()).toEqual([
      'an estimated 70,000',
      'approximately 70,000',
      'around 70,000',
      'roughly 70,000',
    ]);
    for (const q of force) {
      expect(q).toMatchObject({ upper: null, qualifier: 'about', unit: null });
      expect(q.counted?.text).toMatch(/^Russian (?:troops|personnel|soldiers)$/);
    }
    expect(quantity('around 70,000')[0]!.counted?.text).toBe('Russian troops');
  });

  it('should read "more than 76,000" and "over 76,000" as more-than with the casualties counted', () => {
    const casualties = quantities().filter((q) => q.value === 76000);
    expect(casualties).toHaveLength(3);
    for (const q of casualties) expect(q).toMatchObject({ qualifier: 'more-than', unit: null });
    expect(quantity('more than 76,000').map((q) => q.counted?.text)).toEqual([
      'Ukrainian military personnel have been killed or injured',
      'Ukrainian soldiers had been killed or wounded',
    ]);
    expect(quantity('over 76,000')[0]!.counted?.text).toBe('Ukrainian military casualties');
  });

  it('should read "over 10,000" North Korean soldiers, "12 people" and "about 20%" of the territory', () => {
    expect(quantity('over 10,000')).toEqual([
      expect.objectContaining({ value: 10000, qualifier: 'more-than', unit: null }),
    ]);
    expect(quantity('over 10,000')[0]!.counted?.text).toMatch(/^North Korean soldiers\b/);
    expect(quantity('12')).toEqual([
      expect.objectContaining({ value: 12, qualifier: 'exact', unit: null, upper: null }),
    ]);
    expect(quantity('12')[0]!.counted?.text).toBe('people');
    expect(quantity('about 20%')).toEqual([
      expect.objectContaining({ value: 20, qualifier: 'about', unit: 'percent' }),
    ]);
    expect(quantity('about 20%')[0]!.counted?.text).toBe("Ukraine's recognized territory");
  });

  it('should leave no number of the seeds unread, as a quantity or a time', () => {
    for (const article of golden.articles) {
      const text = texts.get(article.file)!;
      const spans = [...article.quantities, ...article.times];
      const numbers = [...text.matchAll(/[0-9][0-9,.]*[0-9]|[0-9]/g), ...text.matchAll(NUMBER_WORD)];
      for (const m of numbers) {
        const covered = spans.some((s) => s.start <= m.index && m.index + m[0].length <= s.end);
        expect(covered, `${article.file}: "${text.slice(m.index - 20, m.index + 20)}"`).toBe(true);
      }
    }
  });

  it('should read "eight months" as an eight-month duration in all four reports', () => {
    expect(time('eight months')).toHaveLength(4);
    for (const t of time('eight months'))
      expect(t).toMatchObject({ value: 'P8M', grain: 'duration', resolution: 'resolved' });
  });

  it('should resolve "last August" to August 2024 for an April 2025 article', () => {
    expect(time('last August')).toHaveLength(2);
    for (const t of time('last August'))
      expect(t).toMatchObject({ value: '2024-08', grain: 'month', resolution: 'relative' });
    // "in August" without a year: the August before publication, only implied.
    expect(time('August')).toEqual([
      expect.objectContaining({ value: '2024-08', grain: 'month', resolution: 'implied' }),
    ]);
  });

  it('should resolve the other dates against the publication date', () => {
    expect(time('April 25')).toEqual([
      expect.objectContaining({ value: '2025-04-25', grain: 'day', resolution: 'implied' }),
    ]);
    expect(time('last year')).toEqual([
      expect.objectContaining({ value: '2024', grain: 'year', resolution: 'relative' }),
    ]);
    expect(time('earlier this week')).toEqual([
      expect.objectContaining({ grain: 'week', resolution: 'relative' }),
    ]);
    expect(time('earlier this week')[0]!.value).toMatch(/^2025-04-2[01]$/);
    for (const year of ['2014', '2022'])
      for (const t of time(year))
        expect(t).toMatchObject({ value: year, grain: 'year', resolution: 'resolved' });
    expect(time('2014')).toHaveLength(2);
    expect(time('2022')).toHaveLength(2);
  });

  it('should keep every span equal to its slice of the text', () => {
    for (const article of golden.articles) {
      const text = texts.get(article.file)!;
      for (const s of [...article.quantities, ...article.times])
        expect(text.slice(s.start, s.end)).toBe(s.text);
      for (const q of article.quantities)
        if (q.counted) expect(text.slice(q.counted.start, q.counted.end)).toBe(q.counted.text);
    }
  });
});
