/** How often feeds are polled and how a failing feed backs off. */
export interface SchedulePolicy {
  /** Time between polls of a healthy feed, in milliseconds. */
  everyMs: number;
  /** Longest wait after repeated failures, in milliseconds. */
  maxBackoffMs: number;
  /** Spread of each wait, as a fraction (0.1: ±10 %), so feeds of one host do not line up. */
  jitter: number;
}

/** Where one feed stands: its validators, its failures and when it is due again. */
export interface FeedState {
  url: string;
  /** `ETag` of the last full response, sent back as `If-None-Match`. */
  etag: string | null;
  /** `Last-Modified` of the last full response, sent back as `If-Modified-Since`. */
  lastModified: string | null;
  /** Failures in a row; 0 when the last poll worked. */
  failures: number;
  /** Epoch milliseconds at or after which the feed is polled again. */
  nextPollAt: number;
  lastError: string | null;
  /** Keys (link, guid, content hash) of items already taken, most recent last. */
  seen: string[];
}

/** Items remembered per feed: more than any feed carries at once, so old items are never taken again. */
export const SEEN_LIMIT = 2000;

export const DEFAULT_POLICY: SchedulePolicy = {
  everyMs: 5 * 60_000,
  maxBackoffMs: 6 * 3_600_000,
  jitter: 0.1,
};

export function checkPolicy(policy: SchedulePolicy): SchedulePolicy {
  const { everyMs, maxBackoffMs, jitter } = policy;
  if (!(Number.isFinite(everyMs) && everyMs > 0))
    throw new TypeError(`schedule policy: everyMs must be a positive number of milliseconds, got ${everyMs}`);
  if (!(Number.isFinite(maxBackoffMs) && maxBackoffMs >= everyMs))
    throw new TypeError(
      `schedule policy: maxBackoffMs must be at least everyMs (${everyMs}), got ${maxBackoffMs}`,
    );
  if (!(jitter >= 0 && jitter < 1))
    throw new TypeError(`schedule policy: jitter must be a fraction in [0, 1), got ${jitter}`);
  return policy;
}

export function createFeedState(url: string): FeedState {
  return { url, etag: null, lastModified: null, failures: 0, nextPollAt: 0, lastError: null, seen: [] };
}

export const isDue = (state: FeedState, now: number): boolean => state.nextPollAt <= now;

/** The request headers that let the server answer 304 when nothing changed. */
export function conditionalHeaders(state: FeedState): Record<string, string> {
  const headers: Record<string, string> = {};
  if (state.etag) headers['if-none-match'] = state.etag;
  if (state.lastModified) headers['if-modified-since'] = state.lastModified;
  return headers;
}

/** `ms` spread by ±jitter; `random` returns [0, 1) (0.5 gives `ms` exactly). */
export const withJitter = (ms: number, jitter: number, random: () => number): number =>
  Math.round(ms * (1 + jitter * (2 * random() - 1)));

/** The wait after `failures` failures in a row: doubling from twice the interval, capped. */
export const backoffMs = (failures: number, policy: SchedulePolicy): number =>
  Math.min(policy.maxBackoffMs, policy.everyMs * 2 ** Math.min(failures, 40));

export interface PollSuccess {
  /** Validators of a full (200) response; absent after a 304, which keeps the old ones. */
  etag?: string | null;
  lastModified?: string | null;
  /** Keys of the items taken in this poll. */
  taken?: string[];
}

export function afterSuccess(
  state: FeedState,
  success: PollSuccess,
  now: number,
  policy: SchedulePolicy,
  random: () => number,
): FeedState {
  return {
    ...state,
    etag: success.etag !== undefined ? success.etag : state.etag,
    lastModified: success.lastModified !== undefined ? success.lastModified : state.lastModified,
    failures: 0,
    lastError: null,
    nextPollAt: now + withJitter(policy.everyMs, policy.jitter, random),
    seen: rememberKeys(state.seen, success.taken ?? []),
  };
}

export function afterFailure(
  state: FeedState,
  error: string,
  now: number,
  policy: SchedulePolicy,
  random: () => number,
): FeedState {
  const failures = state.failures + 1;
  return {
    ...state,
    failures,
    lastError: error,
    nextPollAt: now + withJitter(backoffMs(failures, policy), policy.jitter, random),
  };
}

/** Adds keys once each, keeping the most recent `limit`. */
export function rememberKeys(seen: string[], keys: string[], limit: number = SEEN_LIMIT): string[] {
  if (!keys.length) return seen;
  const added = new Set(keys);
  const merged = [...seen.filter((key) => !added.has(key)), ...added];
  return merged.length > limit ? merged.slice(merged.length - limit) : merged;
}

/** The earliest time any feed is due, or null with no feeds. */
export function nextDueAt(states: Iterable<FeedState>): number | null {
  let earliest: number | null = null;
  for (const state of states)
    if (earliest === null || state.nextPollAt < earliest) earliest = state.nextPollAt;
  return earliest;
}
