import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeJsonl, readJsonl } from './read-jsonl.js';

const line = (row: unknown): string => JSON.stringify(row);

const PAGE = `<!doctype html><html lang="en"><head><title>Page title | Lakeside News</title>
<meta property="og:site_name" content="Lakeside News">
<meta property="article:published_time" content="2025-05-01T08:00:00Z">
</head><body><article><h1>Page title</h1>
<p>The lake level rose by two metres overnight after heavy rain in the hills above the town.</p>
<p>Residents near the shore were asked to move cars and valuables to higher ground before noon.</p>
<p>The water authority said the level should fall again by the end of the week if the rain stops.</p>
</article></body></html>`;

describe('readJsonl', () => {
  it('should read text rows, keep their ids and keep extra fields as metadata', () => {
    const text = [
      line({
        id: 'a1',
        url: 'https://x.example/a',
        outlet: 'X',
        title: 'A',
        published: '2025-01-02',
        text: 'Body A.',
        lang: 'en',
        tags: ['t'],
      }),
      line({ id: 7, text: 'Body B.' }),
    ].join('\n');
    const { drafts, messages } = readJsonl(text, { input: 'rows.jsonl' });
    expect(messages).toEqual([]);
    expect(drafts[0]).toEqual({
      id: 'a1',
      input: 'rows.jsonl:1',
      kind: 'jsonl',
      body: 'Body A.',
      outlet: 'X',
      url: 'https://x.example/a',
      title: 'A',
      published: '2025-01-02',
      dates: [{ value: '2025-01-02', raw: '2025-01-02', where: 'jsonl' }],
      metadata: { lang: 'en', tags: ['t'] },
      messages: [],
    });
    expect(drafts[1]).toMatchObject({ id: '7', input: 'rows.jsonl:2', outlet: null, published: null });
  });

  it('should give a row without an id the input and line as id', () => {
    const { drafts } = readJsonl(`\n${line({ text: 'x' })}`, { input: 'r.jsonl' });
    expect(drafts.map((d) => d.id)).toEqual(['r.jsonl:2']);
  });

  it('should skip blank lines silently and report a line that is not JSON by number', () => {
    const text = [
      line({ id: 'a', text: 'A' }),
      '',
      '   ',
      '{"id": "b", text: nope}',
      line({ id: 'c', text: 'C' }),
    ].join('\r\n');
    const { drafts, messages } = readJsonl(text, { input: 'r.jsonl' });
    expect(drafts.map((d) => [d.id, d.input])).toEqual([
      ['a', 'r.jsonl:1'],
      ['c', 'r.jsonl:5'],
    ]);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      ruleId: 'jsonl:not-json',
      place: 'r.jsonl:4',
      fatal: true,
      source: 'jsonl',
    });
    expect(messages[0]?.reason).toContain('line 4');
  });

  it('should report wrong field types with the line and field and go on', () => {
    const text = [
      line({ id: 'a', title: 42, text: 'A' }),
      line({ id: 'b' }),
      '[1,2]',
      line({ id: 'd', text: 'D' }),
    ].join('\n');
    const { drafts, messages } = readJsonl(text, { input: 'r.jsonl' });
    expect(drafts.map((d) => d.id)).toEqual(['d']);
    expect(messages.map((m) => [m.ruleId, m.place, m.fatal])).toEqual([
      ['jsonl:invalid-row', 'r.jsonl:1', true],
      ['jsonl:invalid-row', 'r.jsonl:2', true],
      ['jsonl:invalid-row', 'r.jsonl:3', true],
    ]);
    expect(messages[0]?.reason).toMatch(/line 1 .*`title`: Expected string, received number/);
    expect(messages[1]?.reason).toMatch(/`text`: expected a `text` or `html` string/);
  });

  it('should normalise published dates and report an unreadable one without dropping the row', () => {
    const text = [
      line({ id: 'a', published: 'Tue, 01 Apr 2025 10:30:00 +0100', text: 'A' }),
      line({ id: 'b', published: 'last Tuesday', text: 'B' }),
    ].join('\n');
    const { drafts } = readJsonl(text, { input: 'r.jsonl' });
    expect(drafts[0]?.published).toBe('2025-04-01T09:30:00.000Z');
    expect(drafts[1]?.published).toBeNull();
    expect(drafts[1]?.messages?.map((m) => [m.ruleId, m.fatal, m.articleId])).toEqual([
      ['jsonl:invalid-date', false, 'b'],
    ]);
  });

  it('should rename a repeated id with a suffix and say so', () => {
    const text = [
      line({ id: 'x', text: '1' }),
      line({ id: 'x', text: '2' }),
      line({ id: 'x', text: '3' }),
    ].join('\n');
    const { drafts } = readJsonl(text, { input: 'r.jsonl' });
    expect(drafts.map((d) => d.id)).toEqual(['x', 'x#2', 'x#3']);
    expect(drafts[1]?.messages?.map((m) => m.ruleId)).toEqual(['jsonl:duplicate-id']);
  });

  it('should extract html rows, letting the row title and date win over the page', () => {
    const text = line({
      id: 'h',
      url: 'https://lake.example/a',
      title: 'Row title',
      published: '2025-05-02',
      html: PAGE,
    });
    const { drafts, messages } = readJsonl(text, { input: 'r.jsonl' });
    expect(messages).toEqual([]);
    const [draft] = drafts;
    expect(draft).toMatchObject({ id: 'h', kind: 'html', title: 'Row title', published: '2025-05-02' });
    expect(draft?.body).toContain('The lake level rose by two metres');
    expect(draft?.body).not.toContain('<p>');
    expect(draft?.dates?.[0]).toEqual({ value: '2025-05-02', raw: '2025-05-02', where: 'jsonl' });
  });

  it('should take title and date from the page when an html row has none', () => {
    const { drafts } = readJsonl(line({ id: 'h', html: PAGE }), { input: 'r.jsonl' });
    expect(drafts[0]?.title).toBeTruthy();
    expect(drafts[0]?.published).toMatch(/^2025-05-01/);
  });

  it('should throw a TypeError when options.input is missing', () => {
    // @ts-expect-error: misuse on purpose
    expect(() => readJsonl('', undefined)).toThrow(TypeError);
  });

  it('should never throw on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const result = readJsonl(text, { input: 'x' });
        return Array.isArray(result.drafts) && Array.isArray(result.messages);
      }),
      { numRuns: 300 },
    );
  });

  it('should never throw on arbitrary JSON values per line', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 5 }), (values) => {
        const result = readJsonl(values.map((v) => JSON.stringify(v)).join('\n'), { input: 'x' });
        return result.drafts.length + result.messages.length <= values.length;
      }),
      { numRuns: 200 },
    );
  });

  it('should read every complete line of a sample cut at any offset', () => {
    const sample = [
      line({ id: 'a', title: 'A', published: '2025-01-01', text: 'First body.\n\nSecond paragraph.' }),
      line({ id: 'b', url: 'https://x.example/b', text: 'B body', extra: { n: 1 } }),
      line({ id: 'c', text: 'C body' }),
    ].join('\n');
    for (let end = 0; end <= sample.length; end += 1) {
      const cut = sample.slice(0, end);
      const result = readJsonl(cut, { input: 'x' });
      const complete = cut.split('\n').filter((l, i, all) => i < all.length - 1 || l.endsWith('}')).length;
      expect(result.drafts.length).toBeLessThanOrEqual(complete);
      expect(result.drafts.length).toBeGreaterThanOrEqual(cut.split('\n').length - 1);
    }
  });
});

