import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';

export interface LabelledSet {
  name: string;
  articles: Article[];
  /** Article id → gold event. */
  labels: Map<string, string>;
}

/** Reads `<dir>/articles.jsonl` through the project's reader and `<dir>/labels.json` (id → event). */
export async function loadLabelled(dataDir: string, name: string): Promise<LabelledSet> {
  const dir = join(dataDir, name);
  const { articles } = await readArticles([join(dir, 'articles.jsonl')]);
  const raw = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<string, string>;
  return { name, articles, labels: new Map(Object.entries(raw)) };
}

/** ECB+ topic number of a document id (`ecbplus-12_3ecb` → 12). */
export function ecbTopic(id: string): number {
  const match = /-(\d+)_/.exec(id);
  return match ? Number(match[1]) : NaN;
}
