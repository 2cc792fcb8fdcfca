import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import { readArticles, type ReadOptions } from './read-articles.js';

export interface ExtractResult {
  /** The first article the input holds, or null when none could be read. */
  article: Article | null;
  messages: Message[];
}

/** Reads one input (file, URL or `-`) and returns its article, cleaned, with metadata. */
export async function extractArticle(input: string, options: ReadOptions = {}): Promise<ExtractResult> {
  if (typeof input !== 'string' || input === '') {
    throw new TypeError('extractArticle(input): input must be a path, an http(s) URL or "-"');
  }
  const result = await readArticles([input], options);
  return { article: result.articles[0] ?? null, messages: result.messages };
}
