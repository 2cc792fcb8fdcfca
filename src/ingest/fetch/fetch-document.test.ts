import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchDocument, fetchDocumentWith, type FetchOutcome } from './fetch-document.js';
import { CORROBORATE_VERSION } from './user-agent.js';

const HTML = '<!doctype html><html><head><title>Caf\xe9</title></head><body><p>Bonjour</p></body></html>';
const HTML_BYTES = Buffer.from(HTML, 'latin1');
const MiB = 1024 * 1024;
const HUGE = 50 * MiB;

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let base: string;
let hits: Hit[] = [];
/** Bytes the /huge handler managed to write before the client went away. */
let hugeWritten = 0;
let hugeDone: Promise<void> = Promise.resolve();

function streamHuge(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 97);
  let closed = false;
  hugeDone = new Promise((resolve) => {
    res.on('close', () => {
      closed = true;
      resolve();
    });
  });
  const pump = (): void => {
    // Bounded: stops at 50 MiB, or as soon as the client hangs up, or on backpressure.
    while (!closed && hugeWritten < HUGE) {
      hugeWritten += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

function handle(path: string, res: ServerResponse, req: IncomingMessage): void {
  switch (path) {
    case '/page.html':
      res.writeHead(200, {
        'content-type': 'text/html; charset=iso-8859-1',
        'last-modified': 'Tue, 15 Apr 2025 08:30:00 GMT',
      });
      res.end(HTML_BYTES);
      return;
    case '/missing':
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<p>not here</p>');
      return;
    case '/r1':
      res.writeHead(302, { location: 'r2?x=1' });
      res.end();
      return;
    case '/r2':
      res.writeHead(301, { location: `${base}/page.html` });
      res.end();
      return;
    case '/loop':
      res.writeHead(302, { location: '/loop' });
      res.end();
      return;
    case '/to-ftp':
      res.writeHead(307, { location: 'ftp://example.org/file' });
      res.end();
      return;
    case '/no-location':
      res.writeHead(302);
      res.end();
      return;
    case '/slow-headers':
      return; // never answers; the socket is destroyed in afterAll
    case '/slow-body':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('first bytes, then nothing');
      return;
    case '/huge':
      streamHuge(res);
      return;
    case '/declared-huge':
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(20 * MiB) });
      res.write('a'.repeat(1024));
      return;
    case '/short-body':
      req.socket.end(
        'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\nConnection: close\r\n\r\nonly this',
      );
      return;
    case '/image.png':
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      return;
    case '/gzip-encoded':
      res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1', 'content-encoding': 'gzip' });
      res.end(gzipSync(HTML_BYTES));
      return;
    case '/feed.xml.gz':
      res.writeHead(200, { 'content-type': 'application/gzip' });
      res.end(gzipSync('<rss version="2.0"><channel></channel></rss>'));
      return;
    case '/untyped':
      res.writeHead(200);
      res.end('plain words');
      return;
    case '/etag':
      res.writeHead(304, { etag: '"v1"' });
      res.end();
      return;
    default:
      res.writeHead(500);
      res.end();
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push({ path, headers: req.headers });
    handle(path, res, req);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
});

