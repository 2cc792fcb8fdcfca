import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { watchCommand } from '../cli/commands/watch.js';
import type { Article } from '../model/article.js';
import { openStore } from '../store/open-store.js';
import { createFeedState, type FeedState, type SchedulePolicy } from './feed-schedule.js';
import { pollFeed } from './poll-feed.js';
import { runRound, type RoundDeps } from './run-round.js';
import { watchFeeds } from './watch-feeds.js';

const LONG =
  'The river authority opened all four flood gates at Kellmar on Tuesday after two days of heavy rain, ' +
  'and engineers said the water level at the old mill bridge had risen by more than two metres since Sunday. ' +
  'Residents of the low streets near the quay were asked to move cars and valuables to higher ground, and the ' +
  'town council opened the sports hall as a shelter for anyone who could not stay with relatives. ' +
  'Officials said the gates would stay open at least until Thursday, when the rain is expected to ease. ' +
  'The last time all four gates were opened was in the spring of 2013, when the quay flooded for a week.';

const PAGE_BODY =
  'Ferry services between Orlo and the mainland were suspended on Wednesday morning after a storm damaged the ' +
  'landing stage, the operator said. Repair crews were sent from the mainland harbour at first light.';

const page = `<!doctype html><html><head><title>Ferries suspended after storm</title></head><body>
<article><h1>Ferries suspended after storm</h1>
<p>${PAGE_BODY}</p>
<p>The operator said it expected the first sailings to resume on Friday if the weather allowed, and that tickets for cancelled crossings would be refunded in full.</p>
<p>Islanders who need to reach the hospital on the mainland can call the coastguard, which has put a boat on standby at the north quay.</p>
</article></body></html>`;

const feed = (base: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>${base}/</link><description>News</description>
<item><title>Flood gates opened at Kellmar</title><link>${base}/flood.html</link><guid>flood-1</guid>
<pubDate>Tue, 01 Apr 2025 09:00:00 GMT</pubDate><description>${LONG}</description></item>
<item><title>Ferries suspended after storm</title><link>${base}/ferry.html</link><guid>ferry-1</guid>
<pubDate>Wed, 02 Apr 2025 07:30:00 GMT</pubDate><description>Ferry services to Orlo were suspended after a storm.</description></item>
</channel></rss>`;

const teaserFeed = (base: string): string => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Valley Courier</title><link>${base}/</link>
<item><title>Council approves new harbour wall</title><link>${base}/gone.html</link>
<description>The council approved a new harbour wall at Kellmar on Monday evening.</description></item>
</channel></rss>`;

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server;
let base = '';
const requests: Seen[] = [];
const count = (path: string): number => requests.filter((r) => r.path === path).length;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    if (path === '/feed.xml' || path === '/other.xml') {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed(base));
      return;
    }
    if (path === '/teaser.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(teaserFeed(base));
      return;
    }
    if (path === '/ferry.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return;
    }
    res.writeHead(500, { 'content-type': 'text/plain' }).end('server error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const policy: SchedulePolicy = { everyMs: 60_000, maxBackoffMs: 600_000, jitter: 0 };

function deps(clock: { t: number }, ingested: Article[]): RoundDeps {
  return {
    poll: (state: FeedState) => pollFeed(state, { allowPrivate: true, timeoutMs: 5000 }),
    ingest: async (articles) => {
      ingested.push(...articles);
      return { stored: articles.length };
    },
    policy,
    concurrency: 2,
    now: () => clock.t,
    random: () => 0.5,
  };
}

describe('pollFeed', () => {
  it('should refuse a loopback feed unless private addresses are allowed', async () => {
    const outcome = await pollFeed(createFeedState(`${base}/feed.xml`), { timeoutMs: 5000 });
    expect(outcome.kind).toBe('failed');
  });
});

describe('pollFeed items', () => {
  it('should skip items already seen by link without fetching their pages', async () => {
    requests.length = 0;
    const state = {
      ...createFeedState(`${base}/feed.xml`),
      seen: [`link:${base}/flood.html`, `guid:ferry-1`],
    };
    const outcome = await pollFeed(state, { allowPrivate: true, timeoutMs: 5000 });
    expect(outcome).toMatchObject({ kind: 'fetched', items: 2, articles: [], etag: '"v1"' });
    expect(count('/ferry.html')).toBe(0);
  });

  it('should keep the summary, with a note, when the item page cannot be fetched', async () => {
    const outcome = await pollFeed(createFeedState(`${base}/teaser.xml`), {
      allowPrivate: true,
      timeoutMs: 5000,
    });
    if (outcome.kind !== 'fetched') throw new Error(`expected the feed to be read, got ${outcome.kind}`);
    expect(outcome.articles).toHaveLength(1);
    const [article] = outcome.articles;
    expect(article!.text).toContain('new harbour wall');
    expect(article!.messages.map((m) => m.ruleId)).toContain('watch:page-unavailable');
    expect(outcome.taken).toContain(`link:${base}/gone.html`);
  });
});

describe('runRound', () => {
  it('should back off a failing feed while another feed is still polled', async () => {
    requests.length = 0;
    const clock = { t: 0 };
    const ingested: Article[] = [];
    const good = `${base}/other.xml`;
    const bad = `${base}/broken.xml`;
    const states = new Map([good, bad].map((url) => [url, createFeedState(url)]));

    const first = await runRound(states, deps(clock, ingested), 1);
    expect(first).toMatchObject({ polled: 2, newItems: 2, stored: 2 });
    expect(first.errors).toEqual([expect.objectContaining({ url: bad, failures: 1, retryAt: 120_000 })]);
    expect(ingested.map((a) => a.title)).toContain('Flood gates opened at Kellmar');

    clock.t = 60_000;
    const second = await runRound(states, deps(clock, ingested), 2);
    expect(second).toMatchObject({ polled: 1, waiting: 1, notModified: 1, newItems: 0 });
    expect(count('/broken.xml')).toBe(1);
    expect(count('/other.xml')).toBe(2);

    clock.t = 120_000;
    const third = await runRound(states, deps(clock, ingested), 3);
    expect(third.polled).toBe(2);
    expect(count('/broken.xml')).toBe(2);
    expect(states.get(bad)).toMatchObject({ failures: 2, nextPollAt: 120_000 + 240_000 });
    expect(ingested).toHaveLength(2);
  });

  it('should keep a feed’s items for the next round when they could not be stored', async () => {
    const clock = { t: 0 };
    const states = new Map([[`${base}/other.xml`, createFeedState(`${base}/other.xml`)]]);
    const failing: RoundDeps = {
      ...deps(clock, []),
      ingest: async () => {
        throw new Error('disk full');
      },
    };
    const round = await runRound(states, failing, 1);
    expect(round.errors[0]?.error).toMatch(/disk full/);
    expect(states.get(`${base}/other.xml`)).toMatchObject({ etag: null, seen: [] });
  });
});

describe('watchFeeds', () => {
  it('should stop when the signal aborts while it waits for the next round', async () => {
    const stop = new AbortController();
    const clock = { t: 0 };
    const result = await watchFeeds({
      ...deps(clock, []),
      feeds: [`${base}/broken.xml`],
      signal: stop.signal,
      onRound: () => setTimeout(() => stop.abort(), 20),
    });
    expect(result.rounds).toBe(1);
  });
});

/** Runs the watch command in-process; returns its stderr and exit code. */
async function runWatch(args: string[]): Promise<{ stderr: string; code: number }> {
  const command = watchCommand();
  const program = new Command('corroborate').addCommand(command).exitOverride();
  command.exitOverride();
  let stderr = '';
  const errors = vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string) => {
    stderr += chunk;
    return true;
  }) as typeof process.stderr.write);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'corroborate', 'watch', ...args]);
  } finally {
    errors.mockRestore();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stderr, code };
}

