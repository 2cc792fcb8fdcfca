import type { ClusterOptions, StoryClusterer } from './cluster-stories.js';

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

/**
 * Version of the clustering log: a small header (`ClusteringLogHeader`) plus one
 * `ClusteringLogEntry` per article in the order the clusterer took them. Replaying the
 * entries rebuilds the clusterer exactly (article vectors included, no centroid cap), and
 * a process that already holds a clusterer replays only the entries it has not seen, so
 * neither saving nor catching up costs more than the articles added since.
 */
export const CLUSTERING_LOG_VERSION = 2;

/** What the log needs besides its entries: the options the clusterer was made with. */
export interface ClusteringLogHeader {
  version: typeof CLUSTERING_LOG_VERSION;
  options: ClusterOptions;
}

/**
 * One article as the online clusterer took it. Vectors are base64 of little-endian
 * Uint32 ids and Float32 weights (the clusterer's own types, so replay is exact).
 */
export interface ClusteringLogEntry {
  /** The article's index in the clusterer (0, 1, 2, …: entries are contiguous). */
  seq: number;
  id: string;
  story: number;
  time: number | null;
  entities: string[] | null;
  /** TF-IDF vector ids, as the article was weighted when it was added. */
  ids: string;
  weights: string;
  /** The terms it was looked up under (and indexed its story under). */
  lookup: number[];
  /** Terms this article added to the dictionary, in id order (their ids follow the previous count). */
  newTerms: string[];
  /** Distinct term ids counted in the document frequencies, when not exactly `ids`. */
  counted?: number[];
}

/** What of a `StoryClusterer` the log reads and writes (its private parts, reached by name). */
interface ClustererParts {
  stats: StatsParts;
  articles: {
    features: {
      id: string;
      time: number | null;
      terms: string[];
      names: Set<string>;
      entities: Set<string> | null;
    };
    vector: { ids: Uint32Array; weights: Float32Array };
    lookup: number[];
    story: number;
    counted?: Uint32Array;
  }[];
  stories: unknown[];
  growStats: boolean;
  restored: number;
  forgotten: number;
  openStory(): number;
  join(index: number, story: number): void;
  afterDocument(): void;
}

interface StatsParts {
  termIds: { has(term: string): boolean };
  termCount: number;
  termOf(id: number): string | undefined;
  frequencies: Uint32Array;
  documents: number;
  idOf(term: string): number;
}

/** The clusterer's internals. The log must mirror exactly what `add` does, so it reaches them directly. */
function partsOf(clusterer: StoryClusterer): ClustererParts {
  return clusterer as unknown as ClustererParts;
}

function encodeUint32(values: Uint32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setUint32(i * 4, v, true));
  return Buffer.from(view.buffer).toString('base64');
}

function encodeFloat32(values: Float32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return Buffer.from(view.buffer).toString('base64');
}

function decodeView(text: string, what: string): DataView {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 4 !== 0)
    throw new ClustererStateError(`log entry ${what} is not a list of 4-byte numbers`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
}

