import { useEffect } from 'preact/hooks';
import { citeContext } from '../../../src/report/components/cite-context.js';
import { StorySections } from '../../../src/report/components/story-sections.js';
import { reportView, sourceLabel } from '../../../src/report/report-view.js';
import { getStory } from '../api.js';
import { DerivationGraph } from '../components/derivation-graph.js';
import { Status } from '../components/status.js';
import { Timeline } from '../components/timeline.js';
import { formatDate, plural } from '../format.js';
import { articlePath } from '../router.js';
import { useAsync } from '../use-async.js';

/** One story: the shared story sections (as in the static report), the derivation graph and the timeline. */
export function StoryPage({ id }: { id: string }) {
  const state = useAsync(id, (signal) => getStory(id, signal));
  const view = state.status === 'done' ? reportView(state.value) : null;
  const story = view?.stories[0];
  useEffect(() => {
    document.title = `${story?.title ?? 'Story'} · corroborate`;
  }, [story?.title]);
  if (!view) return <Status state={state} what="the story" />;
  if (!story) {
    return (
      <p class="error" role="alert">
        The server sent no story.
      </p>
    );
  }
  const ctx = citeContext(view, (articleId) => articlePath(articleId));
  const articles = story.articleIds.map((a) => view.article.get(a)).filter((a) => a !== undefined);
  const outlets = new Set(articles.map((a) => a.outlet).filter(Boolean));
  return (
    <article class="story-page" data-story={story.id}>
      <p class="crumbs">
        <a href="/">Stories</a> ›
      </p>
      <h1>{story.title}</h1>
      <p class="muted">
        {plural(story.articleIds.length, 'report')} from {plural(outlets.size, 'outlet')},{' '}
        {plural(story.independentGroups.length, 'independent origin')}; {plural(story.facts.length, 'fact')},{' '}
        {plural(story.discrepancies.length, 'discrepancy', 'discrepancies')},{' '}
        {plural(story.claims.filter((c) => c.rebuttedBy.length).length, 'disputed claim')}.
      </p>
      <StorySections story={story} ctx={ctx} level={2} />
      {story.derivations.length ? <DerivationGraph story={story} view={view} /> : null}
      <Timeline articles={articles} numberOf={(a) => view.number.get(a) ?? 0} />
      <section aria-label="Sources">
        <h2>Sources</h2>
        <ol class="sources">
          {articles.map((a) => (
            <li key={a.id} value={view.number.get(a.id)}>
              <a href={articlePath(a.id)}>{a.title ?? '(no title)'}</a> — {sourceLabel(a)},{' '}
              {formatDate(a.published)}
            </li>
          ))}
        </ol>
      </section>
      {state.status === 'done' && state.value.messages.length ? (
        <section aria-label="Messages">
          <h2>Messages</h2>
          <ul>
            {state.value.messages.map((m, i) => (
              <li key={i} class={m.fatal ? 'unverified' : undefined}>
                {m.fatal ? 'skipped' : 'note'} ({m.ruleId}): {m.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