function failed(outcome: FetchOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got HTTP ${outcome.status}`);
  return outcome.message;
}

function succeeded(outcome: FetchOutcome) {
  if (!outcome.ok) throw new Error(`expected success, got ${outcome.message.reason}`);
  return outcome;
}

const local = { allowPrivate: true };

describe('fetchDocument against a local server', () => {
  it('should return the raw bytes, content type, final URL and Last-Modified of an HTML page', async () => {
    const url = `${base}/page.html`;
    const outcome = succeeded(await fetchDocument(url, local));
    expect(outcome.status).toBe(200);
    expect(outcome.finalUrl).toBe(url);
    expect(outcome.headers['content-type']).toBe('text/html; charset=iso-8859-1');
    expect(Buffer.from(outcome.document.bytes).equals(HTML_BYTES)).toBe(true);
    expect(outcome.document).toMatchObject({
      input: url,
      id: url,
      url,
      name: '/page.html',
      contentType: 'text/html; charset=iso-8859-1',
      dates: [
        {
          value: '2025-04-15T08:30:00.000Z',
          raw: 'Tue, 15 Apr 2025 08:30:00 GMT',
          where: 'http:last-modified',
        },
      ],
    });
  });

  it('should send the corroborate user agent, the default Accept header and extra headers', async () => {
    await fetchDocument(`${base}/page.html`, { ...local, headers: { 'X-Trace': 'abc' } });
    const headers = hits[0]?.headers;
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(CORROBORATE_VERSION).toBe(pkg.version);
    expect(headers?.['user-agent']).toBe(`corroborate/${pkg.version} (+https://github.com/corroborate)`);
    expect(headers?.accept).toMatch(/^text\/html/);
    expect(headers?.['x-trace']).toBe('abc');
  });

  it('should turn a 404 into a fatal fetch message naming the status and the URL', async () => {
    const url = `${base}/missing`;
    const message = failed(await fetchDocument(url, local));
    expect(message).toMatchObject({ source: 'fetch', ruleId: 'fetch:http-status', place: url, fatal: true });
    expect(message.reason).toContain('404');
    expect(message.reason).toContain(url);
  });

  it('should follow a chain of relative and absolute redirects and keep the given URL as id', async () => {
    const url = `${base}/r1`;
    const outcome = succeeded(await fetchDocument(url, local));
    expect(outcome.finalUrl).toBe(`${base}/page.html`);
    expect(outcome.document.url).toBe(`${base}/page.html`);
    expect(outcome.document.id).toBe(url);
    expect(hits.map((hit) => hit.path)).toEqual(['/r1', '/r2', '/page.html']);
  });

  it('should give up on a redirect loop after the redirect limit', async () => {
    const message = failed(await fetchDocument(`${base}/loop`, { ...local, maxRedirects: 3 }));
    expect(message.ruleId).toBe('fetch:too-many-redirects');
    expect(message.reason).toContain('more than 3 times');
    expect(hits).toHaveLength(4);
  });

  it('should refuse a redirect to a scheme other than http(s)', async () => {
    const message = failed(await fetchDocument(`${base}/to-ftp`, local));
    expect(message.ruleId).toBe('fetch:scheme');
    expect(message.reason).toContain('ftp://example.org/file');
  });

  it('should report a redirect without a Location header', async () => {
    expect(failed(await fetchDocument(`${base}/no-location`, local)).ruleId).toBe('fetch:redirect');
  });

  it('should time out on a server that never answers, naming the URL and the limit', async () => {
    const url = `${base}/slow-headers`;
    const message = failed(await fetchDocument(url, { ...local, timeoutMs: 200 }));
    expect(message.ruleId).toBe('fetch:timeout');
    expect(message.reason).toContain(url);
    expect(message.reason).toContain('200 ms');
  });

  it('should count the body in the time limit', async () => {
    const started = Date.now();
    const message = failed(await fetchDocument(`${base}/slow-body`, { ...local, timeoutMs: 300 }));
    expect(message.ruleId).toBe('fetch:timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('should report a cancellation by the caller', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const message = failed(
      await fetchDocument(`${base}/slow-headers`, { ...local, signal: controller.signal }),
    );
    expect(message.ruleId).toBe('fetch:aborted');
  });

  it('should refuse a 50 MB streamed body at the cap without reading all of it', async () => {
    const message = failed(await fetchDocument(`${base}/huge`, { ...local, maxBytes: MiB }));
    expect(message.ruleId).toBe('fetch:too-large');
    expect(message.reason).toContain('1 MiB');
    await Promise.race([hugeDone, new Promise((resolve) => setTimeout(resolve, 2_000))]);
    expect(hugeWritten).toBeLessThan(16 * MiB);
  });

  it('should refuse a body whose Content-Length is over the cap before reading it', async () => {
    const message = failed(
      await fetchDocument(`${base}/declared-huge`, { ...local, maxBytes: MiB, timeoutMs: 5_000 }),
    );
    expect(message.ruleId).toBe('fetch:too-large');
    expect(message.reason).toContain('20 MiB');
  });

  it('should name the default cap of 10 MiB', async () => {
    const message = failed(await fetchDocument(`${base}/declared-huge`, { ...local, timeoutMs: 5_000 }));
    expect(message.reason).toContain('10 MiB');
  });

  it('should report a body shorter than its Content-Length as incomplete', async () => {
    const message = failed(await fetchDocument(`${base}/short-body`, local));
    expect(message.ruleId).toBe('fetch:incomplete');
  });

  it('should refuse image/png and name the type', async () => {
    const message = failed(await fetchDocument(`${base}/image.png`, local));
    expect(message.ruleId).toBe('fetch:content-type');
    expect(message.reason).toContain('image/png');
  });

  it('should decode a gzip-encoded response and keep its content type', async () => {
    const outcome = succeeded(await fetchDocument(`${base}/gzip-encoded`, local));
    expect(Buffer.from(outcome.document.bytes).equals(HTML_BYTES)).toBe(true);
    expect(outcome.document.contentType).toBe('text/html; charset=iso-8859-1');
  });

  it('should unpack a gzip file and leave its type to sniffing', async () => {
    const outcome = succeeded(await fetchDocument(`${base}/feed.xml.gz`, local));
    expect(Buffer.from(outcome.document.bytes).toString('utf8')).toContain('<rss');
    expect(outcome.document.contentType).toBeNull();
    expect(outcome.document.name).toBe('/feed.xml');
  });

  it('should accept a response without a content type', async () => {
    const outcome = succeeded(await fetchDocument(`${base}/untyped`, local));
    expect(Buffer.from(outcome.document.bytes).toString('utf8')).toBe('plain words');
  });

  it('should report 304 Not Modified to a conditional request', async () => {
    const message = failed(
      await fetchDocument(`${base}/etag`, { ...local, headers: { 'If-None-Match': '"v1"' } }),
    );
    expect(message.ruleId).toBe('fetch:not-modified');
    expect(hits[0]?.headers['if-none-match']).toBe('"v1"');
  });

  it('should report a refused connection as a network failure', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const message = failed(await fetchDocument(`http://127.0.0.1:${port}/`, local));
    expect(message.ruleId).toBe('fetch:network');
    expect(message.reason).toContain('ECONNREFUSED');
  });
});

