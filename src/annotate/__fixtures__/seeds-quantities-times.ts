import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticles } from '../../ingest/read-articles.js';
import type { Quantity, TimeRef } from '../../model/annotations.js';
import { annotateArticles } from '../annotate-articles.js';

/** Where the golden file of the seeds' quantities and times lives. */
export const SEEDS_GOLDEN_PATH = fileURLToPath(new URL('./seeds-quantities-times.json', import.meta.url));

/** The seeds carry no publication date (one has two in its header), so every one is dated the same. */
export const SEEDS_PUBLISHED = '2025-04-26';

export interface SeedsGolden {
  published: string;
  articles: { file: string; quantities: Quantity[]; times: TimeRef[] }[];
}

/** Reads the seed reports under `data`, annotates them together and keeps their quantities and times. */
export async function seedsQuantitiesTimes(data: string): Promise<SeedsGolden> {
  const { articles } = await readArticles([join(data, 'seeds', 'kursk')]);
  const dated = articles.map((article) => ({ ...article, published: SEEDS_PUBLISHED }));
  return {
    published: SEEDS_PUBLISHED,
    articles: annotateArticles(dated)
      .map(({ article, annotations }) => ({
        file: basename(article.id),
        quantities: annotations.quantities,
        times: annotations.times,
      }))
      .sort((a, b) => a.file.localeCompare(b.file)),
  };
}