describe('watch command', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corroborate-watch-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('should ingest new items, fetch the page of a summary-only item, then get 304 on the next round', async () => {
    requests.length = 0;
    const db = join(dir, 'watch.db');
    const args = [`${base}/feed.xml`, '--db', db, '--once', '--allow-private', '--timeout', '5s'];

    const first = await runWatch(args);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/1 feed polled, 2 new items, 2 stored, 0 errors/);
    expect(count('/ferry.html')).toBe(1);
    expect(count('/flood.html')).toBe(0);

    const second = await runWatch(args);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/1 feed polled \(1 not modified\), 0 new items/);
    const feedRequests = requests.filter((r) => r.path === '/feed.xml');
    expect(feedRequests[0]?.headers['if-none-match']).toBeUndefined();
    expect(feedRequests[1]?.headers['if-none-match']).toBe('"v1"');

    const store = await openStore(db);
    try {
      const page = await store.listArticles({ limit: 10 });
      expect(page.items).toHaveLength(2);
      const ferry = page.items.find((s) => s.article.id === `${base}/ferry.html`);
      expect(ferry?.article.text).toContain('Repair crews were sent');
      expect(ferry?.storyId).not.toBeNull();
    } finally {
      await store.close();
    }
  });

  it('should exit 1 after one round when a feed fails, still ingesting the others', async () => {
    const db = join(dir, 'mixed.db');
    const result = await runWatch([
      `${base}/broken.xml`,
      `${base}/other.xml`,
      '--db',
      db,
      '--once',
      '--allow-private',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/2 feeds polled, 2 new items, 2 stored, 1 error/);
    expect(result.stderr).toContain(`${base}/broken.xml`);
  });

  it('should refuse an argument that is neither a URL nor a file', async () => {
    await expect(runWatch(['no-such-list.txt', '--once'])).rejects.toThrow(/neither an http\(s\) URL/);
  });
});