describe('fetchDocument input checks', () => {
  it.each([
    ['ftp://example.org/a', 'fetch:scheme'],
    ['file:///etc/passwd', 'fetch:scheme'],
    ['javascript:alert(1)', 'fetch:scheme'],
    ['not a url', 'fetch:invalid-url'],
    ['https://user:secret@example.org/', 'fetch:credentials'],
  ])('should refuse %s with %s before any request', async (url, ruleId) => {
    let calls = 0;
    const transport = () => {
      calls += 1;
      return Promise.resolve(new Response(''));
    };
    const message = failed(await fetchDocumentWith(transport, url));
    expect(message.ruleId).toBe(ruleId);
    expect(message.fatal).toBe(true);
    expect(message.place).not.toContain('secret');
    expect(message.reason).not.toContain('secret');
    expect(calls).toBe(0);
  });

  it('should throw a TypeError naming the option for a nonsensical limit', async () => {
    await expect(fetchDocument('https://example.org/', { maxBytes: -1 })).rejects.toThrow(
      /options\.maxBytes/,
    );
    await expect(fetchDocument('https://example.org/', { timeoutMs: 0 })).rejects.toThrow(TypeError);
    await expect(fetchDocument('https://example.org/', { maxRedirects: 1.5 })).rejects.toThrow(
      /maxRedirects/,
    );
  });
});

