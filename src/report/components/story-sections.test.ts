import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../model/article.js';
import type { AnalyzedStory } from '../analyze-articles.js';
import { reportView } from '../report-view.js';
import { citeContext } from './cite-context.js';
import { StorySections } from './story-sections.js';

function article(id: string, outlet: string, text: string): Article {
  return {
    id,
    input: id,
    outlet,
    url: null,
    title: `Title of ${id}`,
    subtitle: null,
    byline: null,
    published: null,
    dates: [],
    language: 'eng',
    text,
    contentHash: id,
    metadata: {},
    messages: [],
  };
}

const story: AnalyzedStory = {
  id: 's1',
  title: 'Bridge closed',
  articleIds: ['a', 'b'],
  derivations: [
    {
      from: 'a',
      to: 'b',
      kind: 'rewrite',
      similarity: 0.8,
      directed: true,
      directionBasis: 'published',
      alignedSentences: 2,
    },
  ],
  independentGroups: [['a', 'b']],
  facts: [
    {
      id: 'f1',
      text: 'The bridge <closed> on Tuesday.',
      status: 'majority',
      independentSources: 1,
      support: [{ articleId: 'a', start: 0, end: 30, text: 'The bridge <closed> on Tuesday.' }],
    },
  ],
  discrepancies: [],
  claims: [],
  numbers: [],
  brief: [{ text: 'The bridge <closed> on Tuesday.', articleIds: ['a'], factIds: ['f1'] }],
  uniqueDetails: [],
  omissions: [],
};

describe('StorySections', () => {
  const view = reportView({
    schema: 'corroborate.report/1',
    generated: '2026-03-15T00:00:00Z',
    articles: [article('a', 'Example <b>Post</b>', 'x'), article('b', 'Other Times', 'y')],
    stories: [story],
    messages: [],
  });
  const html = renderToString(
    h(StorySections, { story, ctx: citeContext(view, (id) => `/article?id=${id}`), level: 2 }),
  );

  it('should show the cited sentence with each brief citation and link the article', () => {
    expect(html).toMatch(/<a class="cite" href="\/article\?id=a"[^>]*>\[1\]<span class="cite-tip"/);
    expect(html).toContain('<q class="cite-sentence">The bridge &lt;closed> on Tuesday.</q>');
  });

  it('should mark which source reports and which omits each fact', () => {
    expect(html).toContain('data-cell="reported"');
    expect(html).toContain('data-cell="omitted"');
    expect(html).toMatch(/\[2\][\s\S]*is a rewrite of[\s\S]*\[1\]/);
  });

  it('should render every article field as text', () => {
    expect(html).not.toContain('<b>Post');
    expect(html).toContain('Example &lt;b>Post&lt;/b>');
  });
});
