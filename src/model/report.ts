import type { Article } from './article.js';
import type { Message } from './message.js';

export const REPORT_SCHEMA = 'corroborate.report/1';

/** The JSON report of the design (`analyze --format json`). Later stages add `stories`. */
export interface Report {
  schema: typeof REPORT_SCHEMA;
  generated: string;
  articles: Article[];
  stories: unknown[];
  messages: Message[];
}
