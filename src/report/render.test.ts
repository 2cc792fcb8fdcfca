import { describe, expect, it } from 'vitest';
import { cleanDraft } from '../ingest/clean/clean-draft.js';
import type { Article } from '../model/article.js';
import { analyzeArticles } from './analyze-articles.js';
import { highlight, renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

function article(id: string, title: string, body: string, outlet: string): Article {
  const { article } = cleanDraft({
    id,
    input: id,
    kind: 'jsonl',
    body,
    title,
    outlet,
    published: '2026-03-14',
  });
  if (!article) throw new Error('fixture did not clean');
  return article;
}

const HOSTILE = article(
  'evil',
  'Bridge <script>alert(1)</script> closed',
  'The council closed the bridge on Tuesday, the mayor said. <img src=x onerror=alert(2)> See <a href="javascript:alert(3)">this</a> and javascript:alert(4).\n\nEngineers found cracks in two piers, officials said.',
  'Evil <b>Outlet</b>',
);
const PLAIN = article(
  'plain',
  'Bridge closed to lorries',
  'The council closed the bridge on Tuesday, the mayor said.\n\nEngineers found cracks in two piers, officials said.',
  'Example Post',
);

describe('analyzeArticles and the renderers', () => {
  const report = analyzeArticles([HOSTILE, PLAIN], [], new Date('2026-03-15T00:00:00Z'));

  it('should put both reports of one event in one story with facts and a brief', () => {
    expect(report.stories).toHaveLength(1);
    const story = report.stories[0] as { articleIds: string[]; facts: unknown[]; brief: unknown[] };
    expect(story.articleIds.sort()).toEqual(['evil', 'plain']);
    expect(story.facts.length).toBeGreaterThan(0);
    expect(story.brief.length).toBeGreaterThan(0);
  });

  it('should render article content in HTML as text, never as markup or links', () => {
    const html = renderHtml(report);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<b>Outlet/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
  });

  it('should cite sources by number in Markdown and escape markup', () => {
    const md = renderMarkdown(report);
    expect(md).toMatch(/^# corroborate report/);
    expect(md).toContain('## Story 1:');
    expect(md).toMatch(/\[1\]/);
    expect(md).toContain('## Sources');
    expect(md).not.toContain('<script>');
  });

  it('should write JSON with the contract fields', () => {
    const json = JSON.parse(renderJson(report)) as Record<string, unknown> & {
      stories: Record<string, unknown>[];
    };
    expect(json.schema).toBe('corroborate.report/1');
    for (const field of [
      'id',
      'title',
      'articleIds',
      'derivations',
      'facts',
      'discrepancies',
      'claims',
      'brief',
    ]) {
      expect(json.stories[0]).toHaveProperty(field);
    }
  });
});

describe('highlight', () => {
  it('should mark cited spans, merge overlaps and escape everything', () => {
    const html = highlight('a <b> c d', [
      { start: 2, end: 5, title: 'f1' },
      { start: 4, end: 7, title: 'f2' },
    ]);
    expect(html).toBe('<p>a <mark title="f1; f2">&lt;b&gt; c</mark> d</p>');
  });
});
