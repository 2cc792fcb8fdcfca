import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { Report } from '../model/report.js';
import { reportStoredArticles } from '../report/report-stored-articles.js';
import { loadArticlesById } from '../store/load-story-articles.js';
import type { Store, StorySummary } from '../store/store.js';

/** What the story list shows of a story's comparison. */
export interface StoryCounts {
  /** Subjects on which the sources differ, over the report's stories. */
  discrepancyCount: number;
  /** Claims that another claim rebuts: disputes between actors, not between sources. */
  disputeCount: number;
}

export interface StoryReport extends StoryCounts {
  /** The report, serialised and encoded once (the route sends these bytes as they are). */
  json: Buffer;
  /** The same bytes gzipped, made on first use, for clients that accept it (a report is mostly article text). */
  gzip(): Buffer;
  /** Strong validator of this version of the story's report. */
  etag: string;
}

/**
 * Story reports computed on demand and kept while the story does not change. The key
 * holds `updatedAt` and the article count, which every assignment to or away from the
 * story changes, so a stale report is never served; old keys simply age out.
 */
export interface StoryReports {
  /** The report `corroborate story <id> --format json` gives, or null for an unknown story. */
  report(storyId: string): Promise<StoryReport | null>;
  /** Forgets which story versions were seen recently, so the next read asks the store (after a write through this process). */
  invalidate(): void;
  /** The counts for a listed story (from the cache when its report or counts are there). */
  counts(summary: StorySummary): Promise<StoryCounts>;
}

export interface StoryReportsOptions {
  /** Reports kept (each holds its articles' text). Default 200. */
  maxReports?: number;
  /**
   * How long a looked-up story version is trusted without asking the store again, in ms.
   * Default 0: every read asks. A server sets it to spare its hottest path a query; writes
   * from other processes then show within that time (its own writes call invalidate()).
   */
  freshnessMs?: number;
  /** Counts kept (a few bytes each). Default 20,000. */
  maxCounts?: number;
}

type Keyed = Pick<StorySummary, 'id' | 'updatedAt' | 'articleCount'>;
const keyOf = (story: Keyed): string => `${story.id}\u0000${story.updatedAt}\u0000${story.articleCount}`;

/** Counts of a report's stories (the report shape of `analyzeArticles`). */
export function countReport(report: Report): StoryCounts {
  let discrepancyCount = 0;
  let disputeCount = 0;
  for (const story of report.stories as {
    discrepancies?: unknown[];
    claims?: { rebuttedBy?: unknown[] }[];
  }[]) {
    discrepancyCount += story.discrepancies?.length ?? 0;
    disputeCount += (story.claims ?? []).filter((c) => (c.rebuttedBy?.length ?? 0) > 0).length;
  }
  return { discrepancyCount, disputeCount };
}

/** A bounded map that forgets the least recently used entry first. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** Story reports over a store, as `corroborate story` builds them (articles in id order, analysed together). */
export function createStoryReports(store: Store, options: StoryReportsOptions = {}): StoryReports {
  const reports = new Lru<StoryReport>(Math.max(1, options.maxReports ?? 200));
  const counts = new Lru<StoryCounts>(Math.max(1, options.maxCounts ?? 20_000));
  // Two requests for one uncached story share one computation.
  const pending = new Map<string, Promise<StoryReport | null>>();

  const freshnessMs = Math.max(0, options.freshnessMs ?? 0);
  // Story id → the version last looked up and when; within freshnessMs it is trusted without a query.
  const checked = new Map<string, { key: string; at: number }>();

  const compute = async (storyId: string): Promise<StoryReport | null> => {
    const recent = freshnessMs > 0 ? checked.get(storyId) : undefined;
    if (recent && performance.now() - recent.at < freshnessMs) {
      const hit = reports.get(recent.key);
      if (hit) return hit;
    }
    const story = await store.getStory(storyId);
    if (!story) return null;
    const key = keyOf(story);
    if (freshnessMs > 0) {
      checked.delete(storyId);
      checked.set(storyId, { key, at: performance.now() });
      if (checked.size > 20_000) checked.delete(checked.keys().next().value!);
    }
    const cached = reports.get(key);
    if (cached) return cached;
    const inFlight = pending.get(key);
    if (inFlight) return inFlight;
    const work = (async () => {
      const articles = await loadArticlesById(store, story.articleIds);
      const report = reportStoredArticles(articles);
      const json = Buffer.from(JSON.stringify(report), 'utf8');
      let gzipped: Buffer | null = null;
      const entry: StoryReport = {
        json,
        gzip: () => (gzipped ??= gzipSync(json)),
        etag: `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`,
        ...countReport(report),
      };
      reports.set(key, entry);
      counts.set(key, { discrepancyCount: entry.discrepancyCount, disputeCount: entry.disputeCount });
      return entry;
    })();
    pending.set(key, work);
    try {
      return await work;
    } finally {
      pending.delete(key);
    }
  };

  return {
    report: compute,
    invalidate: () => checked.clear(),
    async counts(summary) {
      const known = counts.get(keyOf(summary));
      if (known) return known;
      const entry = await compute(summary.id);
      return entry
        ? { discrepancyCount: entry.discrepancyCount, disputeCount: entry.disputeCount }
        : { discrepancyCount: 0, disputeCount: 0 };
    },
  };
}
