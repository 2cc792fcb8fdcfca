import { useEffect, useState } from 'preact/hooks';
import { getArticle } from '../api.js';
import { ANNOTATION_KINDS, annotationSpans, type AnnotationKind } from '../annotation-spans.js';
import { AnnotatedText } from '../components/annotated-text.js';
import { Status } from '../components/status.js';
import { formatDate } from '../format.js';
import { storyPath } from '../router.js';
import { useAsync } from '../use-async.js';

/** One stored article with its annotations highlighted; each kind can be switched off. */
export function ArticlePage({ id }: { id: string }) {
  const state = useAsync(id, (signal) => getArticle(id, signal));
  const [hidden, setHidden] = useState<ReadonlySet<AnnotationKind>>(new Set());
  const data = state.status === 'done' ? state.value : null;
  useEffect(() => {
    document.title = `${data?.article.title ?? 'Article'} · corroborate`;
  }, [data?.article.title]);
  if (!data) return <Status state={state} what="the article" />;
  const { article, annotations, storyId } = data;
  const spans = annotationSpans(annotations).filter((s) => !hidden.has(s.kind));
  const counts = new Map<AnnotationKind, number>();
  for (const s of annotationSpans(annotations)) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  const toggle = (kind: AnnotationKind) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHidden(next);
  };
  return (
    <article class="article-page" data-article={article.id}>
      <p class="crumbs">
        <a href="/">Stories</a> ›{' '}
        {storyId ? (
          <>
            <a href={storyPath(storyId)}>Story</a> ›
          </>
        ) : null}
      </p>
      <h1 class="article-title">{article.title ?? '(no title)'}</h1>
      {article.subtitle ? <p class="subtitle">{article.subtitle}</p> : null}
      <dl class="article-meta">
        <dt>Outlet</dt>
        <dd>{article.outlet ?? 'unknown'}</dd>
        {article.byline ? (
          <>
            <dt>Byline</dt>
            <dd>{article.byline}</dd>
          </>
        ) : null}
        <dt>Published</dt>
        <dd>{formatDate(article.published)}</dd>
        <dt>Address</dt>
        {/* Shown as text, never as a link: an article field must not become a URL the page follows. */}
        <dd class="address">{article.url ?? article.input}</dd>
      </dl>
      <fieldset class="legend-toggles">
        <legend>Highlight</legend>
        {ANNOTATION_KINDS.map(({ kind, label }) => (
          <label key={kind} class={`toggle ann-${kind}`}>
            <input type="checkbox" checked={!hidden.has(kind)} onChange={() => toggle(kind)} /> {label} (
            {counts.get(kind) ?? 0})
          </label>
        ))}
      </fieldset>
      <AnnotatedText text={article.text} spans={spans} />
      {article.messages.length ? (
        <section aria-label="Messages">
          <h2>Messages</h2>
          <ul>
            {article.messages.map((m, i) => (
              <li key={i}>
                {m.ruleId}: {m.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
