import type { Article } from '../../model/article.js';
import { sourceLabel, type ReportView } from '../report-view.js';

/**
 * What a citation needs to know about the articles of a report: its number, a short label
 * and where it links to. The static report links to its own anchors, the web app to the
 * article page; `href` returns undefined where there is nothing to link to.
 */
export interface CiteContext {
  number(id: string): number | undefined;
  label(id: string): string;
  /** The outlet, else the file or host: a column heading. */
  source(id: string): string;
  href(id: string): string | undefined;
}

export function citeContext(
  view: ReportView,
  href: (id: string, n: number) => string | undefined,
): CiteContext {
  return {
    number: (id) => view.number.get(id),
    label: (id) => {
      const article: Article | undefined = view.article.get(id);
      return article ? `${sourceLabel(article)}: ${article.title ?? '(no title)'}` : id;
    },
    source: (id) => {
      const article = view.article.get(id);
      return article ? sourceLabel(article) : id;
    },
    href: (id) => {
      const n = view.number.get(id);
      return n === undefined ? undefined : href(id, n);
    },
  };
}
