import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';
import type { AnalyzedStory } from './analyze-articles.js';
import { reportView, sourceLabel, type ReportView } from './report-view.js';

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

const STYLE = `:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--hl:#fff3b0;--bad:#b00020}
*{box-sizing:border-box}body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:90rem;color:var(--fg)}
h1{font-size:1.6rem}h2{border-top:2px solid var(--fg);padding-top:.6rem;margin-top:2.5rem}h3{margin-top:1.6rem}
a{color:#0645ad}.muted{color:var(--muted)}.cite{font-size:.8em;vertical-align:super;text-decoration:none}
ol.brief li{margin:.3rem 0}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(22rem,1fr));gap:.8rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}.card h4{margin:.1rem 0 .4rem}
.kind{display:inline-block;font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;background:#eee;border-radius:3px;padding:0 .35rem}
blockquote{margin:.3rem 0;padding-left:.6rem;border-left:3px solid var(--line)}
table{border-collapse:collapse;font-size:.85rem}th,td{border:1px solid var(--line);padding:.25rem .4rem;vertical-align:top}
td.yes{background:#dff3e1;text-align:center}td.no{background:#fbe3e4;text-align:center}
.articles{display:grid;grid-template-columns:repeat(auto-fill,minmax(24rem,1fr));gap:1rem}
.article{border:1px solid var(--line);border-radius:6px;padding:.6rem .9rem;max-height:40rem;overflow:auto}
mark{background:var(--hl)}.unverified{color:var(--bad)}ul.claims>li{margin:.5rem 0}
:target{outline:3px solid #0645ad}`;

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
<title>corroborate report</title><style>${STYLE}</style></head>
<body><h1>corroborate report</h1>
<p class="muted">${report.articles.length} articles, ${view.stories.length} stories. Generated ${escapeHtml(report.generated)}.</p>
${stories}
${renderSources(view)}
${messages}
</body></html>
`;
}

function cite(view: ReportView, ids: readonly string[], storyN: number): string {
  return [...new Set(ids)]
    .map((id) => ({ id, n: view.number.get(id) }))
    .filter((c): c is { id: string; n: number } => c.n !== undefined)
    .sort((a, b) => a.n - b.n)
    .map((c) => {
      const article = view.article.get(c.id);
      const label = article ? `${sourceLabel(article)}: ${article.title ?? ''}` : c.id;
      return `<a class="cite" href="#s${storyN}-a${c.n}" title="${escapeHtml(label)}">[${c.n}]</a>`;
    })
    .join('');
}

function renderStory(view: ReportView, story: AnalyzedStory, n: number): string {
  const parts: string[] = [`<section id="story-${n}"><h2>Story ${n}: ${escapeHtml(story.title)}</h2>`];
  parts.push(
    `<p class="muted">${story.articleIds.length} reports ${cite(view, story.articleIds, n)}, ${story.independentGroups.length} independent origins.</p>`,
  );
  if (story.brief.length) {
    parts.push(
      `<h3>Brief</h3><ol class="brief">${story.brief
        .map((b) => `<li>${escapeHtml(b.text)} ${cite(view, b.articleIds, n)}</li>`)
        .join('')}</ol>`,
    );
  }
  if (story.discrepancies.length) {
    parts.push(
      `<h3>Where the sources differ</h3><div class="cards">${story.discrepancies
        .map(
          (d) =>
            `<div class="card"><span class="kind">${escapeHtml(d.kind)}</span><h4>${escapeHtml(d.subject)}</h4>${d.variants
              .map(
                (v) =>
                  `<p><strong>${escapeHtml(v.value)}</strong> ${cite(view, v.articleIds, n)}</p>${v.quotes
                    .slice(0, 3)
                    .map((q) => `<blockquote>${escapeHtml(q)}</blockquote>`)
                    .join('')}`,
              )
              .join('')}</div>`,
        )
        .join('')}</div>`,
    );
  }
  if (story.claims.length) {
    const byId = new Map(story.claims.map((c) => [c.id, c]));
    parts.push(
      `<h3>Claims and disputes</h3><ul class="claims">${story.claims
        .map((c) => {
          const rebuttals = c.rebuttedBy
            .map((id) => byId.get(id))
            .filter((r) => r !== undefined)
            .map(
              (r) =>
                `<li>rebutted by <strong>${escapeHtml(r.speaker)}</strong> ${escapeHtml(r.cue)}: “${escapeHtml(r.content)}” ${cite(view, r.articleIds, n)}</li>`,
            )
            .join('');
          const flag = c.verified === false ? ' <span class="unverified">(marked unverified)</span>' : '';
          return `<li><strong>${escapeHtml(c.speaker)}</strong> ${escapeHtml(c.cue)}: “${escapeHtml(c.content)}” ${cite(view, c.articleIds, n)}${flag}${rebuttals ? `<ul>${rebuttals}</ul>` : ''}</li>`;
        })
        .join('')}</ul>`,
    );
  }
  parts.push(renderFactMatrix(view, story));
  if (story.derivations.length) {
    parts.push(
      `<h3>Copies and rewrites</h3><ul>${story.derivations
        .map((d) => {
          const relation = d.directed
            ? `${cite(view, [d.to], n)} is a ${escapeHtml(d.kind)} of ${cite(view, [d.from], n)}`
            : `${cite(view, [d.from], n)} and ${cite(view, [d.to], n)}: ${escapeHtml(d.kind)}`;
          return `<li>${relation} (similarity ${d.similarity.toFixed(2)})</li>`;
        })
        .join('')}</ul>`,
    );
  }
  parts.push(renderArticles(view, story, n));
  parts.push('</section>');
  return parts.join('\n');
}

/** Facts × sources: which source reports each fact; copies count once in the status. */
function renderFactMatrix(view: ReportView, story: AnalyzedStory): string {
  if (!story.facts.length) return '';
  const ids = story.articleIds;
  const head = ids
    .map((id) => {
      const article = view.article.get(id);
      return `<th title="${escapeHtml(article?.title ?? id)}">[${view.number.get(id)}] ${escapeHtml(article ? sourceLabel(article) : id)}</th>`;
    })
    .join('');
  const rows = story.facts
    .map((fact) => {
      const reporting = new Set(fact.support.map((s) => s.articleId));
      const cells = ids
        .map((id) => (reporting.has(id) ? '<td class="yes">reported</td>' : '<td class="no">—</td>'))
        .join('');
      return `<tr><td>${escapeHtml(fact.text)}</td><td>${escapeHtml(fact.status)} (${fact.independentSources})</td>${cells}</tr>`;
    })
    .join('');
  return `<h3>Fact matrix</h3><div style="overflow:auto"><table><thead><tr><th>fact</th><th>status (independent sources)</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
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