function decodeUint32(text: string, what: string): Uint32Array {
  const view = decodeView(text, what);
  const out = new Uint32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

function decodeFloat32(text: string, what: string): Float32Array {
  const view = decodeView(text, what);
  const out = new Float32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The header of a log for a clusterer, to save once when the index is created. */
export function logHeader(clusterer: StoryClusterer): ClusteringLogHeader {
  return { version: CLUSTERING_LOG_VERSION, options: { ...clusterer.options } };
}

/** Checks a saved header: a log of this version, with options. */
export function checkLogHeader(header: unknown): ClusteringLogHeader {
  if (!isObject(header)) throw new ClustererStateError('expected an object');
  if (header.version !== CLUSTERING_LOG_VERSION)
    throw new ClustererStateError(
      `log version ${JSON.stringify(header.version)} is not supported (this build reads version ${CLUSTERING_LOG_VERSION})`,
    );
  if (!isObject(header.options)) throw new ClustererStateError('log header has no options');
  return header as unknown as ClusteringLogHeader;
}

/**
 * Log entries of the articles the clusterer took from index `from` on. `termsBefore` is
 * the dictionary size before the first of them was added (`termCount(clusterer)` then).
 * Throws a TypeError when the clusterer is not growing its statistics (batch mode), whose
 * articles the log cannot replay.
 */
export function logEntries(
  clusterer: StoryClusterer,
  from: number,
  termsBefore: number,
): ClusteringLogEntry[] {
  const parts = partsOf(clusterer);
  if (!parts.growStats)
    throw new TypeError(
      'logEntries(clusterer): only an online clusterer (no corpus statistics given) can be logged',
    );
  const stats = parts.stats;
  let known = termsBefore;
  const entries: ClusteringLogEntry[] = [];
  for (let seq = from; seq < parts.articles.length; seq++) {
    const article = parts.articles[seq]!;
    if (seq < parts.restored || seq < parts.forgotten)
      throw new TypeError(`logEntries(clusterer): article ${seq} was restored or forgotten, not added`);
    // The distinct terms counted for the article: the vector's, unless some weighed 0.
    const ids = article.vector.ids;
    const counted = article.counted ?? ids;
    const fresh: number[] = [];
    for (const id of counted) if (id >= known) fresh.push(id);
    const newTerms = fresh.sort((a, b) => a - b).map((id) => stats.termOf(id) ?? '');
    known += newTerms.length;
    const entities = article.features.entities;
    entries.push({
      seq,
      id: article.features.id,
      story: article.story,
      time: article.features.time,
      entities: entities ? [...entities] : null,
      ids: encodeUint32(ids),
      weights: encodeFloat32(article.vector.weights),
      lookup: [...article.lookup],
      newTerms,
      ...(article.counted ? { counted: [...article.counted] } : {}),
    });
  }
  return entries;
}

/** Size of the clusterer's term dictionary (pass it to `logEntries` as `termsBefore`). */
export function termCount(clusterer: StoryClusterer): number {
  return partsOf(clusterer).stats.termCount;
}

/**
 * Replays log entries onto a clusterer that holds exactly the entries before the first
 * one: the corpus statistics, the article, its story's centroid, entities, times and the
 * rare-term index end up as `add` left them. Throws `ClustererStateError` on an entry out
 * of sequence or malformed (the log is then not this clusterer's continuation).
 */
export function replayEntries(clusterer: StoryClusterer, entries: readonly unknown[]): void {
  const parts = partsOf(clusterer);
  const stats = parts.stats;
  for (const raw of entries) {
    const entry = checkEntry(raw);
    const seq = parts.articles.length;
    if (entry.seq !== seq) throw new ClustererStateError(`log entry ${entry.seq} follows article ${seq - 1}`);
    for (const term of entry.newTerms) {
      const expected = stats.termCount;
      if (stats.termIds.has(term) || stats.idOf(term) !== expected)
        throw new ClustererStateError(`log entry ${seq} adds term "${term}" that is already known`);
    }
    const ids = decodeUint32(entry.ids, `${seq} ids`);
    const weights = decodeFloat32(entry.weights, `${seq} weights`);
    if (ids.length !== weights.length)
      throw new ClustererStateError(`log entry ${seq} has ${ids.length} ids but ${weights.length} weights`);
    const terms = stats.termCount;
    for (const id of entry.counted ?? ids) {
      if (id >= terms) throw new ClustererStateError(`log entry ${seq} counts unknown term ${id}`);
      stats.frequencies[id] = (stats.frequencies[id] as number) + 1;
    }
    stats.documents++;
    if (entry.story > parts.stories.length || entry.story < 0)
      throw new ClustererStateError(`log entry ${seq} joins story ${entry.story} of ${parts.stories.length}`);
    if (entry.story === parts.stories.length) parts.openStory();
    parts.articles.push({
      features: {
        id: entry.id,
        time: entry.time,
        terms: [],
        names: new Set(),
        entities: entry.entities ? new Set(entry.entities) : null,
      },
      vector: { ids, weights },
      lookup: entry.lookup,
      story: -1,
    });
    parts.join(seq, entry.story);
    parts.afterDocument();
  }
}

function checkEntry(raw: unknown): ClusteringLogEntry {
  const entry = raw as Partial<ClusteringLogEntry>;
  if (
    !isObject(raw) ||
    typeof entry.seq !== 'number' ||
    typeof entry.id !== 'string' ||
    typeof entry.story !== 'number' ||
    (entry.time !== null && typeof entry.time !== 'number') ||
    (entry.entities !== null && !Array.isArray(entry.entities)) ||
    typeof entry.ids !== 'string' ||
    typeof entry.weights !== 'string' ||
    !Array.isArray(entry.lookup) ||
    !Array.isArray(entry.newTerms) ||
    (entry.counted !== undefined && !Array.isArray(entry.counted))
  )
    throw new ClustererStateError('log entry is missing or has malformed fields');
  return entry as ClusteringLogEntry;
}
