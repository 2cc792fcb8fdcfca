import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';
import type { AnalyzedStory } from './analyze-articles.js';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { citeContext, type CiteContext } from './components/cite-context.js';
import { Citations } from './components/citations.js';
import { StorySections } from './components/story-sections.js';
import { STORY_CSS } from './components/story-style.js';
import { reportView, type ReportView } from './report-view.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The page around the shared story components (their own style is STORY_CSS). */
const PAGE_CSS = `*{box-sizing:border-box}body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:90rem;color:var(--fg);background:var(--bg)}
h1{font-size:1.6rem}h2{border-top:2px solid var(--fg);padding-top:.6rem;margin-top:2.5rem}h3{margin-top:1.6rem}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:1rem}
.article{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;max-height:40rem;overflow:auto}
.article h4{margin:.2rem 0}:target{outline:3px solid var(--focus)}`;

/**
 * One self-contained page: no script, no external resource, a Content-Security-Policy
 * that allows neither. Every article field is escaped, so article content can never
 * become markup; URLs are shown as text, never as links.
 */
export function renderHtml(report: Report): string {
  const view = reportView(report);
  const stories = view.stories.map((story, i) => renderStory(view, story, i + 1)).join('\n');
  const messages = report.messages.length
    ? `<section><h2>Messages</h2><ul>${report.messages
        .map(
          (m) =>
            `<li class="${m.fatal ? 'unverified' : ''}">${escapeHtml(`${m.fatal ? 'skipped' : 'note'} (${m.ruleId}): ${m.reason}`)}</li>`,
        )
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<title>corroborate report</title><style>${STORY_CSS}${PAGE_CSS}</style></head>
<body><h1>corroborate report</h1>
<p class="muted">${report.articles.length} articles, ${view.stories.length} stories. Generated ${escapeHtml(report.generated)}.</p>
${stories}
${renderSources(view)}
${messages}
</body></html>
`;
}

/** The citation links of the static report point at the article texts printed under each story. */
function storyContext(view: ReportView, storyN: number): CiteContext {
  return citeContext(view, (_id, n) => `#s${storyN}-a${n}`);
}

function renderStory(view: ReportView, story: AnalyzedStory, n: number): string {
  const ctx = storyContext(view, n);
  const reports = renderToString(h(Citations, { ids: story.articleIds, ctx }));
  const sections = renderToString(h(StorySections, { story, ctx, level: 3 }));
  return [
    `<section id="story-${n}"><h2>Story ${n}: ${escapeHtml(story.title)}</h2>`,
    `<p class="muted cite-line">${story.articleIds.length} reports ${reports}, ${story.independentGroups.length} independent origins.</p>`,
    sections,
    renderArticles(view, story, n),
    '</section>',
  ].join('\n');
}

/** The story's articles side by side, with every span a fact cites highlighted. */
function renderArticles(view: ReportView, story: AnalyzedStory, n: number): string {
  const spans = new Map<string, { start: number; end: number; title: string }[]>();
  for (const fact of story.facts) {
    for (const s of fact.support) {
      const list = spans.get(s.articleId) ?? [];
      list.push({ start: s.start, end: s.end, title: `${fact.id} · ${fact.status}` });
      spans.set(s.articleId, list);
    }
  }
  const cards = story.articleIds
    .map((id) => view.article.get(id))
    .filter((a): a is Article => a !== undefined)
    .map((article) => {
      const number = view.number.get(article.id);
      const meta = [article.outlet, article.byline, article.published].filter(Boolean).join(' · ');
      return `<article class="article" id="s${n}-a${number}"><h4>[${number}] ${escapeHtml(article.title ?? '(no title)')}</h4><p class="muted">${escapeHtml(meta)}<br>${escapeHtml(article.url ?? article.id)}</p>${highlight(article.text, spans.get(article.id) ?? [])}</article>`;
    })
    .join('');
  return `<h3>The reports</h3><div class="articles">${cards}</div>`;
}

/** Paragraphs with cited spans wrapped in <mark>; overlapping spans merge. */
export function highlight(text: string, spans: { start: number; end: number; title: string }[]): string {
  const sorted = spans
    .filter((s) => s.start < s.end && s.end <= text.length)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number; title: string }[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      last.title = `${last.title}; ${span.title}`;
    } else merged.push({ ...span });
  }
  let html = '';
  let at = 0;
  for (const span of merged) {
    html += escapeHtml(text.slice(at, span.start));
    html += `<mark title="${escapeHtml(span.title)}">${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  html += escapeHtml(text.slice(at));
  return html
    .split('\n\n')
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function renderSources(view: ReportView): string {
  const items = view.report.articles
    .map((a, i) => {
      const meta = [a.outlet, a.byline, a.published ?? 'date unknown'].filter(Boolean).join(', ');
      return `<li value="${i + 1}">${escapeHtml(a.title ?? '(no title)')} — ${escapeHtml(meta)} <span class="muted">${escapeHtml(a.url ?? a.id)}</span></li>`;
    })
    .join('');
  return `<section><h2>Sources</h2><ol>${items}</ol></section>`;
}
