import { useEffect, useState } from 'preact/hooks';
import type { Report } from '../../../src/model/report.js';
import { citeContext } from '../../../src/report/components/cite-context.js';
import { StorySections } from '../../../src/report/components/story-sections.js';
import { reportView } from '../../../src/report/report-view.js';
import { analyze, ApiError, type PastedArticle } from '../api.js';
import { plural } from '../format.js';

/** Pasted articles are separated by a line holding only three dashes. */
export function splitPasted(text: string): PastedArticle[] {
  return text
    .split(/^\s*---\s*$/m)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => ({ text: t }));
}

export function splitUrls(text: string): string[] {
  return text
    .split(/\s+/)
    .map((u) => u.trim())
    .filter(Boolean);
}

function Result({ report }: { report: Report }) {
  const view = reportView(report);
  // The articles are not stored, so there is no article page to link to: citations only show their tip.
  const ctx = citeContext(view, () => undefined);
  return (
    <section class="analysis" aria-label="Analysis">
      <h2 tabIndex={-1} id="analysis-result">
        Analysis: {plural(report.articles.length, 'article')},{' '}
        {plural(view.stories.length, 'story', 'stories')}
      </h2>
      {view.stories.map((story, i) => (
        <section key={story.id || i} class="analysis-story" aria-label={story.title}>
          <h3>
            Story {i + 1}: {story.title}
          </h3>
          <div class="nested-sections">
            <StorySections story={story} ctx={ctx} level={4} />
          </div>
        </section>
      ))}
      {report.messages.length ? (
        <>
          <h3>Messages</h3>
          <ul>
            {report.messages.map((m, i) => (
              <li key={i}>
                {m.fatal ? 'skipped' : 'note'} ({m.ruleId}): {m.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Articles or URLs in, a report out (POST /v1/analyze); nothing is stored. */
export function AnalyzePage() {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  useEffect(() => {
    document.title = 'Analyse articles · corroborate';
  }, []);
  useEffect(() => {
    if (report) document.getElementById('analysis-result')?.focus();
  }, [report]);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const articles = splitPasted(String(data.get('articles') ?? ''));
    const urls = splitUrls(String(data.get('urls') ?? ''));
    const token = String(data.get('token') ?? '').trim();
    if (!articles.length && !urls.length) {
      setError(new Error('Paste at least one article or one URL.'));
      return;
    }
    if (articles.length && urls.length) {
      setError(new Error('Analyse either pasted articles or URLs, not both at once.'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      setReport(await analyze(articles.length ? { articles } : { urls }, token));
    } catch (caught) {
      setReport(null);
      setError(caught instanceof Error ? caught : new Error(String(caught)));
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <h1>Analyse articles</h1>
      <p class="muted">
        Paste the text of two or more reports (separate them with a line holding only <code>---</code>), or
        give URLs, one per line. They are compared, not stored.
      </p>
      <form class="analyze-form" onSubmit={(e) => void onSubmit(e)}>
        <label for="articles">Articles</label>
        <textarea
          id="articles"
          name="articles"
          rows={12}
          placeholder={'Title of the first report\n\nIts text…\n---\nTitle of the second report\n\nIts text…'}
        />
        <label for="urls">or URLs</label>
        <textarea id="urls" name="urls" rows={3} placeholder="https://…" />
        <label for="token">Access token</label>
        <input id="token" name="token" type="password" autocomplete="off" aria-describedby="token-help" />
        <p id="token-help" class="muted">
          Only needed when the server was started with a token.
        </p>
        <button type="submit" disabled={pending}>
          {pending ? 'Analysing…' : 'Analyse'}
        </button>
      </form>
      {error ? (
        <p class="error" role="alert">
          {error.message}
          {error instanceof ApiError && error.field ? ` (field: ${error.field})` : ''}
        </p>
      ) : null}
      {report ? <Result report={report} /> : null}
    </>
  );
}
