import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';
import { analyzeArticles } from './analyze-articles.js';

/**
 * The report of one stored story: what `analyze` gives for these articles, except that they
 * stay one story as the store assigned them (the batch clusterer is not asked again, so a
 * story listed with N articles is reported with N). The batch messages are the articles' own
 * (reading problems of inputs that gave no article are not stored, so they cannot be here).
 */
export function reportStoredArticles(articles: Article[], now?: Date): Report {
  return analyzeArticles(
    articles,
    articles.flatMap((a) => a.messages),
    now,
    { oneStory: true },
  );
}
