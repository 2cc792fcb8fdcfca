import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticles } from './read-articles.js';

const PAGE = `<!doctype html><html><head><title>Harbour bridge closed | Example Post</title>
<meta property="og:site_name" content="Example Post">
<meta property="article:published_time" content="2026-03-10T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour bridge closed</h1>
<p>The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.</p>
<p>Engineers said the repairs would take at least six months, and the council has asked the regional government for help.</p>
</article></body></html>`;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 20_000).unref();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('readArticles on URLs', () => {
  it('should read a page and name a 404 while the batch goes on', async () => {
    const result = await readArticles([`${base}/missing`, `${base}/story`], {
      allowPrivate: true,
      fetch: { timeoutMs: 15_000 },
    });
    expect(result.articles.map((a) => a.id)).toEqual([`${base}/story`]);
    expect(result.articles[0]).toMatchObject({
      title: 'Harbour bridge closed',
      outlet: 'Example Post',
      published: '2026-03-10T09:00:00Z',
      url: `${base}/story`,
    });
    expect(result.skipped.map((m) => m.ruleId)).toEqual(['fetch:http-status']);
    expect(result.skipped[0]?.place).toBe(`${base}/missing`);
  });
  it('should name a URL that does not answer in time', async () => {
    const result = await readArticles([`${base}/slow`], { allowPrivate: true, fetch: { timeoutMs: 500 } });
    expect(result.articles).toEqual([]);
    expect(result.skipped.map((m) => m.ruleId)).toEqual(['fetch:timeout']);
    expect(result.skipped[0]?.reason).toContain(`${base}/slow`);
  });
  it('should refuse a loopback URL unless private addresses are allowed', async () => {
    const result = await readArticles([`${base}/story`]);
    expect(result.articles).toEqual([]);
    expect(result.skipped[0]?.ruleId).toBe('fetch:private-address');
    expect(result.skipped[0]?.reason).toMatch(/--allow-private/);
  });
});
