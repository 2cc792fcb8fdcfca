import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedData, requireSharedData } from '../../test/shared-data.js';
import { annotateArticles } from '../annotate/annotate-articles.js';
import { readArticles } from '../ingest/read-articles.js';
import type { Comparison } from '../model/comparison.js';
import { compareStory } from './compare-story.js';

const data = sharedData();

// The five defining reports, each its own origin until stories land; articles are named by file prefix.
describe.skipIf(!data && !requireSharedData)('compareStory on the seed story', () => {
  let comparison: Comparison;
  let name: (id: string) => string;

  beforeAll(async () => {
    const { articles } = await readArticles([join(data!, 'seeds', 'kursk')]);
    const annotated = annotateArticles(articles);
    name = (id) => /(\d{3})_[^/]*$/.exec(id)![1]!;
    comparison = compareStory({
      articles,
      annotations: annotated.map((a) => a.annotations),
      origins: articles.map((a) => a.id),
    });
  }, 60_000);

  const names = (ids: string[]): string[] => ids.map(name).sort();

  it('should find the former-versus-president role discrepancy (one against four)', () => {
    const roles = comparison.discrepancies.filter((d) => d.kind === 'role');
    expect(roles).toHaveLength(1);
    const [former, plain] = roles[0]!.variants;
    expect(former!.value.toLowerCase()).toContain('former');
    expect(names(former!.articleIds)).toEqual(['003']);
    expect(names(plain!.articleIds)).toEqual(['000', '001', '002', '004']);
  });

  it('should find the concessions polarity discrepancy (considering in one, rejecting in three)', () => {
    const polarity = comparison.discrepancies.filter((d) => d.kind === 'polarity');
    expect(polarity).toHaveLength(1);
    const affirmed = polarity[0]!.variants.find((v) => v.value === 'affirmed')!;
    const negated = polarity[0]!.variants.find((v) => v.value === 'negated')!;
    expect(names(affirmed.articleIds)).toEqual(['000']);
    expect(names(negated.articleIds)).toEqual(['001', '003', '004']);
  });

  it('should report the two header dates of one article as a date discrepancy', () => {
    const dates = comparison.discrepancies.filter((d) => d.kind === 'date');
    expect(dates).toHaveLength(1);
    expect(dates[0]!.variants.map((v) => v.value).sort()).toEqual(['2025-03-29', '2025-04-27']);
    expect(dates[0]!.variants.every((v) => names(v.articleIds).join() === '003')).toBe(true);
  });

  it('should list no number discrepancy: the figures fit their qualifiers', () => {
    expect(comparison.discrepancies.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('should find 70,000 troops in four reports, more than 76,000 in three flagged unverified, 10,000 in one', () => {
    const find = (value: number) =>
      comparison.numbers.find((n) => n.value.replace(/\D/g, '') === String(value));
    expect(names(find(70000)!.articleIds)).toEqual(['000', '001', '003', '004']);
    expect(names(find(76000)!.articleIds)).toEqual(['001', '003', '004']);
    expect(find(76000)!.verified).toBe(false);
    expect(names(find(10000)!.articleIds)).toEqual(['002']);
  });

  it('should link the full-control claim to a denial from the other side, in every report', () => {
    const control = comparison.claims.find(
      (c) =>
        /control|regain|retake|reclaim/i.test(c.content) &&
        c.rebuttedBy.length > 0 &&
        c.speakerKey !== 'ukraine',
    );
    expect(control).toBeDefined();
    expect(control!.articleIds).toHaveLength(5);
    const rebuttals = comparison.claims.filter((c) => control!.rebuttedBy.includes(c.id));
    expect(rebuttals.some((r) => r.speakerKey === 'ukraine')).toBe(true);
  });

  it('should write a brief of 5 to 12 cited items that names who disputes what', () => {
    expect(comparison.brief.length).toBeGreaterThanOrEqual(5);
    expect(comparison.brief.length).toBeLessThanOrEqual(12);
    for (const item of comparison.brief) expect(item.articleIds.length).toBeGreaterThan(0);
    expect(comparison.brief.some((b) => /disput|den(y|ied)/i.test(b.text) && /control/i.test(b.text))).toBe(
      true,
    );
  });

  it('should support every fact with spans that match the article text', () => {
    expect(comparison.facts.length).toBeGreaterThan(0);
    expect(comparison.facts.some((f) => f.status === 'majority' || f.status === 'consensus')).toBe(true);
  });
});
