import type { Article } from '../../../src/model/article.js';
import { sourceLabel } from '../../../src/report/report-view.js';
import { formatDate } from '../format.js';
import { articlePath } from '../router.js';

interface Placed {
  article: Article;
  time: number | null;
}

/** Where each dated article sits between the first and the last publication, 0..100. */
export function timelinePositions(times: readonly (number | null)[]): (number | null)[] {
  const known = times.filter((t): t is number => t !== null);
  if (!known.length) return times.map(() => null);
  const min = Math.min(...known);
  const span = Math.max(...known) - min;
  return times.map((t) => (t === null ? null : span === 0 ? 50 : ((t - min) / span) * 100));
}

/** The story's articles in publication order, with a proportional axis; undated articles last. */
export function Timeline({
  articles,
  numberOf,
}: {
  articles: readonly Article[];
  numberOf: (id: string) => number;
}) {
  const placed: Placed[] = articles
    .map((article) => {
      const time = article.published ? Date.parse(article.published) : Number.NaN;
      return { article, time: Number.isNaN(time) ? null : time };
    })
    .sort(
      (a, b) =>
        (a.time ?? Infinity) - (b.time ?? Infinity) || numberOf(a.article.id) - numberOf(b.article.id),
    );
  const positions = timelinePositions(placed.map((p) => p.time));
  return (
    <section class="timeline-section" aria-label="Timeline">
      <h2>Timeline</h2>
      <ol class="timeline">
        {placed.map(({ article }, i) => {
          const at = positions[i];
          return (
            <li key={article.id} class="timeline-item">
              <time dateTime={article.published ?? undefined} class="timeline-time">
                {formatDate(article.published)}
              </time>
              <span class="timeline-axis" aria-hidden="true">
                {at === null || at === undefined ? null : (
                  <span class="timeline-dot" style={{ left: `${at}%` }} />
                )}
              </span>
              <span class="timeline-what">
                [{numberOf(article.id)}] {sourceLabel(article)}:{' '}
                <a href={articlePath(article.id)}>{article.title ?? '(no title)'}</a>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
