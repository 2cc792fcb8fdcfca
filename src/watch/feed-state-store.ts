import { z } from 'zod';
import type { ClusteringState } from '../store/store.js';
import { createFeedState, SEEN_LIMIT, type FeedState } from './feed-schedule.js';

/** The part of a store the watcher keeps its per-feed state in (the clustering-state blobs). */
export interface WatchStateStore {
  getClusteringState(index: string): Promise<ClusteringState | null>;
  putClusteringState(index: string, state: unknown): Promise<void>;
}

export const feedStateKey = (url: string): string => `watch:${url}`;

const persistedSchema = z.object({
  etag: z.string().nullable().catch(null),
  lastModified: z.string().nullable().catch(null),
  failures: z.number().int().min(0).catch(0),
  nextPollAt: z.number().catch(0),
  lastError: z.string().nullable().catch(null),
  seen: z.array(z.string()).catch([]),
});

/**
 * The feed's saved state, or a fresh one. A healthy feed is due at once (whoever starts
 * the watcher, a person or cron, chose the moment); a failing one keeps its backoff.
 */
export async function loadFeedState(store: WatchStateStore, url: string): Promise<FeedState> {
  const saved = await store.getClusteringState(feedStateKey(url));
  const parsed = persistedSchema.safeParse(saved?.state);
  if (!parsed.success) return createFeedState(url);
  const state = parsed.data;
  return {
    url,
    ...state,
    nextPollAt: state.failures > 0 ? state.nextPollAt : 0,
    seen: state.seen.slice(-SEEN_LIMIT),
  };
}

export async function saveFeedState(store: WatchStateStore, state: FeedState): Promise<void> {
  const { url, ...rest } = state;
  await store.putClusteringState(feedStateKey(url), rest);
}
