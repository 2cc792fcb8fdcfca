import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import { REPORT_SCHEMA, type Report } from '../model/report.js';
import type { Story } from '../model/story.js';
import { buildStories } from '../stories/build-stories.js';

/** What the report's stories are built from: precomputed stories, or annotations (one per article) to use. */
export interface ReportStoryInput {
  stories?: Story[];
  annotations?: readonly (Annotations | null | undefined)[];
}

/** The report of the design's JSON contract, from the articles and the batch's messages. */
export function buildReport(
  articles: Article[],
  messages: Message[],
  now: Date = new Date(),
  storyInput: ReportStoryInput = {},
): Report {
  const stories = storyInput.stories ?? buildStories(articles, storyInput.annotations ?? null);
  return { schema: REPORT_SCHEMA, generated: now.toISOString(), articles, stories, messages };
}
