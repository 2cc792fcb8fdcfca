import type { ClusterOptions } from './cluster-stories.js';

/** Version of `ClustererState`; a state with another one is refused, never guessed at. */
export const CLUSTERER_STATE_VERSION = 1;

/**
 * Heaviest centroid terms a saved story keeps. Chosen by online runs in the
 * `npm run eval -- stories` set-up (default options, no entities, shuffled orders) that
 * save the state through JSON and restore it after every 10 articles — far more often
 * than ingestion does (once per batch). Mean B-cubed F1 (ECB+ all 35 topics, 6 orders;
 * BASIL, 5 orders):
 *
 * | cap        | ECB+   | BASIL  | ECB+ state |
 * |------------|--------|--------|------------|
 * | no cap     | 0.8561 | 0.9755 | 5.6 MB     |
 * | 2048       | 0.8553 | 0.9755 | 4.3 MB     |
 * | 1024       | 0.8526 | 0.9755 | 3.4 MB     |
 * | 512        | 0.8562 | 0.9647 | 2.8 MB     |
 * | 256        | 0.8536 (3 orders) | 0.9493 | 2.5 MB |
 *
 * 2048 is the smallest cap that loses nothing on BASIL and stays within the order-to-order
 * noise on ECB+ (±0.005); below it BASIL's long articles lose recall. The term dictionary,
 * not the centroids, is most of the state.
 */
export const DEFAULT_STATE_CENTROID_TERMS = 2048;

export interface ToStateOptions {
  /** Heaviest centroid terms kept per story (default `DEFAULT_STATE_CENTROID_TERMS`; Infinity keeps all). */
  maxCentroidTerms?: number;
}

/** One story of a saved clusterer: its (capped) centroid, entity key counts and member times. */
export interface SavedStory {
  /** Centroid sum, ids ascending; `lengthSquared` is the uncapped centroid's. */
  centroid: { ids: number[]; weights: number[]; lengthSquared: number };
  entities: [string, number][];
  times: number[];
}

/** Plain-JSON state of a `StoryClusterer` (`toState` / `StoryClusterer.fromState`). */
export interface ClustererState {
  version: typeof CLUSTERER_STATE_VERSION;
  options: ClusterOptions;
  /** True when the corpus statistics grow with each added article (online mode). */
  growStats: boolean;
  /** Term dictionary in id order, each term's document frequency, and the document count. */
  corpus: { documents: number; terms: string[]; frequencies: number[] };
  /** Article feature ids in insertion order, with the index of each one's story. */
  articles: { ids: string[]; stories: number[] };
  /** Stories by index; null for one emptied by a merge. */
  stories: (SavedStory | null)[];
  /** The rare-term story index: `[term, ...story indexes]`. */
  postings: number[][];
  /** Terms whose posting lists grew past `maxPostings` (common words, never followed). */
  saturated: number[];
}

/** A saved state that cannot be restored: another version, or not a clusterer state at all. */
export class ClustererStateError extends Error {
  constructor(message: string) {
    super(`clustering state: ${message}`);
    this.name = 'ClustererStateError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a state's version and outline (not every number: states are written by `toState`). */
export function checkState(state: unknown): ClustererState {
  if (!isObject(state)) throw new ClustererStateError('expected an object');
  if (state.version !== CLUSTERER_STATE_VERSION)
    throw new ClustererStateError(
      `version ${JSON.stringify(state.version)} is not supported (this build reads version ${CLUSTERER_STATE_VERSION})`,
    );
  const corpus = state.corpus;
  const articles = state.articles;
  if (
    !isObject(state.options) ||
    typeof state.growStats !== 'boolean' ||
    !isObject(corpus) ||
    typeof corpus.documents !== 'number' ||
    !Array.isArray(corpus.terms) ||
    !Array.isArray(corpus.frequencies) ||
    corpus.terms.length !== corpus.frequencies.length ||
    !isObject(articles) ||
    !Array.isArray(articles.ids) ||
    !Array.isArray(articles.stories) ||
    articles.ids.length !== articles.stories.length ||
    !Array.isArray(state.stories) ||
    !Array.isArray(state.postings) ||
    !Array.isArray(state.saturated)
  )
    throw new ClustererStateError('version 1 state is missing or has malformed fields');
  return state as unknown as ClustererState;
}
