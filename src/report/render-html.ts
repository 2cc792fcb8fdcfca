import type { Article } from '../model/article.js';
import type { Report } from '../model/report.js';

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

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}
article{border-top:1px solid #ccc;padding-top:1rem;margin-top:2rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem;color:#555}
dt{font-weight:600}.messages li.fatal{color:#a00}`;

/**
 * A self-contained page: no script, no external resource, and every article field
 * escaped, so article content can never become markup. URLs are shown as text.
 */
export function renderHtml(report: Report): string {
  const articles = report.articles.map(renderArticle).join('\n');
  const messages = report.messages.length
    ? `<section class="messages"><h2>Messages</h2><ul>${report.messages
        .map(
          (m) => `<li class="${m.fatal ? 'fatal' : 'note'}">${escapeHtml(`${m.ruleId}: ${m.reason}`)}</li>`,
        )
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>corroborate report</title><style>${STYLE}</style></head>
<body><h1>corroborate report</h1><p>${report.articles.length} articles</p>
${articles}
${messages}
</body></html>
`;
}

function renderArticle(article: Article): string {
  const rows: [string, string | null][] = [
    ['id', article.id],
    ['outlet', article.outlet],
    ['url', article.url],
    ['byline', article.byline],
    ['published', article.published],
    ['language', article.language],
  ];
  const meta = rows
    .filter(([, v]) => v)
    .map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v!)}</dd>`)
    .join('');
  const paragraphs = article.text
    .split('\n\n')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<article><h2>${escapeHtml(article.title ?? '(no title)')}</h2><dl>${meta}</dl>${
    article.subtitle ? `<p><em>${escapeHtml(article.subtitle)}</em></p>` : ''
  }\n${paragraphs}</article>`;
}
