import { useEffect } from 'preact/hooks';
import type { Report } from '../../../src/model/report.js';
import type { AnalyzedStory } from '../../../src/report/analyze-articles.js';
import { citeContext, type CiteContext } from '../../../src/report/components/cite-context.js';
import { StorySections } from '../../../src/report/components/story-sections.js';
import { reportView, sourceLabel, type ReportView } from '../../../src/report/report-view.js';
import { getStory } from '../api.js';
import { DerivationGraph } from '../components/derivation-graph.js';
import { Status } from '../components/status.js';
import { Timeline } from '../components/timeline.js';
import { formatDate, plural } from '../format.js';
import { articlePath } from '../router.js';
import { useAsync } from '../use-async.js';

function Part({
  story,
  view,
  ctx,
  index,
  of,
}: {
  story: AnalyzedStory;
  view: ReportView;
  ctx: CiteContext;
  index: number;
  of: number;
}) {
  const sections = (
    <>
      <StorySections story={story} ctx={ctx} level={of > 1 ? 3 : 2} />
      {story.derivations.length ? <DerivationGraph story={story} view={view} level={of > 1 ? 3 : 2} /> : null}
    </>
  );
  if (of === 1) {
    return (
      <div class="story-part" data-story-part={index}>
        {sections}
      </div>
    );
  }
  return (
    <section class="story-part" data-story-part={index} aria-label={story.title}>
      <h2>
        Part {index + 1}: {story.title}
      </h2>
      <p class="muted">{plural(story.articleIds.length, 'report')}</p>
      {sections}
    </section>
  );
}

function Messages({ report }: { report: Report }) {
  if (!report.messages.length) return null;
  return (
    <section aria-label="Messages">
      <h2>Messages</h2>
      <ul>
        {report.messages.map((m, i) => (
          <li key={i} class={m.fatal ? 'unverified' : undefined}>
            {m.fatal ? 'skipped' : 'note'} ({m.ruleId}): {m.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * One stored story: the shared story sections (as in the static report), the derivation
 * graph, the timeline and the sources. When the comparison splits the stored story's
 * reports into several events, each is shown as a part.
 */
export function StoryPage({ id }: { id: string }) {
  const state = useAsync(id, (signal) => getStory(id, signal));
  const view = state.status === 'done' ? reportView(state.value) : null;
  const title = view?.stories[0]?.title;
  useEffect(() => {
    document.title = `${title ?? 'Story'} · corroborate`;
  }, [title]);
  if (!view) return <Status state={state} what="the story" />;
  if (!view.stories.length) {
    return (
      <p class="error" role="alert">
        The server sent no story.
      </p>
    );
  }
  const ctx = citeContext(view, (articleId) => articlePath(articleId));
  const articles = view.report.articles;
  const outlets = new Set(articles.map((a) => a.outlet).filter(Boolean));
  const stories = view.stories;
  const facts = stories.reduce((n, s) => n + s.facts.length, 0);
  const discrepancies = stories.reduce((n, s) => n + s.discrepancies.length, 0);
  const disputed = stories.reduce((n, s) => n + s.claims.filter((c) => c.rebuttedBy.length).length, 0);
  return (
    <article class="story-page" data-story={id}>
      <p class="crumbs">
        <a href="/">Stories</a> ›
      </p>
      <h1>{title}</h1>
      <p class="muted">
        {plural(articles.length, 'report')} from {plural(outlets.size, 'outlet')}
        {stories.length > 1 ? `, compared as ${stories.length} separate events` : ''}; {plural(facts, 'fact')}
        , {plural(discrepancies, 'discrepancy', 'discrepancies')}, {plural(disputed, 'disputed claim')}.
      </p>
      {stories.map((story, i) => (
        <Part key={story.id || i} story={story} view={view} ctx={ctx} index={i} of={stories.length} />
      ))}
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
      <Messages report={view.report} />
    </article>
  );
}
