import { annotateArticles } from '../annotate/annotate-articles.js';
import { compareStory } from '../compare/compare-story.js';
import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { Comparison } from '../model/comparison.js';
import type { Message } from '../model/message.js';
import type { Report } from '../model/report.js';
import type { Story } from '../model/story.js';
import { buildStories } from '../stories/build-stories.js';
import { buildReport } from './build-report.js';

/** A story with what the comparison found in it. */
export type AnalyzedStory = Omit<Story, 'facts' | 'discrepancies' | 'claims' | 'brief'> & Comparison;

export interface AnalyzeOptions {
  /** The articles are one story already (a stored story): compare them as one, unclustered. */
  oneStory?: boolean;
}

/**
 * The whole job on articles already read: annotate them together (entity keys shared
 * across the batch), cluster them into stories with derivation edges, compare each story
 * (support counted by independence group), and build the report.
 */
export function analyzeArticles(
  articles: Article[],
  messages: Message[],
  now: Date = new Date(),
  options: AnalyzeOptions = {},
): Report {
  if (!Array.isArray(articles))
    throw new TypeError('analyzeArticles(articles, messages): articles must be an array');
  const annotated = annotateArticles(articles);
  const annotations = new Map<string, Annotations>(annotated.map((a) => [a.article.id, a.annotations]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const stories = buildStories(
    articles,
    annotated.map((a) => a.annotations),
    { oneStory: options.oneStory === true },
  ).map((story) => compareOne(story, byId, annotations));
  return buildReport(articles, messages, now, { stories: stories as unknown as Story[] });
}

function compareOne(
  story: Story,
  byId: Map<string, Article>,
  annotations: Map<string, Annotations>,
): AnalyzedStory {
  const origin = new Map<string, string>();
  for (const group of story.independentGroups) for (const id of group) origin.set(id, group[0]!);
  const articles = story.articleIds.map((id) => byId.get(id)!);
  const comparison = compareStory({
    articles,
    annotations: articles.map((a) => annotations.get(a.id)!),
    origins: articles.map((a) => origin.get(a.id) ?? a.id),
  });
  return { ...story, ...comparison };
}