describe('readJsonl on evaluation data', () => {
  const DATA = '/work/shared/data';
  for (const [name, rows] of [
    ['basil', 150],
    ['ecbplus', 772],
  ] as const) {
    const path = `${DATA}/${name}/articles.jsonl`;
    it.skipIf(!existsSync(path))(`should read all ${rows} rows of ${name} with their ids`, () => {
      const text = readFileSync(path, 'utf8');
      const expected = text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => String((JSON.parse(l) as { id: string }).id));
      const { drafts, messages } = readJsonl(text, { input: `${name}/articles.jsonl` });
      expect(messages).toEqual([]);
      expect(drafts).toHaveLength(rows);
      // Repeated ids in the data get `#n`: strip it to compare with the row ids.
      expect(drafts.map((d) => d.id.replace(/#\d+$/, ''))).toEqual(expected);
      expect(new Set(drafts.map((d) => d.id)).size).toBe(rows);
      const renamed = drafts
        .flatMap((d) => d.messages ?? [])
        .filter((m) => m.ruleId === 'jsonl:duplicate-id');
      expect(renamed).toHaveLength(rows - new Set(expected).size);
      expect(drafts.every((d) => d.body.length > 0)).toBe(true);
    });
  }
});

describe('looksLikeJsonl', () => {
  it('should accept JSON objects one per line', () => {
    expect(looksLikeJsonl(`\n${line({ id: 'a', text: 'b' })}\n${line({ id: 'c' })}`)).toBe(true);
  });

  it('should reject pretty-printed JSON, a one-line JSON Feed, arrays and plain text', () => {
    const feed = line({ version: 'https://jsonfeed.org/version/1.1', title: 't', items: [] });
    expect(['{\n  "id": 1\n}', feed, '[1,2]', 'Hello world', ''].map(looksLikeJsonl)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
