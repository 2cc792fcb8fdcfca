import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractHtml } from './extract-html.js';

const prose = [
  'The city council voted on Tuesday to expand the bus network to three new districts, a plan that has been debated for more than two years.',
  'Supporters said the new routes would cut commuting times for thousands of workers, while opponents questioned the cost of the project.',
  'The first buses are expected to run next spring, according to the transport department, which will publish timetables in the coming weeks.',
  'Residents will be able to comment on the proposed stops at public meetings that start next month in each of the districts concerned.',
];

function page(head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
}

const articleBody = `<article><h1>Council expands bus network</h1>${prose.map((p) => `<p>${p}</p>`).join('')}</article>`;

describe('extractHtml metadata', () => {
  it('should read Open Graph, article times, canonical URL and language', () => {
    const html = page(
      `<title>Council expands bus network | The Daily Example</title>
       <meta property="og:title" content="Council expands bus network">
       <meta property="og:site_name" content="The Daily Example">
       <meta property="og:url" content="https://news.example.org/og-url">
       <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
       <meta property="article:modified_time" content="2024-03-05T12:00:00Z">
       <link rel="canonical" href="/local/bus-network">`,
      articleBody,
      'en-GB',
    );
    const result = extractHtml(html, { input: 'page.html', url: 'https://www.example.org/x' });
    expect(result.title).toBe('Council expands bus network');
    expect(result.outlet).toBe('The Daily Example');
    expect(result.canonicalUrl).toBe('https://www.example.org/local/bus-network');
    expect(result.language).toBe('en-GB');
    expect(result.published).toBe('2024-03-05T09:30:00+01:00');
    expect(result.dates).toContainEqual({
      value: '2024-03-05T12:00:00Z',
      raw: '2024-03-05T12:00:00Z',
      where: 'meta:article:modified_time',
    });
    expect(result.messages).toEqual([]);
  });

  it('should fall back to the URL host without www for the outlet', () => {
    const result = extractHtml(page('<title>Bus news</title>', articleBody), {
      input: 'page.html',
      url: 'https://www.example-news.com/a/b',
    });
    expect(result.outlet).toBe('example-news.com');
  });

  it('should read the byline from rel=author markup and a time element', () => {
    const body = `<article><p class="meta">By <a rel="author" href="/staff/jane">Jane Roe</a>
      <time datetime="2023-11-02">2 November 2023</time></p>${prose.map((p) => `<p>${p}</p>`).join('')}</article>`;
    const result = extractHtml(page('<title>Bus news</title>', body), { input: 'page.html' });
    expect(result.byline).toBe('Jane Roe');
    expect(result.published).toBe('2023-11-02');
    expect(result.dates).toEqual([{ value: '2023-11-02', raw: '2023-11-02', where: 'time' }]);
  });

  it('should prefer the JSON-LD publication date over a time element', () => {
    const ld = { '@type': 'NewsArticle', datePublished: '2024-01-10T08:00:00Z' };
    const html = page(
      `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      `<time datetime="2024-01-12">12 Jan</time>${articleBody}`,
    );
    expect(extractHtml(html, { input: 'p' }).published).toBe('2024-01-10T08:00:00Z');
  });
});

describe('extractHtml JSON-LD', () => {
  const withLd = (ld: string): string =>
    page(`<title>t</title><script type="application/ld+json">${ld}</script>`, articleBody);

  it('should read a NewsArticle with an author object and a publisher', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Council expands bus network',
      datePublished: '2024-03-05',
      dateModified: '2024-03-06T10:00:00+00:00',
      author: { '@type': 'Person', name: 'Jane Roe' },
      publisher: { '@type': 'Organization', name: 'Example Times' },
    };
    const result = extractHtml(withLd(JSON.stringify(ld)), { input: 'p' });
    expect(result.title).toBe('Council expands bus network');
    expect(result.byline).toBe('Jane Roe');
    expect(result.outlet).toBe('Example Times');
    expect(result.published).toBe('2024-03-05');
    expect(result.dates.map((d) => d.where)).toEqual(['json-ld:datePublished', 'json-ld:dateModified']);
  });

  it('should find the article inside an @graph and join several authors', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example' },
        {
          '@type': ['ReportageNewsArticle'],
          headline: 'Graph headline',
          author: [{ name: 'A. Writer' }, 'B. Reporter'],
        },
      ],
    };
    const result = extractHtml(withLd(JSON.stringify(ld)), { input: 'p' });
    expect(result.byline).toBe('A. Writer, B. Reporter');
  });

  it('should accept a string author and a top-level array', () => {
    const ld = [{ '@type': 'BreadcrumbList' }, { '@type': 'Article', author: 'Sam Poe', headline: 'h' }];
    expect(extractHtml(withLd(JSON.stringify(ld)), { input: 'p' }).byline).toBe('Sam Poe');
  });

  it('should report malformed JSON-LD as a message and still extract the page', () => {
    const result = extractHtml(withLd('{"@type": "NewsArticle", "headline": '), { input: 'bad.html' });
    expect(result.messages.map((m) => m.ruleId)).toEqual(['html:malformed-json-ld']);
    expect(result.messages[0]?.source).toBe('html');
    expect(result.messages[0]?.place).toBe('bad.html');
    expect(result.text).toContain('bus network to three new districts');
  });

  it('should repair raw line breaks and trailing commas in JSON-LD', () => {
    const ld = '{"@type": "NewsArticle", "headline": "Line\nbreak", "author": {"name": "Jo Doe",},}';
    const result = extractHtml(withLd(ld), { input: 'p' });
    expect(result.byline).toBe('Jo Doe');
    expect(result.messages).toEqual([]);
  });
});

describe('extractHtml text', () => {
  it('should return paragraphs separated by one blank line without the title', () => {
    const html = page('<meta property="og:title" content="Council expands bus network">', articleBody);
    const result = extractHtml(html, { input: 'p' });
    expect(result.text).toBe(prose.join('\n\n'));
  });

  it('should never put script or style content in the text', () => {
    const body = `<article>${prose
      .map(
        (p) =>
          `<p>${p}<script>var leaked = "SCRIPT-TEXT";</script><style>.x{content:"STYLE-TEXT"}</style></p>`,
      )
      .join('')}</article>`;
    const text = extractHtml(page('<title>t</title>', body), { input: 'p' }).text;
    expect(text).not.toMatch(/SCRIPT-TEXT|STYLE-TEXT|leaked/);
    expect(text).toContain(prose[0]);
  });

  it('should leave out share bars, related links and captions', () => {
    const body = `<article>
      <div class="share-tools"><a href="#">Share on Facebook</a></div>
      <figure><img src="a.jpg"><figcaption>Buses in the depot. (Photo: Staff)</figcaption></figure>
      ${prose.map((p) => `<p>${p}</p>`).join('')}
      <div class="related-stories"><ul><li><a href="/1">Another story about trams</a></li></ul></div>
    </article>`;
    const text = extractHtml(page('<title>t</title>', body), { input: 'p' }).text;
    expect(text).not.toMatch(/Share on Facebook|depot|trams/);
    expect(text).toBe(prose.join('\n\n'));
  });

  it('should extract text from malformed HTML with unclosed tags', () => {
    const html = `<html><body><div><p>${prose[0]}<p>${prose[1]}<div><b>${prose[2]}</div>`;
    const result = extractHtml(html, { input: 'p' });
    expect(result.text).toContain(prose[0]);
    expect(result.text).toContain(prose[2]);
  });

  it('should report an empty page as a message', () => {
    const result = extractHtml('   ', { input: 'empty.html' });
    expect(result.text).toBe('');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['html:empty-page']);
  });

  it('should report a page without main text as a message', () => {
    const result = extractHtml(page('<title>Nothing here</title>', '<nav><a href="/">Home</a></nav>'), {
      input: 'nav.html',
    });
    expect(result.text).toBe('');
    expect(result.title).toBe('Nothing here');
    expect(result.messages.map((m) => m.ruleId)).toEqual(['html:no-content']);
  });

  it('should throw a TypeError naming the call when html is not a string', () => {
    expect(() => extractHtml(undefined as unknown as string, { input: 'x' })).toThrow(/extractHtml/);
  });
});

describe('extractHtml on arbitrary input', () => {
  const fullPage = page(
    '<title>t</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"h"}</script>',
    articleBody,
  );

  it('should never throw and always return string text for random strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (html) => {
        const result = extractHtml(html, { input: 'random' });
        expect(typeof result.text).toBe('string');
        expect(Array.isArray(result.messages)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('should never throw on truncated pages', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: fullPage.length }), (cut) => {
        const result = extractHtml(fullPage.slice(0, cut), { input: 'truncated' });
        expect(typeof result.text).toBe('string');
      }),
      { numRuns: 150 },
    );
  });

  it('should never throw on random tag soup', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<div class="share">',
      '</div>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '<a href="',
      '">',
      'text ',
      '<html lang="',
      '<meta property="og:title" content="',
      '<time datetime="',
      '2024-02-30',
      '&amp;',
      '<',
      '>',
      '"',
      '<script type="application/ld+json">{',
      '}',
      '<svg>',
      '<br/>',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = extractHtml(pieces.join(''), { input: 'soup' });
        expect(typeof result.text).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
});
