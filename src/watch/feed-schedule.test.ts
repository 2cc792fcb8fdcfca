import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  afterSuccess,
  backoffMs,
  checkPolicy,
  conditionalHeaders,
  createFeedState,
  isDue,
  nextDueAt,
  rememberKeys,
  withJitter,
  type SchedulePolicy,
} from './feed-schedule.js';
import { feedStateKey, loadFeedState, saveFeedState, type WatchStateStore } from './feed-state-store.js';
import { readFeedList } from './read-feed-list.js';
import { mapLimited } from './run-round.js';

const policy: SchedulePolicy = { everyMs: 60_000, maxBackoffMs: 600_000, jitter: 0.1 };
const middle = (): number => 0.5;

describe('feed schedule', () => {
  it('should double the wait after each failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffMs(n, policy))).toEqual([
      120_000, 240_000, 480_000, 600_000, 600_000, 600_000,
    ]);
  });

  it('should keep jitter within the spread', () => {
    expect(withJitter(1000, 0.1, () => 0)).toBe(900);
    expect(withJitter(1000, 0.1, middle)).toBe(1000);
    expect(withJitter(1000, 0.1, () => 0.999999)).toBeLessThanOrEqual(1100);
  });

  it('should back off a failing feed and reset on success, keeping validators across a 304', () => {
    let state = afterSuccess(
      createFeedState('http://x/feed'),
      { etag: '"a"', lastModified: 'Mon' },
      0,
      policy,
      middle,
    );
    expect(state.nextPollAt).toBe(60_000);
    expect(conditionalHeaders(state)).toEqual({ 'if-none-match': '"a"', 'if-modified-since': 'Mon' });
    state = afterFailure(state, 'boom', 60_000, policy, middle);
    state = afterFailure(state, 'boom', 180_000, policy, middle);
    expect(state).toMatchObject({ failures: 2, lastError: 'boom', nextPollAt: 180_000 + 240_000 });
    expect(isDue(state, 400_000)).toBe(false);
    expect(isDue(state, 420_000)).toBe(true);
    state = afterSuccess(state, {}, 420_000, policy, middle);
    expect(state).toMatchObject({ failures: 0, lastError: null, etag: '"a"', lastModified: 'Mon' });
    expect(nextDueAt([state, { ...state, nextPollAt: 5 }])).toBe(5);
  });

  it('should send no conditional headers for a new feed', () => {
    expect(conditionalHeaders(createFeedState('http://x/feed'))).toEqual({});
  });

  it('should remember each key once and only the most recent ones', () => {
    expect(rememberKeys(['a', 'b'], ['b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(rememberKeys(['a', 'b', 'c'], ['d'], 3)).toEqual(['b', 'c', 'd']);
  });

  it('should refuse a policy whose cap is below its interval', () => {
    expect(() => checkPolicy({ ...policy, maxBackoffMs: 1 })).toThrow(TypeError);
  });
});

describe('feed state in the store', () => {
  const memory = (): WatchStateStore & { blobs: Map<string, unknown> } => {
    const blobs = new Map<string, unknown>();
    return {
      blobs,
      getClusteringState: async (index) =>
        blobs.has(index) ? { state: blobs.get(index), revision: 1, updatedAt: '' } : null,
      putClusteringState: async (index, state) => void blobs.set(index, JSON.parse(JSON.stringify(state))),
    };
  };

  it('should make a healthy feed due at once and keep a failing feed backing off', async () => {
    const store = memory();
    const healthy = afterSuccess(
      createFeedState('http://a/feed'),
      { etag: '"e"', taken: ['link:x'] },
      0,
      policy,
      middle,
    );
    const failing = afterFailure(createFeedState('http://b/feed'), 'down', 0, policy, middle);
    await saveFeedState(store, healthy);
    await saveFeedState(store, failing);
    expect(store.blobs.has(feedStateKey('http://a/feed'))).toBe(true);
    expect(await loadFeedState(store, 'http://a/feed')).toEqual({ ...healthy, nextPollAt: 0 });
    expect(await loadFeedState(store, 'http://b/feed')).toEqual(failing);
    expect(await loadFeedState(store, 'http://c/feed')).toEqual(createFeedState('http://c/feed'));
  });
});

describe('readFeedList', () => {
  it('should read URLs, skip comments and blank lines, and name bad lines', () => {
    expect(readFeedList('# news\nhttps://a.example/rss\n\n  http://b.example/atom  \nfeeds.txt\n')).toEqual({
      urls: ['https://a.example/rss', 'http://b.example/atom'],
      problems: [{ line: 5, text: 'feeds.txt' }],
    });
  });
});

describe('mapLimited', () => {
  it('should never run more calls at once than the limit, and keep order', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimited([5, 1, 4, 2, 3], 2, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running -= 1;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });
});
