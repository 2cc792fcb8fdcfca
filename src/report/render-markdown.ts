import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import type { Report } from '../model/report.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Markdown for the terminal and notes: one section per article, then the problems met. */
export function renderMarkdown(report: Report): string {
  const out: string[] = ['# corroborate report', ''];
  const totalWords = report.articles.reduce((sum, a) => sum + words(a.text), 0);
  out.push(
    `${report.articles.length} article${report.articles.length === 1 ? '' : 's'}, ${totalWords} words.`,
    '',
  );
  report.articles.forEach((article, index) => out.push(...renderArticle(article, index + 1)));
  const problems = report.messages;
  if (problems.length > 0) {
    out.push('## Messages', '');
    for (const message of problems) out.push(`- ${renderMessage(message)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderArticle(article: Article, n: number): string[] {
  const lines = [`## ${n}. ${escapeInline(article.title ?? '(no title)')}`, ''];
  const facts: string[] = [`- id: \`${article.id}\``];
  if (article.outlet) facts.push(`- outlet: ${escapeInline(article.outlet)}`);
  if (article.url) facts.push(`- url: <${article.url}>`);
  if (article.byline) facts.push(`- byline: ${escapeInline(article.byline)}`);
  facts.push(`- published: ${article.published ?? 'unknown'}`);
  if (article.dates.length > 1) {
    facts.push(`- dates seen: ${article.dates.map((d) => `${d.value} (${d.where})`).join('; ')}`);
  }
  facts.push(`- language: ${article.language}; ${words(article.text)} words`);
  lines.push(...facts, '');
  if (article.subtitle) lines.push(`> ${escapeInline(article.subtitle)}`, '');
  lines.push(article.text, '');
  return lines;
}

function renderMessage(message: Message): string {
  const level = message.fatal ? '**skipped**' : 'note';
  return `${level} (${message.ruleId}): ${escapeInline(message.reason)}`;
}

/** Keeps article text from turning into Markdown structure when it is shown inline. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
