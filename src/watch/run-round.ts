import type { Article } from '../model/article.js';
import type { Message } from '../model/message.js';
import { afterFailure, afterSuccess, isDue, type FeedState, type SchedulePolicy } from './feed-schedule.js';
import type { PollOutcome } from './poll-feed.js';

export interface RoundDeps {
  /** Polls one feed; must not throw for a feed's own failure (it returns `failed`). */
  poll: (state: FeedState) => Promise<PollOutcome>;
  /** Stores the new articles of the round and assigns their stories. */
  ingest: (articles: Article[]) => Promise<{ stored: number }>;
  /** Persists one feed's state after the round; optional. */
  save?: (state: FeedState) => Promise<void>;
  policy: SchedulePolicy;
  /** Feeds polled at once. */
  concurrency: number;
  now: () => number;
  random: () => number;
}

export interface FeedError {
  url: string;
  error: string;
  failures: number;
  /** Epoch milliseconds of the next attempt. */
  retryAt: number;
}

export interface RoundSummary {
  round: number;
  /** Feeds polled this round (due ones). */
  polled: number;
  /** Feeds skipped because they are backing off or not yet due. */
  waiting: number;
  notModified: number;
  newItems: number;
  stored: number;
  errors: FeedError[];
  messages: Message[];
}

type Polled = { state: FeedState; outcome: PollOutcome };

/**
 * Polls every due feed (a few at once), ingests the new items of all of them in one
 * batch, then moves each feed's schedule on: validators and seen items are kept only
 * once their items are stored, so a failed ingest retries the same items.
 */
export async function runRound(
  states: Map<string, FeedState>,
  deps: RoundDeps,
  round: number,
): Promise<RoundSummary> {
  const start = deps.now();
  const due = [...states.values()].filter((s) => isDue(s, start));
  const polled = await mapLimited(due, deps.concurrency, async (state): Promise<Polled> => {
    try {
      return { state, outcome: await deps.poll(state) };
    } catch (error) {
      return { state, outcome: { kind: 'failed', error: (error as Error).message ?? String(error) } };
    }
  });

  const articles = polled.flatMap((p) => (p.outcome.kind === 'fetched' ? p.outcome.articles : []));
  let stored = 0;
  let ingestError: string | null = null;
  if (articles.length) {
    try {
      stored = (await deps.ingest(articles)).stored;
    } catch (error) {
      ingestError = `new items could not be stored: ${(error as Error).message ?? String(error)}`;
    }
  }

  const now = deps.now();
  const summary: RoundSummary = {
    round,
    polled: due.length,
    waiting: states.size - due.length,
    notModified: 0,
    newItems: articles.length,
    stored,
    errors: [],
    messages: [],
  };
  for (const { state, outcome } of polled) {
    const next = nextState(state, outcome, ingestError, now, deps);
    states.set(state.url, next);
    if (outcome.kind === 'not-modified') summary.notModified += 1;
    if (outcome.kind === 'fetched') summary.messages.push(...outcome.messages);
    if (next.failures > 0)
      summary.errors.push({
        url: next.url,
        error: next.lastError ?? '',
        failures: next.failures,
        retryAt: next.nextPollAt,
      });
  }
  if (deps.save) {
    for (const { state } of polled) {
      try {
        await deps.save(states.get(state.url)!);
      } catch (error) {
        summary.errors.push({
          url: state.url,
          error: `its state could not be saved: ${(error as Error).message}`,
          failures: 0,
          retryAt: states.get(state.url)!.nextPollAt,
        });
      }
    }
  }
  return summary;
}

function nextState(
  state: FeedState,
  outcome: PollOutcome,
  ingestError: string | null,
  now: number,
  deps: RoundDeps,
): FeedState {
  switch (outcome.kind) {
    case 'failed':
      return afterFailure(state, outcome.error, now, deps.policy, deps.random);
    case 'not-modified':
      return afterSuccess(state, {}, now, deps.policy, deps.random);
    case 'fetched':
      if (ingestError && outcome.articles.length)
        return afterFailure(state, ingestError, now, deps.policy, deps.random);
      return afterSuccess(
        state,
        { etag: outcome.etag, lastModified: outcome.lastModified, taken: outcome.taken },
        now,
        deps.policy,
        deps.random,
      );
  }
}

/** Maps with at most `limit` calls in flight, keeping input order. */
export async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