describe('fetchDocument private-address guard', () => {
  function countingLookup(answers: Record<string, string[]>) {
    const asked: string[] = [];
    const lookup = (hostname: string) => {
      asked.push(hostname);
      const addresses = answers[hostname] ?? [];
      return Promise.resolve(
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }) as const),
      );
    };
    return { lookup, asked };
  }

  it.each([
    '127.0.0.1',
    'localhost',
    '[::1]',
    '0x7f.1',
    '169.254.169.254',
    '[::ffff:127.0.0.1]',
    '2130706433',
  ])('should refuse %s without allowPrivate and make no request', async (host) => {
    const port = new URL(base).port;
    const { lookup, asked } = countingLookup({ localhost: ['93.184.215.14'] });
    const message = failed(await fetchDocument(`http://${host}:${port}/page.html`, { lookup }));
    expect(message.ruleId).toBe('fetch:private-address');
    expect(message.reason).toContain('--allow-private');
    expect(hits).toHaveLength(0);
    expect(asked).toHaveLength(0);
  });

  it('should refuse a hostname whose lookup returns a private address', async () => {
    const { lookup, asked } = countingLookup({ 'intranet.example': ['10.0.0.1'] });
    const message = failed(await fetchDocument('http://intranet.example/', { lookup }));
    expect(message.ruleId).toBe('fetch:private-address');
    expect(message.reason).toContain('intranet.example resolves to 10.0.0.1');
    expect(asked).toEqual(['intranet.example']);
  });

  it('should refuse a hostname when any of its addresses is private', async () => {
    const { lookup } = countingLookup({ 'mixed.example': ['93.184.215.14', 'fd00::1'] });
    expect(failed(await fetchDocument('http://mixed.example/', { lookup })).ruleId).toBe(
      'fetch:private-address',
    );
  });

  it('should report a host that does not resolve', async () => {
    const { lookup } = countingLookup({});
    const message = failed(await fetchDocument('http://nowhere.example/', { lookup }));
    expect(message.ruleId).toBe('fetch:dns');
    expect(message.reason).toContain('nowhere.example');
  });

  it('should count a hanging DNS lookup in the time limit', async () => {
    const lookup = () => new Promise<never>(() => undefined);
    const message = failed(await fetchDocument('http://stuck.example/', { lookup, timeoutMs: 100 }));
    expect(message.ruleId).toBe('fetch:timeout');
    expect(message.reason).toContain('100 ms');
  });

  describe('with public.test and other.test intercepted to the local server', () => {
    const { lookup } = countingLookup({
      'public.test': ['93.184.215.14'],
      'other.test': ['2606:4700::1111'],
      'internal.test': ['127.0.0.1'],
    });
    // Stands in for the network: the guard sees public addresses, the bytes come from 127.0.0.1.
    const intercept = (url: string, init: RequestInit) =>
      fetch(url.replace(/^http:\/\/(public|other)\.test/, base), init);

    it('should fetch from a host that resolves to a public address', async () => {
      const outcome = succeeded(
        await fetchDocumentWith(intercept, 'http://public.test/page.html', { lookup }),
      );
      expect(outcome.finalUrl).toBe('http://public.test/page.html');
    });

    it('should refuse a redirect from a public host to a private address and not follow it', async () => {
      for (const target of [
        `${base}/page.html`,
        'http://internal.test/page.html',
        'http://169.254.169.254/latest',
      ]) {
        hits = [];
        const transport = (url: string, init: RequestInit) =>
          url.startsWith('http://public.test')
            ? Promise.resolve(new Response(null, { status: 302, headers: { location: target } }))
            : intercept(url, init);
        const message = failed(await fetchDocumentWith(transport, 'http://public.test/start', { lookup }));
        expect(message.ruleId).toBe('fetch:private-address');
        expect(message.place).toBe('http://public.test/start');
        expect(hits).toHaveLength(0);
      }
    });

    it('should drop credentials headers on a redirect to another origin', async () => {
      const transport = (url: string, init: RequestInit) =>
        url === 'http://public.test/start'
          ? Promise.resolve(
              new Response(null, { status: 302, headers: { location: 'http://other.test/page.html' } }),
            )
          : intercept(url, init);
      const headers = { Authorization: 'Bearer t', 'X-Trace': 'abc' };
      succeeded(await fetchDocumentWith(transport, 'http://public.test/start', { lookup, headers }));
      expect(hits[0]?.headers.authorization).toBeUndefined();
      expect(hits[0]?.headers['x-trace']).toBe('abc');
    });
  });
});
