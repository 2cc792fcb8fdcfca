import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { reportStoredArticles } from '../report/report-stored-articles.js';
import { loadStoryArticles } from '../store/load-story-articles.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { ErrorBody } from './api-error.js';
import { createApp, type AppOptions } from './create-app.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

const BRIDGE_A = {
  id: 'wire/bridge-a.txt',
  outlet: 'Harbour Post',
  title: 'Harbour bridge closed to lorries',
  published: '2026-03-10T09:00:00Z',
  text:
    'The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.\n\n' +
    'The mayor said repairs would cost 4 million pounds and take six months.',
};
const BRIDGE_B = {
  id: 'bridge-b',
  outlet: 'Coast Daily',
  title: 'Cracked harbour bridge shut to heavy traffic',
  published: '2026-03-10T11:00:00Z',
  text:
    'The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in three of its piers.\n\n' +
    'The mayor said repairs would cost 6 million pounds and take a year.',
};
const ORCHARD = {
  id: 'orchard',
  outlet: 'Valley Times',
  title: 'Frost ruins apple blossom in northern orchards',
  published: '2026-04-02T08:00:00Z',
  text: 'A late frost destroyed most of the apple blossom in the northern valley on Sunday night, growers said.\n\nThey expect the harvest to fall by half.',
};
const TOKEN = 'test-token-0123456789abcdef';

let store: Store;
let web = '';
let app: ReturnType<typeof createApp>;
let bridgeStory = '';

