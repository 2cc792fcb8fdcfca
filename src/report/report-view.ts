import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';
import type { AnalyzedStory } from './analyze-articles.js';

/**
 * What every renderer needs from a report: one citation number per article (in report
 * order), the stories with their comparison, and a short label per article.
 */
export interface ReportView {
  report: Report;
  stories: AnalyzedStory[];
  number: Map<string, number>;
  article: Map<string, Article>;
}

export function reportView(report: Report): ReportView {
  const number = new Map(report.articles.map((a, i) => [a.id, i + 1]));
  const article = new Map(report.articles.map((a) => [a.id, a]));
  const stories = (report.stories as Partial<AnalyzedStory>[]).map(withDefaults);
  return { report, stories, number, article };
}

/** Stories built without the compare stage still render: missing lists are empty. */
function withDefaults(story: Partial<AnalyzedStory>): AnalyzedStory {
  return {
    id: story.id ?? '',
    title: story.title ?? '',
    articleIds: story.articleIds ?? [],
    derivations: story.derivations ?? [],
    independentGroups: story.independentGroups ?? [],
    facts: story.facts ?? [],
    discrepancies: story.discrepancies ?? [],
    claims: story.claims ?? [],
    numbers: story.numbers ?? [],
    brief: story.brief ?? [],
    uniqueDetails: story.uniqueDetails ?? [],
    omissions: story.omissions ?? [],
  };
}

/** "[1][3]" for a list of article ids. */
export function citations(view: ReportView, ids: readonly string[]): string {
  return [...new Set(ids)]
    .map((id) => view.number.get(id))
    .filter((n): n is number => n !== undefined)
    .sort((a, b) => a - b)
    .map((n) => `[${n}]`)
    .join('');
}

/** The outlet, else the file or host, for short labels. */
export function sourceLabel(article: Article): string {
  if (article.outlet) return article.outlet;
  const tail = article.id.split(/[\\/]/).filter(Boolean).at(-1) ?? article.id;
  return tail.length > 40 ? `${tail.slice(0, 37)}…` : tail;
}
