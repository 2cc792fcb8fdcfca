import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import { REPORT_SCHEMA, type Report } from '../model/report.js';

/** The report of the design's JSON contract, from the articles and the batch's messages. */
export function buildReport(articles: Article[], messages: Message[], now: Date = new Date()): Report {
  return { schema: REPORT_SCHEMA, generated: now.toISOString(), articles, stories: [], messages };
}
