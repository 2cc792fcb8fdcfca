import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import type { Report } from '../model/report.js';
import type { AnalyzedStory } from './analyze-articles.js';
import { citations, reportView, sourceLabel, type ReportView } from './report-view.js';
import { tidyContent } from '../compare/tidy-content.js';
import { numberLabel } from './number-label.js';

const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
const MAX_FACTS = 15;

/**
 * Markdown for the terminal and notes: per story the cited brief, the discrepancies
 * between sources, claims and disputes, numbers, unique details and omissions, and how
 * the reports derive from each other; then the numbered sources and the problems met.
 */
export function renderMarkdown(report: Report): string {
  const view = reportView(report);
  const outlets = new Set(report.articles.map((a) => a.outlet ?? a.id));
  const out: string[] = ['# corroborate report', ''];
  out.push(
    `${report.articles.length} article${report.articles.length === 1 ? '' : 's'} from ${outlets.size} source${outlets.size === 1 ? '' : 's'}, ${view.stories.length} stor${view.stories.length === 1 ? 'y' : 'ies'}.`,
    '',
  );
  view.stories.forEach((story, i) => out.push(...renderStory(view, story, i + 1)));
  out.push('## Sources', '');
  report.articles.forEach((article, i) => out.push(renderSource(article, i + 1)));
  out.push('');
  if (report.messages.length > 0) {
    out.push('## Messages', '');
    for (const message of report.messages) out.push(`- ${renderMessage(message)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderStory(view: ReportView, story: AnalyzedStory, n: number): string[] {
  const out = [`## Story ${n}: ${inline(story.title)}`, ''];
  const groups = story.independentGroups.length;
  out.push(
    `${story.articleIds.length} report${story.articleIds.length === 1 ? '' : 's'} ${citations(view, story.articleIds)}, ${groups} independent origin${groups === 1 ? '' : 's'}.`,
    '',
  );
  if (story.brief.length) {
    out.push('### Brief', '');
    story.brief.forEach((item, i) =>
      out.push(`${i + 1}. ${inline(item.text)} ${citations(view, item.articleIds)}`),
    );
    out.push('');
  }
  if (story.discrepancies.length) {
    out.push('### Where the sources differ', '', '| kind | subject | versions |', '|---|---|---|');
    for (const d of story.discrepancies) {
      const versions = d.variants
        .map((v) => `"${cell(v.value)}" ${citations(view, v.articleIds)}`)
        .join('; ');
      out.push(`| ${d.kind} | ${cell(d.subject)} | ${versions} |`);
    }
    out.push('');
  }
  if (story.claims.length) {
    out.push('### Claims and disputes', '');
    const byId = new Map(story.claims.map((c) => [c.id, c]));
    // The terminal shows the claims several sources carry or someone rebuts; the JSON has them all.
    const shown = story.claims.filter((c) => c.articleIds.length > 1 || c.rebuttedBy.length > 0);
    for (const claim of shown) {
      const flags = claim.verified === false ? ' — *marked unverified by the sources*' : '';
      out.push(
        `- **${inline(claim.speaker)}** ${inline(claim.cue)}: "${inline(tidyContent(claim.content))}" ${citations(view, claim.articleIds)}${flags}`,
      );
      for (const id of claim.rebuttedBy) {
        const other = byId.get(id);
        if (other)
          out.push(
            `  - rebutted by **${inline(other.speaker)}** ${inline(other.cue)}: "${inline(tidyContent(other.content))}" ${citations(view, other.articleIds)}`,
          );
      }
    }
    const hidden = story.claims.length - shown.length;
    if (hidden > 0)
      out.push(
        `- …and ${hidden} claim${hidden === 1 ? '' : 's'} from a single source (see --format json or html)`,
      );
    out.push('');
  }
  if (story.numbers.length) {
    out.push('### Numbers', '');
    for (const num of story.numbers) {
      const flag = num.verified === false ? ' — *unverified*' : '';
      out.push(`- ${inline(numberLabel(num))} ${citations(view, num.articleIds)}${flag}`);
    }
    out.push('');
  }
  const facts = story.facts.filter((f) => f.status !== 'single').slice(0, MAX_FACTS);
  if (facts.length) {
    out.push('### Shared facts', '');
    for (const fact of facts) {
      out.push(
        `- *${fact.status}* (${fact.independentSources} independent): ${inline(fact.text)} ${citations(
          view,
          fact.support.map((s) => s.articleId),
        )}`,
      );
    }
    out.push('');
  }
  const factText = new Map(story.facts.map((f) => [f.id, f.text]));
  const unique = story.uniqueDetails.filter((u) => u.factIds.length);
  if (unique.length) {
    out.push('### Only one source says', '');
    for (const u of unique) {
      const label = view.article.get(u.articleId);
      out.push(`- ${citations(view, [u.articleId])} ${label ? inline(sourceLabel(label)) : ''}:`);
      for (const id of u.factIds.slice(0, 5)) out.push(`  - ${inline(factText.get(id) ?? id)}`);
    }
    out.push('');
  }
  const omitted = story.omissions.filter((o) => o.factIds.length);
  if (omitted.length) {
    out.push('### Left out', '');
    for (const o of omitted) {
      const facts = o.factIds.map((id) => `"${inline(factText.get(id) ?? id)}"`).slice(0, 3);
      out.push(`- ${citations(view, [o.articleId])} leaves out ${facts.join('; ')}`);
    }
    out.push('');
  }
  if (story.derivations.length) {
    out.push('### Copies and rewrites', '');
    for (const d of story.derivations) {
      const arrow = d.directed
        ? `${citations(view, [d.to])} is a ${d.kind} of ${citations(view, [d.from])}`
        : `${citations(view, [d.from])} and ${citations(view, [d.to])}: ${d.kind}`;
      out.push(`- ${arrow} (similarity ${d.similarity.toFixed(2)})`);
    }
    out.push('');
  }
  return out;
}

function renderSource(article: Article, n: number): string {
  const parts = [`[${n}]`, inline(article.title ?? '(no title)')];
  const meta = [article.outlet, article.byline, article.published ?? 'date unknown']
    .filter(Boolean)
    .map((m) => inline(m!));
  return `${parts.join(' ')} — ${meta.join(', ')}; \`${article.id}\` (${words(article.text)} words)`;
}

function renderMessage(message: Message): string {
  const level = message.fatal ? '**skipped**' : 'note';
  return `${level} (${message.ruleId}): ${inline(message.reason)}`;
}

/** Keeps article text from turning into Markdown structure when it is shown inline. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

function cell(text: string): string {
  return inline(text);
}