const request = (path: string, init?: RequestInit) => app.request(path, init);
const post = (
  path: string,
  body: string,
  type: string | null = 'application/json',
  token: string | null = TOKEN,
) =>
  request(path, {
    method: 'POST',
    body,
    headers: {
      ...(type ? { 'Content-Type': type } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
  });
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

/** The test store with some methods replaced (the others still reach the real store). */
const withOverrides = (methods: Partial<Store>): Store =>
  Object.assign(Object.create(store) as Store, methods);

function appWith(overrides: Partial<AppOptions>): ReturnType<typeof createApp> {
  return createApp({ store, token: TOKEN, webRoot: null, ...overrides });
}

beforeAll(async () => {
  store = await openStore(':memory:');
  web = await mkdtemp(join(tmpdir(), 'corroborate-web-'));
  await mkdir(join(web, 'built', 'assets'), { recursive: true });
  await mkdir(join(web, 'empty'));
  await writeFile(join(web, 'built', 'index.html'), '<!doctype html><title>ui</title><div id="app"></div>');
  await writeFile(join(web, 'built', 'assets', 'app.js'), 'console.log(1)');
  app = createApp({ store, token: TOKEN, webRoot: join(web, 'built') });
  const response = await post('/v1/articles', JSON.stringify([BRIDGE_A, BRIDGE_B, ORCHARD]));
  const body = (await response.json()) as { items: { inputId: string; storyId: string }[] };
  bridgeStory = body.items.find((i) => i.inputId === BRIDGE_A.id)!.storyId;
});

afterAll(async () => {
  await store.close();
  await rm(web, { recursive: true, force: true });
});

describe('GET /healthz', () => {
  it('should answer ok with the store engine', async () => {
    const response = await request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', engine: 'sqlite' });
  });

  it('should answer 404 in the error shape for another method', async () => {
    const response = await request('/healthz', { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not-found');
  });
});

describe('GET /v1/openapi.json', () => {
  it('should describe every route as OpenAPI 3.1', async () => {
    const doc = (await (await request('/v1/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/v1/analyze',
        '/v1/articles',
        '/v1/articles/{id}',
        '/v1/openapi.json',
        '/v1/stories',
        '/v1/stories/{id}',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/v1/articles']!)).toEqual(['post']);
  });
});

describe('POST /v1/articles', () => {
  it('should store each article once and assign it to a story', async () => {
    const response = await post('/v1/articles', JSON.stringify([BRIDGE_A]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      read: number;
      stored: number;
      duplicates: number;
      items: { id: string; status: string; storyId: string | null }[];
    };
    expect(body).toMatchObject({ read: 1, stored: 0, duplicates: 1 });
    expect(body.items[0]).toMatchObject({ id: BRIDGE_A.id, status: 'duplicate', storyId: bridgeStory });
    expect(bridgeStory).toMatch(/\S/);
  });

  it('should compute the report of a story it wrote to in the background once writes pause', async () => {
    const asked: string[] = [];
    const watched = withOverrides({
      getStory: (id: string) => {
        asked.push(id);
        return store.getStory(id);
      },
    });
    const row = {
      id: 'warm-1',
      title: 'Tram line extended',
      text: 'The city will extend the tram line to the airport by 2028, the transport office said.',
    };
    const response = await createApp({ store: watched, webRoot: null }).request('/v1/articles', {
      method: 'POST',
      body: JSON.stringify([row]),
      headers: { 'Content-Type': 'application/json' },
    });
    const { items } = (await response.json()) as { items: { storyId: string }[] };
    await vi.waitFor(() => expect(asked).toContain(items[0]!.storyId), { timeout: 20_000, interval: 50 });
  });

  it('should read a JSONL body and skip a bad line with its reason', async () => {
    const row = {
      id: 'jsonl-1',
      outlet: 'Wire',
      title: 'Ferry strike called off',
      text: 'The ferry crews union called off the strike planned for Friday after a pay deal was reached.',
    };
    const response = await post(
      '/v1/articles',
      `${JSON.stringify(row)}\n{not json}\n`,
      'application/x-ndjson',
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      stored: number;
      skipped: { ruleId: string; place: string }[];
      items: { storyId: string }[];
    };
    expect(body.stored).toBe(1);
    expect(body.items[0]!.storyId).toMatch(/\S/);
    expect(body.skipped).toMatchObject([{ ruleId: 'jsonl:not-json', place: 'request:2' }]);
  });

  it('should skip an invalid item of a JSON array, naming its field, and store the others', async () => {
    const row = {
      id: 'array-ok',
      title: 'Library reopens',
      text: 'The city library reopened on Monday after a two-year renovation of its reading rooms.',
    };
    const response = await post('/v1/articles', JSON.stringify([row, { id: 'no-text', title: 'x' }]));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { stored: number; skipped: { place: string; reason: string }[] };
    expect(body.stored).toBe(1);
    expect(body.skipped).toHaveLength(1);
    expect(body.skipped[0]!.place).toBe('body[1].text');
    expect(body.skipped[0]!.reason).toMatch(/text.*html/);
  });

  it('should answer 422 naming the first field when no item gives an article', async () => {
    const response = await post('/v1/articles', JSON.stringify([{ title: 'only a title' }, 'text']));
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'no-articles', field: 'body[0].text' });
  });

  it.each([
    ['an empty body', '', 'application/json', 'body', 'validation'],
    ['a body that is not JSON', '[{"text": ', 'application/json', 'body', 'invalid-json'],
    ['an empty array', '[]', 'application/json', 'body', 'validation'],
    [
      'an object that is neither an array nor a URL list',
      '{"text": "x"}',
      'application/json',
      'body',
      'validation',
    ],
    ['an empty URL list', '{"urls": []}', 'application/json', 'body.urls', 'validation'],
    [
      'a URL list with a non-http URL',
      '{"urls": ["file:///etc/passwd"]}',
      'application/json',
      'body.urls[0]',
      'validation',
    ],
    [
      'a URL list with a path',
      '{"urls": ["https://example.org/a", "/etc/passwd"]}',
      'application/json',
      'body.urls[1]',
      'validation',
    ],
    [
      'a URL list with an unknown key',
      '{"urls": ["https://example.org/a"], "depth": 2}',
      'application/json',
      'body.depth',
      'validation',
    ],
    [
      'a text line that is not a URL',
      'https://example.org/a\nexamples/wire\n',
      'text/plain',
      'body[1]',
      'validation',
    ],
    ['a text body of only comments', '# nothing\n\n', 'text/plain', 'body', 'validation'],
  ])('should answer 400 for %s', async (_name, body, type, field, code) => {
    const response = await post('/v1/articles', body, type);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code, field });
  });

  it('should answer 415 for a multipart body', async () => {
    const response = await post('/v1/articles', '--x\r\n', 'multipart/form-data; boundary=x');
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatchObject({
      code: 'unsupported-media-type',
      field: 'headers.content-type',
    });
  });

  it('should answer 413 when the body is over the size limit', async () => {
    const small = appWith({ limits: { maxBodyBytes: 100 } });
    const response = await small.request('/v1/articles', {
      method: 'POST',
      body: JSON.stringify([BRIDGE_A]),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: 'payload-too-large', field: 'body' });
  });

  it('should answer 413 for more articles or URLs than a request may carry', async () => {
    const small = appWith({ limits: { maxArticles: 1, maxUrls: 1 } });
    const send = (body: string, type: string) =>
      small.request('/v1/articles', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: `Bearer ${TOKEN}` },
      });
    const rows = await send(JSON.stringify([BRIDGE_A, BRIDGE_B]), 'application/json');
    expect(rows.status).toBe(413);
    expect((await errorOf(rows)).code).toBe('too-many-articles');
    const lines = await send(
      `${JSON.stringify(BRIDGE_A)}\n${JSON.stringify(BRIDGE_B)}\n`,
      'application/x-ndjson',
    );
    expect(lines.status).toBe(413);
    const urls = await send('https://example.org/a\nhttps://example.org/b', 'text/plain');
    expect(urls.status).toBe(413);
    expect((await errorOf(urls)).code).toBe('too-many-urls');
  });

  it('should refuse URLs on loopback and private addresses with the fetcher guard', async () => {
    const response = await post('/v1/articles', JSON.stringify({ urls: ['http://127.0.0.1:9/story'] }));
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toMatch(/loopback/);
    const resolved = appWith({ lookup: async () => [{ address: '10.1.2.3', family: 4 }] });
    const named = await resolved.request('/v1/articles', {
      method: 'POST',
      body: 'https://intranet.example.org/page',
      headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` },
    });
    expect(named.status).toBe(422);
    expect((await errorOf(named)).message).toMatch(/private/);
  });

  describe('with URLs the server can reach', () => {
    let server: Server;
    let base = '';
    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/ferry') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(
            '<!doctype html><html><head><title>Ferry timetable cut</title></head><body><article><h1>Ferry timetable cut</h1>' +
              '<p>The island ferry will run four times a day instead of six from May, the operator said on Wednesday.</p>' +
              '<p>Residents said the cut would make commuting to the mainland harder.</p></article></body></html>',
          );
        } else {
          res.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('should fetch a text list of URLs and skip the one that fails with its reason', async () => {
      const local = appWith({ allowPrivate: true });
      const response = await local.request('/v1/articles', {
        method: 'POST',
        body: `# two pages\n${base}/ferry\n${base}/missing\n`,
        headers: { 'Content-Type': 'text/plain', Authorization: `Bearer ${TOKEN}` },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as {
        items: { id: string; title: string }[];
        skipped: { place: string }[];
      };
      expect(body.items).toMatchObject([{ id: `${base}/ferry`, title: 'Ferry timetable cut' }]);
      expect(body.skipped.map((m) => m.place)).toEqual([`${base}/missing`]);
    });
  });
});

describe('bearer token', () => {
  it('should refuse a write without a token, with WWW-Authenticate', async () => {
    const response = await post('/v1/articles', JSON.stringify([BRIDGE_A]), 'application/json', null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await errorOf(response)).toMatchObject({ code: 'unauthorized', field: 'headers.authorization' });
  });

  it('should refuse a wrong token and a header that is not Bearer', async () => {
    expect((await post('/v1/articles', '[]', 'application/json', `${TOKEN}x`)).status).toBe(401);
    const basic = await request('/v1/analyze', {
      method: 'POST',
      body: '[]',
      headers: { Authorization: `Basic ${TOKEN}` },
    });
    expect(basic.status).toBe(401);
    expect((await errorOf(basic)).message).toMatch(/Bearer/);
  });

  it('should check the token before reading the body', async () => {
    const response = await post('/v1/analyze', 'not json', 'application/json', null);
    expect(response.status).toBe(401);
  });

  it('should let reads through without a token', async () => {
    expect((await request('/v1/stories')).status).toBe(200);
  });

  it('should let writes through without a header when no token is configured', async () => {
    const open = appWith({ token: null });
    const response = await open.request('/v1/articles', {
      method: 'POST',
      body: JSON.stringify([BRIDGE_A]),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(200);
  });
});

describe('POST /v1/analyze', () => {
  it('should answer the report of the articles sent and store nothing', async () => {
    const before = (await store.listArticles({ limit: 1000 })).items.length;
    const row = {
      id: 'analyze-only',
      outlet: 'Wire',
      title: 'Dam inspection ordered',
      text: 'The regional government ordered an inspection of the river dam on Thursday after heavy rain.',
    };
    const response = await post('/v1/analyze', JSON.stringify([row]));
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      schema: string;
      articles: { id: string }[];
      stories: unknown[];
    };
    expect(report.schema).toBe('corroborate.report/1');
    expect(report.articles.map((a) => a.id)).toEqual(['analyze-only']);
    expect(report.stories).toHaveLength(1);
    expect((await store.listArticles({ limit: 1000 })).items.length).toBe(before);
    expect(await store.getArticle('analyze-only')).toBeNull();
  });

  it('should answer 413 for more articles than an analysis may take', async () => {
    const small = appWith({ limits: { maxAnalyzeArticles: 1 } });
    const response = await small.request('/v1/analyze', {
      method: 'POST',
      body: JSON.stringify([BRIDGE_A, BRIDGE_B]),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('too-many-articles');
  });

  it('should validate its body like the write route', async () => {
    const response = await post('/v1/analyze', '{"urls": ["ftp://example.org/a"]}');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('body.urls[0]');
  });
});

describe('GET /v1/stories', () => {
  type Item = {
    id: string;
    title: string;
    articleCount: number;
    outlets: string[];
    discrepancyCount: number;
    disputeCount: number;
    createdAt: string;
    updatedAt: string;
  };
  const list = async (query = '') => {
    const response = await request(`/v1/stories${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { items: Item[]; nextCursor: string | null };
  };

  it('should list stories with their counts', async () => {
    const { items } = await list();
    const bridge = items.find((s) => s.id === bridgeStory)!;
    expect(bridge).toMatchObject({ articleCount: 2, outlets: ['Coast Daily', 'Harbour Post'] });
    expect(Object.keys(bridge).sort()).toEqual(
      [
        'articleCount',
        'createdAt',
        'discrepancyCount',
        'disputeCount',
        'id',
        'outlets',
        'title',
        'updatedAt',
      ].sort(),
    );
    const report = (await (await request(`/v1/stories/${bridgeStory}`)).json()) as {
      stories: { discrepancies: unknown[]; claims: { rebuttedBy: string[] }[] }[];
    };
    expect(bridge.discrepancyCount).toBe(report.stories.reduce((n, s) => n + s.discrepancies.length, 0));
    expect(bridge.discrepancyCount).toBeGreaterThan(0);
    expect(bridge.disputeCount).toBe(
      report.stories.reduce((n, s) => n + s.claims.filter((c) => c.rebuttedBy.length).length, 0),
    );
  });

  it('should filter by outlet, text and time', async () => {
    expect((await list('?outlet=Valley%20Times')).items.map((s) => s.title)).toEqual([ORCHARD.title]);
    expect((await list('?q=FROST')).items.map((s) => s.title)).toEqual([ORCHARD.title]);
    // Articles without a publication date count from their ingestion, so only the dated bridge story falls out.
    const since = (await list('?since=2026-04-01')).items.map((s) => s.title);
    expect(since).toContain(ORCHARD.title);
    expect(since).not.toContain(BRIDGE_A.title);
    expect((await list('?since=2030-01-01')).items).toEqual([]);
  });

  it('should page with limit and cursor', async () => {
    const all = await list('?limit=100');
    const first = await list('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`?limit=1&cursor=${first.nextCursor}`);
    expect([first.items[0]!.id, second.items[0]!.id]).toEqual(all.items.slice(0, 2).map((s) => s.id));
  });

  it.each([
    ['limit=0', 'query.limit'],
    ['limit=101', 'query.limit'],
    ['limit=abc', 'query.limit'],
    ['limit=1.5', 'query.limit'],
    ['since=yesterday-ish', 'query.since'],
    ['outlet=', 'query.outlet'],
    [`q=${'x'.repeat(201)}`, 'query.q'],
    ['cursor=not!a!cursor', 'query.cursor'],
    ['cursor=abcd', 'query.cursor'],
    ['sort=title', 'query.sort'],
    ['limit=1&limit=2', 'query.limit'],
  ])('should answer 400 for ?%s naming %s', async (query, field) => {
    const response = await request(`/v1/stories?${query}`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'validation', field });
  });
});

describe('GET /v1/stories/:id', () => {
  it('should answer the report corroborate story gives', async () => {
    const response = await request(`/v1/stories/${encodeURIComponent(bridgeStory)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const served = (await response.json()) as Record<string, unknown>;
    const articles = await loadStoryArticles(store, bridgeStory);
    const expected = JSON.parse(JSON.stringify(reportStoredArticles(articles!))) as Record<string, unknown>;
    expect({ ...served, generated: null }).toEqual({ ...expected, generated: null });
  });

  it('should answer gzip to clients that accept it and 304 to a matching If-None-Match', async () => {
    const path = `/v1/stories/${encodeURIComponent(bridgeStory)}`;
    const plain = await request(path);
    const etag = plain.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const zipped = await request(path, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(await plain.text());
    const again = await request(path, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await request(path, { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
  });

  it('should answer 404 for an unknown story and 400 for an overlong id', async () => {
    const missing = await request('/v1/stories/story-nope');
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toMatchObject({ code: 'not-found', field: 'params.id' });
    const long = await request(`/v1/stories/${'s'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect((await errorOf(long)).field).toBe('params.id');
  });
});

describe('GET /v1/articles/:id', () => {
  it('should answer a stored article with its annotations, story and ingestion time', async () => {
    const response = await request(`/v1/articles/${encodeURIComponent(BRIDGE_A.id)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      article: { id: string; text: string };
      annotations: { sentences: { start: number; end: number }[] };
      storyId: string;
      ingestedAt: string;
    };
    expect(body.article.id).toBe(BRIDGE_A.id);
    expect(body.storyId).toBe(bridgeStory);
    expect(Number.isNaN(Date.parse(body.ingestedAt))).toBe(false);
    expect(body.annotations.sentences.length).toBeGreaterThan(1);
  });

  it('should answer 404 for an unknown article and 400 for an overlong id', async () => {
    const missing = await request('/v1/articles/nothing-here');
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toMatchObject({ code: 'not-found', field: 'params.id' });
    expect((await request(`/v1/articles/${'a'.repeat(2049)}`)).status).toBe(400);
  });
});

describe('errors', () => {
  it('should answer 404 in the error shape for unknown API routes and methods', async () => {
    for (const [path, method] of [
      ['/v1/nothing', 'GET'],
      ['/v1/stories', 'DELETE'],
      ['/v1/articles', 'GET'],
    ] as const) {
      const response = await request(path, { method });
      expect(response.status).toBe(404);
      expect(await errorOf(response)).toMatchObject({ code: 'not-found' });
    }
  });

  it('should answer 500 without the error inside, and tell the owner', async () => {
    const seen: unknown[] = [];
    const failing = withOverrides({ listStories: () => Promise.reject(new Error('secret /var/db detail')) });
    const broken = createApp({ store: failing, webRoot: null, onInternalError: (error) => seen.push(error) });
    const response = await broken.request('/v1/stories');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret|at |\.ts/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'internal', field: null } });
    expect(seen).toHaveLength(1);
  });

  it('should answer 504 when a request runs over the time limit', async () => {
    const slow = withOverrides({ getArticle: () => new Promise(() => {}) });
    const limited = createApp({ store: slow, webRoot: null, limits: { timeoutMs: 30 } });
    const response = await limited.request('/v1/articles/any');
    expect(response.status).toBe(504);
    expect((await errorOf(response)).code).toBe('timeout');
  });

  it('should throw a TypeError naming the fix when created without a store', () => {
    expect(() => createApp({} as AppOptions)).toThrow(/openStore/);
  });
});

describe('security headers', () => {
  it('should be on API answers, errors and UI files', async () => {
    for (const path of ['/healthz', '/v1/stories', '/v1/stories/nope', '/', '/assets/app.js']) {
      const response = await request(path);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('web interface', () => {
  it('should serve built files and fall back to index.html for client routes', async () => {
    const asset = await request('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['/', '/stories/story-1', '/articles/a%2Fb']) {
      const page = await request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="app">');
    }
  });

  it('should answer 404 for a missing file and for paths leaving the folder', async () => {
    expect((await request('/assets/missing.js')).status).toBe(404);
    const escape = await request('/..%2f..%2fetc%2fpasswd');
    expect(await escape.text()).not.toContain('root:');
  });

  it('should say the interface is not built when the folder has no index.html', async () => {
    const bare = appWith({ webRoot: join(web, 'empty') });
    const response = await bare.request('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/not built/);
  });

  it('should serve no UI when webRoot is null', async () => {
    const response = await appWith({ webRoot: null }).request('/');
    expect(response.status).toBe(404);
    expect((await errorOf(response)).code).toBe('not-found');
  });
});
