import { createHash } from 'node:crypto';
import type { Annotations } from '../model/annotations.js';
import { DEFAULT_CLUSTER_OPTIONS, StoryClusterer, type ClusterOptions } from '../stories/cluster-stories.js';
import { ClustererStateError } from '../stories/clusterer-state.js';
import { pickStoryTitle } from '../stories/pick-story-title.js';
import { storyFeatures } from '../stories/story-features.js';
import type { StoryAssigner } from './assign-stories.js';
import type { StoredArticle, StoryWriter } from './store.js';

/** The clustering index (`getClusteringState` / `putClusteringState`) that holds story assignment. */
export const STORIES_INDEX = 'stories';

/** A story's title is recomputed from its first this many articles, then left alone. */
const TITLE_SAMPLE = 8;

const ENTITY_TYPES = new Set(['person', 'organization', 'place']);

export interface ClusteringAssignerOptions {
  /** Clustering options for a fresh state (a saved state keeps the options it was made with). */
  cluster?: ClusterOptions;
  /** Heaviest centroid terms each story keeps in the saved state (default: the clusterer's). */
  maxCentroidTerms?: number;
  /** Told when the saved state cannot be restored and clustering starts afresh (default: a process warning). */
  onWarning?: (message: string) => void;
}

/** Stable id of the story whose first article (in assignment order) is `firstArticleId`. */
export function storyIdFor(firstArticleId: string): string {
  return `story-${createHash('sha256').update(firstArticleId).digest('hex').slice(0, 16)}`;
}

/** Entity keys of people, organisations and places from stored annotations, or null without any. */
export function entityKeys(annotations: Annotations | null | undefined): string[] | null {
  const mentions = annotations?.mentions;
  if (!mentions || mentions.length === 0) return null;
  return mentions.filter((m) => ENTITY_TYPES.has(m.type)).map((m) => m.key);
}

/**
 * Story assignment by the stories part's online clustering, its state persisted in the
 * store. It runs inside `withStoryLock` (see `ingestRecords`): the PostgreSQL advisory
 * lock or SQLite's BEGIN IMMEDIATE serialises every assigner of every worker and
 * machine, so each call loads the latest state, adds its articles and saves the state in
 * the same transaction as the assignments. That is the design's "single assigning role"
 * answer to concurrency: stories are decided one batch at a time, never in parallel, and
 * a batch that fails rolls back its assignments and its state together.
 */
export function createClusteringAssigner(options: ClusteringAssignerOptions = {}): StoryAssigner {
  const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
  return {
    async assign(writer, articleIds) {
      const clusterer = await loadClusterer(writer, options.cluster ?? DEFAULT_CLUSTER_OPTIONS, warn);
      const added = new Map<number, StoredArticle[]>();
      for (const id of articleIds) {
        const stored = await writer.getArticle(id);
        if (!stored) continue;
        let story = clusterer.storyOf(id);
        if (story < 0) story = clusterer.add(storyFeatures(stored.article, entityKeys(stored.annotations)));
        const list = added.get(story);
        if (list) list.push(stored);
        else added.set(story, [stored]);
      }
      for (const [story, articles] of added) {
        const storyId = storyIdFor(clusterer.articleId(clusterer.members(story)[0] as number));
        await writer.putStory({ id: storyId, title: await storyTitle(writer, storyId, articles) });
        for (const stored of articles) await writer.assignArticle(storyId, stored.article.id);
      }
      const state = clusterer.toState(
        options.maxCentroidTerms === undefined ? {} : { maxCentroidTerms: options.maxCentroidTerms },
      );
      await writer.putClusteringState(STORIES_INDEX, state);
    },
  };
}

async function loadClusterer(
  writer: StoryWriter,
  cluster: ClusterOptions,
  warn: (message: string) => void,
): Promise<StoryClusterer> {
  const saved = await writer.getClusteringState(STORIES_INDEX);
  if (!saved) return new StoryClusterer(cluster);
  try {
    return StoryClusterer.fromState(saved.state);
  } catch (error) {
    if (!(error instanceof ClustererStateError)) throw error;
    warn(
      `${error.message}; story clustering starts afresh (revision ${saved.revision} is replaced): ` +
        'articles already stored keep their stories, new ones will not join them',
    );
    return new StoryClusterer(cluster);
  }
}

/** Title from the story's first TITLE_SAMPLE articles; a story that already had that many keeps its title. */
async function storyTitle(
  writer: StoryWriter,
  storyId: string,
  added: StoredArticle[],
): Promise<string | null> {
  const existing = await writer.getStory(storyId);
  const earlier = existing?.articleIds ?? [];
  if (existing && earlier.length >= TITLE_SAMPLE) return existing.title;
  const sample = [];
  for (const id of earlier) {
    const stored = await writer.getArticle(id);
    if (stored) sample.push(stored.article);
  }
  for (const stored of added) if (sample.length < TITLE_SAMPLE) sample.push(stored.article);
  return pickStoryTitle(sample) || null;
}
