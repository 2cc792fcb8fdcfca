import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, readFeed } from './read-feed.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <description>Local news</description>
  <language>en-gb</language>
  <item>
    <title>Ferry service resumes after storm</title>
    <link>https://gazette.example/ferry</link>
    <guid isPermaLink="false">gz-101</guid>
    <pubDate>Tue, 01 Apr 2025 10:30:00 +0100</pubDate>
    <dc:creator>Mara Quint</dc:creator>
    <category>Transport</category>
    <category>Weather</category>
    <description>Crossings restart on Tuesday.</description>
    <content:encoded><![CDATA[<p>The ferry to the islands ran again on Tuesday.</p><p>The operator said &quot;all crossings&quot; would run by Friday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Council meets on budget</title>
    <link>https://gazette.example/budget</link>
    <pubDate>Wed, 02 Apr 2025 08:00:00 GMT</pubDate>
    <description>&lt;p&gt;Councillors debate the budget tonight.&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <link rel="self" href="https://courier.example/feed.xml"/>
  <link href="https://courier.example/"/>
  <id>urn:courier</id>
  <updated>2025-04-02T12:00:00Z</updated>
  <entry>
    <title type="html">Bridge &lt;em&gt;closed&lt;/em&gt; for repairs</title>
    <link rel="alternate" href="/2025/bridge"/>
    <id>urn:courier:1</id>
    <published>2025-04-01T09:00:00+02:00</published>
    <updated>2025-04-02T12:00:00Z</updated>
    <author><name>Ilse Brandt</name></author>
    <category term="roads" label="Roads"/>
    <summary>The old bridge shuts for six weeks.</summary>
    <content type="html">&lt;p&gt;The old bridge will close on Monday.&lt;/p&gt;&lt;p&gt;Works last six weeks.&lt;/p&gt;</content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://plains.example/rss">
    <title>Plains Post</title>
    <link>https://plains.example/</link>
    <description>News</description>
  </channel>
  <item rdf:about="https://plains.example/wheat">
    <title>Wheat harvest starts early</title>
    <link>https://plains.example/wheat</link>
    <description>Farmers began cutting wheat two weeks early this year, citing a warm spring and dry weather across the region.</description>
    <dc:date>2025-06-20</dc:date>
    <dc:creator>Tom Ash</dc:creator>
  </item>
</rdf:RDF>`;

const JSON_FEED = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Coast Wire',
  home_page_url: 'https://wire.example/',
  feed_url: 'https://wire.example/feed.json',
  items: [
    {
      id: 'w-1',
      url: 'https://wire.example/tide',
      title: 'Record tide floods promenade',
      content_text: 'The tide reached 6.2 metres.\n\nShops on the promenade closed early.',
      date_published: '2025-03-30T18:00:00Z',
      authors: [{ name: 'Sol Vega' }],
      tags: ['coast'],
    },
    {
      id: 'w-2',
      content_html: '<p>Second item without a link.</p>',
    },
  ],
});

describe('readFeed', () => {
  it('should read RSS 2.0 items with content:encoded as paragraphs', () => {
    const { drafts, messages } = readFeed(RSS, { input: 'gazette.xml' });
    expect(messages).toEqual([]);
    expect(drafts).toHaveLength(2);
    const [ferry] = drafts;
    expect(ferry).toMatchObject({
      id: 'https://gazette.example/ferry',
      input: 'gazette.xml#1',
      kind: 'feed',
      body: 'The ferry to the islands ran again on Tuesday.\n\nThe operator said "all crossings" would run by Friday.',
      url: 'https://gazette.example/ferry',
      title: 'Ferry service resumes after storm',
      subtitle: 'Crossings restart on Tuesday.',
      outlet: 'Harbour Gazette',
      byline: 'Mara Quint',
      published: '2025-04-01T09:30:00.000Z',
      language: 'en-gb',
      metadata: { feedFormat: 'rss', guid: 'gz-101', categories: ['Transport', 'Weather'], feedUrl: null },
    });
    expect(ferry?.dates).toEqual([
      { value: '2025-04-01T09:30:00.000Z', raw: 'Tue, 01 Apr 2025 10:30:00 +0100', where: 'feed:pubDate' },
    ]);
    expect(ferry?.messages).toEqual([]);
  });

  it('should flag an item whose body is only a short summary', () => {
    const { drafts } = readFeed(RSS, { input: 'gazette.xml' });
    const budget = drafts[1];
    expect(budget?.body).toBe('Councillors debate the budget tonight.');
    expect(budget?.messages?.map((m) => [m.ruleId, m.fatal, m.place, m.articleId])).toEqual([
      ['feed:summary-only', false, 'gazette.xml#2', 'https://gazette.example/budget'],
    ]);
  });

  it('should read Atom entries, resolve relative links and prefer published over updated', () => {
    const { drafts, messages } = readFeed(ATOM, { input: 'courier.atom' });
    expect(messages).toEqual([]);
    expect(drafts[0]).toMatchObject({
      id: 'https://courier.example/2025/bridge',
      title: 'Bridge closed for repairs',
      body: 'The old bridge will close on Monday.\n\nWorks last six weeks.',
      byline: 'Ilse Brandt',
      outlet: 'Valley Courier',
      published: '2025-04-01T07:00:00.000Z',
      metadata: { feedFormat: 'atom', guid: 'urn:courier:1', categories: ['Roads'] },
    });
    expect(drafts[0]?.dates?.map((d) => d.where)).toEqual(['feed:published', 'feed:updated']);
  });

  it('should read RDF items with Dublin Core dates and creators', () => {
    const { drafts, messages } = readFeed(RDF, { input: 'plains.rdf' });
    expect(messages).toEqual([]);
    expect(drafts[0]).toMatchObject({
      id: 'https://plains.example/wheat',
      outlet: 'Plains Post',
      byline: 'Tom Ash',
      published: '2025-06-20',
      dates: [{ value: '2025-06-20', raw: '2025-06-20', where: 'feed:dc:date' }],
    });
    expect(drafts[0]?.messages?.map((m) => m.ruleId)).toEqual(['feed:summary-only']);
  });

  it('should read JSON Feed items and fall back to the guid for the id', () => {
    const { drafts, messages } = readFeed(JSON_FEED, {
      input: 'wire.json',
      url: 'https://wire.example/feed.json',
    });
    expect(messages).toEqual([]);
    expect(drafts.map((d) => d.id)).toEqual(['https://wire.example/tide', 'w-2']);
    expect(drafts[0]).toMatchObject({
      body: 'The tide reached 6.2 metres.\n\nShops on the promenade closed early.',
      byline: 'Sol Vega',
      published: '2025-03-30T18:00:00.000Z',
      metadata: { feedFormat: 'json', feedUrl: 'https://wire.example/feed.json', categories: ['coast'] },
    });
    expect(drafts[1]?.body).toBe('Second item without a link.');
  });

  it('should report a broken item by index and read the others', () => {
    const feed = RSS.replace(
      '<item>\n    <title>Council',
      `<item><title>   </title><category>Misc</category></item>
       <item></item>
       <item><title>Bad date</title><link>https://gazette.example/bad</link><pubDate>someday soon</pubDate><content:encoded>Text.</content:encoded></item>
       <item>\n    <title>Council`,
    );
    const { drafts, messages } = readFeed(feed, { input: 'f.xml' });
    expect(messages.map((m) => [m.ruleId, m.place, m.fatal])).toEqual([
      ['feed:empty-item', 'f.xml', false],
      ['feed:empty-item', 'f.xml#2', true],
    ]);
    expect(drafts.map((d) => d.input)).toEqual(['f.xml#1', 'f.xml#3', 'f.xml#4']);
    const bad = drafts[1];
    expect(bad?.published).toBeNull();
    expect(bad?.messages?.map((m) => m.ruleId)).toEqual(['feed:invalid-date']);
    expect(bad?.messages?.[0]?.reason).toContain('item 3');
  });

  it('should rename a repeated link and say so', () => {
    const feed = RSS.replace('https://gazette.example/budget', 'https://gazette.example/ferry');
    const { drafts } = readFeed(feed, { input: 'f.xml' });
    expect(drafts.map((d) => d.id)).toEqual([
      'https://gazette.example/ferry',
      'https://gazette.example/ferry#2',
    ]);
    expect(drafts[1]?.messages?.map((m) => m.ruleId)).toContain('feed:duplicate-id');
  });

  it('should recover the complete items of a truncated feed and drop the incomplete one', () => {
    const cut = RSS.indexOf('Councillors debate');
    const { drafts, messages } = readFeed(RSS.slice(0, cut), { input: 'cut.xml' });
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['feed:recovered', false]]);
    expect(drafts.map((d) => d.id)).toEqual(['https://gazette.example/ferry']);
  });

  it('should recover the complete items of a truncated JSON Feed', () => {
    const { drafts, messages } = readFeed(JSON_FEED.slice(0, JSON_FEED.indexOf('Second item')), {
      input: 'wire.json',
    });
    expect(messages.map((m) => m.ruleId)).toEqual(['feed:recovered']);
    expect(drafts.map((d) => d.id)).toEqual(['https://wire.example/tide']);
  });

  it('should report a feed that cannot be read as fatal with the input as place', () => {
    const { drafts, messages } = readFeed('<rss version="2.0"><channel><title>x</ti', { input: 'bad.xml' });
    expect(drafts).toEqual([]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      ruleId: 'feed:malformed',
      place: 'bad.xml',
      fatal: true,
      source: 'feed',
    });
  });

  it('should report a document that is not a feed', () => {
    const { drafts, messages } = readFeed('<html><body><p>Hello</p></body></html>', { input: 'page.html' });
    expect(drafts).toEqual([]);
    expect(messages.map((m) => [m.ruleId, m.fatal])).toEqual([['feed:unrecognized', true]]);
  });

  it('should throw a TypeError when options.input is missing', () => {
    // @ts-expect-error: misuse on purpose
    expect(() => readFeed(RSS, {})).toThrow(TypeError);
  });

  it('should never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = readFeed(text, { input: 'x' });
        return Array.isArray(result.drafts) && Array.isArray(result.messages);
      }),
      { numRuns: 200 },
    );
  });

  it('should never throw on a feed cut at any offset', () => {
    for (const sample of [RSS, ATOM, RDF, JSON_FEED]) {
      for (let end = 0; end <= sample.length; end += 1) {
        const result = readFeed(sample.slice(0, end), { input: 'x' });
        expect(Array.isArray(result.drafts) && Array.isArray(result.messages)).toBe(true);
      }
    }
  });
});

describe('looksLikeFeed', () => {
  it('should recognise RSS, Atom, RDF and JSON Feed', () => {
    expect([RSS, ATOM, RDF, JSON_FEED].map(looksLikeFeed)).toEqual([true, true, true, true]);
  });

  it('should reject HTML, plain text, JSONL and a feed element without the Atom namespace', () => {
    const samples = [
      '<!doctype html><html><head><link rel="alternate" type="application/rss+xml"></head></html>',
      'Just some text about <rss feeds.',
      '{"id":"a","text":"b"}\n{"id":"c","text":"d"}',
      '<feed><entry/></feed>',
    ];
    expect(samples.map(looksLikeFeed)).toEqual([false, false, false, false]);
  });
});
