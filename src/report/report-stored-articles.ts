import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';
import { analyzeArticles } from './analyze-articles.js';

/**
 * The report `analyze` gives for these articles. The batch messages are the articles' own
 * (reading problems of inputs that gave no article are not stored, so they cannot be here).
 */
export function reportStoredArticles(articles: Article[], now?: Date): Report {
  return analyzeArticles(
    articles,
    articles.flatMap((a) => a.messages),
    now,
  );
}
