import { setTimeout as delay } from 'node:timers/promises';
import { checkPolicy, createFeedState, nextDueAt, type FeedState } from './feed-schedule.js';
import { runRound, type RoundDeps, type RoundSummary } from './run-round.js';

export interface WatchOptions extends RoundDeps {
  feeds: string[];
  /** One round, then return (tests, cron). */
  once?: boolean;
  /** Stops the loop between rounds; pass the same signal to `poll` to end fetches early. */
  signal?: AbortSignal;
  /** Each feed's state at start (e.g. from the store); a fresh state when absent. */
  load?: (url: string) => Promise<FeedState>;
  onRound?: (summary: RoundSummary) => void;
  /** Waits until the next feed is due; resolves early when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface WatchResult {
  rounds: number;
  last: RoundSummary | null;
  states: Map<string, FeedState>;
}

/** Shortest pause between rounds, so clock skew never turns the loop into a busy wait. */
const MIN_PAUSE_MS = 50;

/**
 * Polls the feeds round after round until the signal aborts (or once): every round
 * takes the feeds that are due, and the loop sleeps until the next one is.
 */
export async function watchFeeds(options: WatchOptions): Promise<WatchResult> {
  if (!Array.isArray(options.feeds) || options.feeds.length === 0)
    throw new TypeError('watchFeeds(options): options.feeds must list at least one feed URL');
  checkPolicy(options.policy);
  const sleep = options.sleep ?? sleepUnlessAborted;
  const states = new Map<string, FeedState>();
  for (const url of new Set(options.feeds))
    states.set(url, options.load ? await options.load(url) : createFeedState(url));

  let rounds = 0;
  let last: RoundSummary | null = null;
  while (!options.signal?.aborted) {
    rounds += 1;
    last = await runRound(states, options, rounds);
    options.onRound?.(last);
    if (options.once || options.signal?.aborted) break;
    const due = nextDueAt(states.values()) ?? options.now() + options.policy.everyMs;
    await sleep(Math.max(MIN_PAUSE_MS, due - options.now()), options.signal);
  }
  return { rounds, last, states };
}

async function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, signal ? { signal } : {});
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  }
}
