import { CorpusStats } from '../similarity/corpus-stats.js';
import { dot, EMPTY_VECTOR, normalize, type SparseVector } from '../similarity/sparse-vector.js';
import {
  checkState,
  CLUSTERER_STATE_VERSION,
  ClustererStateError,
  DEFAULT_STATE_CENTROID_TERMS,
  type ClustererState,
  type ToStateOptions,
} from './clusterer-state.js';
import { keepMostHits } from './most-hits.js';
import { PostingStore } from './posting-store.js';
import { PruneScratch, StoryCentroid } from './story-centroid.js';
import { DIGIT_KIND, NAME_KIND, type CountedFeatures, type StoryFeatures } from './story-features.js';

/**
 * Thresholds and weights of story clustering, chosen on development data only: ECB+
 * topics 1–17, by B-cubed F1 (`npm run eval -- stories --tune`); ECB+ topics 18–35 and
 * BASIL are held out (see eval/suites/stories.ts).
 * - Online (`threshold` 0.15, `nameBoost` 1.5): grid threshold 0.15–0.45, name boost 1–4,
 *   four feature sets (with/without word bigrams, numbers counted as names); best: bigrams
 *   + numbers, 0.15, 1.5 (dev F1 0.916 in batch mode without splitting).
 * - Batch: a generous join (`batchThreshold` 0.1) followed by splitting stories whose two
 *   halves' centroids are below `splitThreshold` 0.7, then reassignment and merging at
 *   `mergeThreshold` 0.4. Grid batch threshold 0.08–0.15 × split 0–0.8 × merge 0.3–0.6:
 *   dev F1 0.938 (P 0.948 R 0.927), flat for split 0.6–0.8 at threshold 0.1–0.12; 0.7 is
 *   the middle of that plateau. Tried on dev and left off (each lost F1 at every setting
 *   tried): max-link against member articles (weight 0.25–1: 0.868–0.888), contrastive term
 *   weights among rival stories (0.5–1: 0.880–0.888), a separate boost for numbers (1–4:
 *   ≤ 0.916), average-link merging (no change). Held-out with these defaults: ECB+ 18–35
 *   0.899 (was 0.885), BASIL 0.991 (was 0.969).
 * - Anchors and time (2026-11-30, same protocol, dev only): an anchor split (two-means on
 *   the terms with a digit: years, dates, counts; `anchorSplitThreshold`) and the time
 *   prior. The old prior (3 days free, then halving weekly) split ECB+ events that run for
 *   months (a shooting and the trial two years later are one event there: 16% of its
 *   articles have a date): no decay at all gave dev F1 0.946 (from 0.938). Grid grace
 *   3–1095 days × half-life 7–3650 days × anchor threshold 0–0.5: best 0.953 (P 0.932
 *   R 0.976) with anchors at 0.2–0.25 and no decay within 730 days (grace 730 with
 *   half-life 7, 30 or 90, or grace 3 with half-life ≥ 730, all equal); 0.2 taken, and
 *   grace 730 with half-life 30, so that the same wording years apart is still a new
 *   event. Anchors at 0.3 and above split real events (0.935); names as anchors lost (the
 *   two events of a topic share their people) (`npm run eval -- stories --tune-anchors`).
 *   Held-out with these defaults: ECB+ 18–35 0.941 (was 0.899), BASIL 0.972 (was 0.991:
 *   BASIL's events are days long, and the long time window costs it precision; the tie
 *   on dev with grace 3 and half-life 730, run once on held-out, gave 0.936 and 0.981).
 * - Entity keys (2026-11-30 night, same protocol, dev only): the grids above ran without
 *   annotations, while `analyze` and the store pass each article's entity keys, which took
 *   `entityWeight` 0.3 of the similarity: with them, dev fell to 0.907 (held-out ECB+ 0.911,
 *   BASIL 0.799: outlets covering politics share their people across events). Grid 0–0.3 on
 *   dev with entities (`npm run eval -- stories --tune-entities`): 0 best (0.953; 0.05 →
 *   0.948, 0.1 → 0.932, 0.3 → 0.907), so shared names count only through the capitalised
 *   words' `nameBoost`. A saved log keeps the options it was made with.
 */
export interface ClusterOptions {
  /** Least blended similarity for an article to join a story; below it the article opens a new one. */
  threshold: number;
  /**
   * The same in batch mode (corpus statistics given up front), where a too-generous join is
   * undone by `splitThreshold`; online clustering, which never splits, uses `threshold`.
   */
  batchThreshold: number;
  /** Multiplies the TF-IDF weight of words written as names. */
  nameBoost: number;
  /** Share of the similarity given to shared entity keys, when annotations provide them. */
  entityWeight: number;
  /** Gap (days) between an article and a story's member times that costs nothing… */
  timeGraceDays: number;
  /** …and beyond which similarity halves every this many days. */
  timeHalfLifeDays: number;
  /** How many of an article's heaviest terms are looked up to find candidate stories. */
  candidateTerms: number;
  /** Posting lists longer than this are common words and are not followed. */
  maxPostings: number;
  /**
   * Most candidate stories scored for one article: those found under the most of its
   * look-up terms (a story listed under more of the article's rare heavy terms first).
   * 16 leaves `npm run eval -- stories --shuffles 5` unchanged (2026-11-30: every figure
   * equal to the uncapped run) and bounds the cost of an article in a large index.
   */
  maxCandidates: number;
  /** Batch only: rounds of reassigning every article to its best story. */
  refineRounds: number;
  /** Batch only: least similarity for two stories to merge (see `mergeLinkage`). */
  mergeThreshold: number;
  /** Multiplies the TF-IDF weight of terms with a digit (numbers, years, tallies, scores). */
  numberBoost: number;
  /**
   * Batch only: share of an article-to-story score taken from its best single member
   * (max-link) rather than the centroid. Online clustering uses the centroid alone.
   */
  maxLinkWeight: number;
  /**
   * Contrast among rival stories: when several candidates reach the threshold, each of the
   * article's terms is weighted by 1 − contrast · (share of the other rivals whose centroid
   * holds it), so words common to all rivals (the topic) count less than what tells them
   * apart, and the article joins the rival that wins on the rest.
   */
  contrast: number;
  /** Batch only: story-to-story similarity for merging: centroid cosine or average link. */
  mergeLinkage: 'centroid' | 'average';
  /**
   * Batch only: a story whose members fall into two groups (two-means from its two most
   * distant members) whose centroids are less similar than this is split in two before
   * the last reassignment; 0 never splits.
   */
  splitThreshold: number;
  /**
   * Batch only: the same on the articles' anchors alone (terms with a digit: years, dates,
   * counts), which tell apart two similar events that share the rest of their vocabulary;
   * two stories whose anchors are less similar than this are also never merged. 0 turns
   * it off.
   */
  anchorSplitThreshold: number;
  /**
   * Online only: a term found in a single article is forgotten (dictionary entry and
   * story look-up list) once this many articles have come after it without it; 0 never
   * forgets. A memory bound for streams, not a quality setting: a generated stream (and
   * news, with its one-off names and word pairs) adds about 40 new terms per article, most
   * never seen again, and the dictionary would otherwise grow without end (the
   * evaluation sets, under 1,000 articles, never reach it). A forgotten term seen again
   * counts as new. Terms are checked every tenth of this many articles.
   */
  forgetSingletonsAfter: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.15,
  batchThreshold: 0.1,
  nameBoost: 1.5,
  entityWeight: 0,
  timeGraceDays: 730,
  timeHalfLifeDays: 30,
  candidateTerms: 24,
  maxPostings: 5000,
  maxCandidates: 16,
  refineRounds: 2,
  mergeThreshold: 0.4,
  numberBoost: 1.5,
  maxLinkWeight: 0,
  contrast: 0,
  mergeLinkage: 'centroid',
  splitThreshold: 0.7,
  anchorSplitThreshold: 0.2,
  forgetSingletonsAfter: 50_000,
};

/** Checks for one-off terms to forget per `forgetSingletonsAfter` articles. */
const FORGET_CHECKS = 10;

interface StoryState {
  members: Set<number>;
  centroid: StoryCentroid;
  entities: Map<string, number>;
  /** Member times, for the span; empty when none is known. */
  times: number[];
}

interface ArticleState {
  features: StoryFeatures;
  vector: SparseVector;
  lookup: number[];
  story: number;
  /**
   * Online only: the distinct term ids counted in the corpus statistics, when not exactly
   * the vector's ids (a term weighted 0); what the clustering log records as `counted`.
   */
  counted?: Uint32Array;
}

const DAY = 86_400_000;
const DIGIT = /\d/;
const NO_TERMS: string[] = [];
const NO_LOOKUP: number[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/** Index of the first value in a sorted list that is not below `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Online story clustering: articles come one at a time; candidates are the stories
 * indexed under the article's rarest heavy terms (never all stories); the article joins
 * the most similar candidate above the threshold or opens a new story. With `stats`
 * given and frozen (batch mode) the vectors use the whole corpus's statistics.
 */
export class StoryClusterer {
  private readonly articles: ArticleState[] = [];
  private readonly stories: (StoryState | null)[] = [];
  private readonly postings: PostingStore;
  private stats: CorpusStats;
  private growStats: boolean;
  /** Articles restored from a state keep only their id and story (no vector): online use only. */
  private restored = 0;
  /** Articles before this index had their vectors dropped by `forgetVectors`. */
  private forgotten = 0;
  /** Dictionary size (`termCount`) at each check for one-off terms, the oldest first. */
  private termMarks: number[] = [];
  /** Term ids below this were checked for forgetting. */
  private termsChecked = 0;
  /** Anchor vectors (names and numbers only) of articles, computed during `refine`. */
  private anchorVectors: Map<number, SparseVector> | null = null;

  constructor(
    readonly options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
    stats?: CorpusStats,
  ) {
    this.stats = stats ?? new CorpusStats();
    this.growStats = stats === undefined;
    this.postings = new PostingStore(options.maxPostings);
  }

  /** Terms with a look-up list of stories (saturated ones included). */
  get lookupListCount(): number {
    return this.postings.size;
  }

  get articleCount(): number {
    return this.articles.length;
  }

  /**
   * Adds one article and returns the index of the story it joined or opened. Online
   * (growing statistics), the clusterer keeps of the features only the id, time and
   * entity keys: its terms are in the vector.
   */
  add(features: StoryFeatures): number {
    // The digit test only where numbers weigh differently (not with the defaults): a regular
    // expression per term on the hot path otherwise.
    const digits = this.options.numberBoost !== this.options.nameBoost;
    const weight = (t: string): number => this.boost(digits && DIGIT.test(t), features.names.has(t));
    let state: ArticleState;
    if (this.growStats) {
      const { vector, counted } = this.stats.addAndVectorize(features.terms, weight);
      const slim = { ...features, terms: NO_TERMS, names: NO_NAMES as Set<string> };
      state = this.onlineState(slim, vector, counted);
    } else {
      const vector = this.stats.vectorize(features.terms, weight);
      state = { features, vector, lookup: this.lookupTerms(vector), story: -1 };
    }
    return this.place(state);
  }

  /**
   * `add` of features counted and hashed already (`countedFeatures`, in a featurizing
   * thread): the same vector, ids and story as `add` of the same features, without the
   * clustering thread counting, hashing or testing term strings. Online clustering only
   * (growing statistics); the features carry no entity keys.
   */
  addCounted(features: CountedFeatures): number {
    if (!this.growStats) throw new Error('StoryClusterer.addCounted: online clustering only');
    const kinds = features.kinds;
    const weight = (k: number): number => {
      const kind = kinds[k] as number;
      return this.boost((kind & DIGIT_KIND) !== 0, (kind & NAME_KIND) !== 0);
    };
    const { vector, counted } = this.stats.addAndVectorizeCounted(features.terms, weight);
    const slim: StoryFeatures = {
      id: features.id,
      time: features.time,
      terms: NO_TERMS,
      names: NO_NAMES as Set<string>,
      entities: null,
    };
    return this.place(this.onlineState(slim, vector, counted));
  }

  /**
   * A term's weight in an article's vector: `numberBoost` for a term with a digit (when it
   * differs from `nameBoost`), else `nameBoost` for a name, else 1.
   */
  private boost(digit: boolean, name: boolean): number {
    const { nameBoost, numberBoost } = this.options;
    return numberBoost !== nameBoost && digit ? numberBoost : name ? nameBoost : 1;
  }

  /** A new article's state on a stream: its vector, look-up terms, and its counted ids when some terms are not in the vector. */
  private onlineState(features: StoryFeatures, vector: SparseVector, counted: Uint32Array): ArticleState {
    const state: ArticleState = { features, vector, lookup: this.lookupTerms(vector), story: -1 };
    if (counted.length !== vector.ids.length) state.counted = counted.sort();
    return state;
  }

  /** Files a new article's state: joins its best story or opens one; returns the story. */
  private place(state: ArticleState): number {
    const index = this.articles.length;
    this.articles.push(state);
    const best = this.bestStory(state, -1);
    this.join(index, best.score >= this.joinThreshold ? best.story : this.openStory());
    this.afterDocument();
    return this.resolve(state.story);
  }

  /**
   * Online: every tenth of `forgetSingletonsAfter` documents, forgets the one-off terms
   * given ids at least `forgetSingletonsAfter` documents ago (dictionary entries and look-up lists). Called
   * after each added article, and by the log replay after each entry, so that a replayed
   * clusterer forgets exactly what the original did.
   */
  private afterDocument(): void {
    const after = this.options.forgetSingletonsAfter;
    const documents = this.stats.documentCount;
    const every = Math.ceil(after / FORGET_CHECKS);
    if (!this.growStats || !(after > 0) || documents % every !== 0) return;
    this.termMarks.push(this.stats.termCount);
    if (this.termMarks.length <= FORGET_CHECKS) return;
    const before = this.termMarks.shift() as number;
    for (const id of this.stats.forgetSingletons(this.termsChecked, before)) this.postings.delete(id);
    this.termsChecked = Math.max(this.termsChecked, before);
  }

  /**
   * Online use: drops the vectors and look-up terms of the articles before `before` (once
   * their clustering log entries are written), keeping their ids and stories. Adding
   * articles never reads other articles' vectors, so assignment does not change; what
   * needs them afterwards (`refine`, `logEntries`, `centralArticle` of those articles)
   * throws or is not available.
   */
  forgetVectors(before: number): void {
    const end = Math.min(before, this.articles.length);
    for (let i = this.forgotten; i < end; i++) {
      const state = this.articles[i] as ArticleState;
      state.vector = EMPTY_VECTOR;
      state.lookup = NO_LOOKUP;
      delete state.counted;
    }
    this.forgotten = Math.max(this.forgotten, end);
  }

  /** How many articles (from the first) had their vectors dropped by `forgetVectors`. */
  get forgottenCount(): number {
    return this.forgotten;
  }

  /** The terms an article is looked up (and its story indexed) under: its `candidateTerms` heaviest. */
  private lookupTerms(vector: SparseVector): number[] {
    return heaviest(vector, this.options.candidateTerms);
  }

  /** Batch refinement: reassigns every article to its best story, then merges close stories. */
  refine(order: readonly number[] = this.articles.map((_, i) => i)): void {
    if (this.restored > 0 || this.forgotten > 0)
      throw new Error('StoryClusterer.refine: a clusterer restored from a state keeps no article vectors');
    this.anchorVectors = this.options.anchorSplitThreshold > 0 ? new Map() : null;
    this.reassign(order);
    if ((this.options.splitThreshold > 0 || this.anchorVectors) && this.splitStories() > 0)
      this.reassign(order);
    this.mergeStories();
    this.anchorVectors = null;
  }

  /**
   * TF-IDF vector of an article's anchors: its terms with a digit (years, dates, counts,
   * scores, ages). Names were tried as anchors too and lost: two similar events of one
   * topic share their people (dev anchors-with-names centroid cosine above the full text's).
   */
  private anchorVector(index: number): SparseVector {
    let vector = this.anchorVectors?.get(index);
    if (vector) return vector;
    const { features } = this.articles[index] as ArticleState;
    vector = this.stats.vectorize(features.terms.filter((t) => DIGIT.test(t)));
    this.anchorVectors?.set(index, vector);
    return vector;
  }

  /** Centroid of the given members' anchor vectors. */
  private anchorCentroid(members: Iterable<number>): StoryCentroid {
    const centroid = new StoryCentroid();
    for (const m of members) centroid.add(this.anchorVector(m));
    return centroid;
  }

  private reassign(order: readonly number[]): void {
    for (let round = 0; round < this.options.refineRounds; round++) {
      let moved = 0;
      for (const index of order) {
        const state = this.articles[index] as ArticleState;
        const current = state.story;
        this.leave(index);
        const best = this.bestStory(state, current);
        const target = best.score >= this.joinThreshold ? best.story : this.openStory();
        if (target !== current) moved++;
        this.join(index, target);
      }
      if (moved === 0) break;
    }
  }

  /** Splits stories made of two groups far apart (see `splitThreshold`); returns how many. */
  private splitStories(): number {
    let splits = 0;
    const count = this.stories.length;
    const full = (m: number): SparseVector => (this.articles[m] as ArticleState).vector;
    const anchors = (m: number): SparseVector => this.anchorVector(m);
    for (let s = 0; s < count; s++) {
      const story = this.stories[s];
      if (!story || story.members.size < 4) continue;
      const members = [...story.members].sort((a, b) => a - b);
      let halves =
        this.options.splitThreshold > 0 ? twoMeans(members, full, this.options.splitThreshold) : null;
      if (!halves && this.anchorVectors)
        halves = twoMeans(members, anchors, this.options.anchorSplitThreshold);
      if (!halves) continue;
      const [inA, inB] = halves;
      const moved = inA.includes(members[0] as number) ? inB : inA;
      const target = this.openStory();
      for (const m of moved) {
        this.leave(m);
        this.join(m, target);
      }
      splits++;
    }
    return splits;
  }

  /** Current clustering: story index → article indexes (in insertion order), stories by first member. */
  clusters(): number[][] {
    const out: number[][] = [];
    for (const story of this.stories)
      if (story && story.members.size > 0) out.push([...story.members].sort((a, b) => a - b));
    return out.sort((a, b) => (a[0] as number) - (b[0] as number));
  }

  /** Feature ids of the clustered articles by story, like `clusters()`. */
  clusterIds(): string[][] {
    return this.clusters().map((members) =>
      members.map((i) => (this.articles[i] as ArticleState).features.id),
    );
  }

  /** The member closest to its story's centroid: the story's most central article. */
  centralArticle(members: readonly number[]): number {
    const first = members[0] as number;
    const story = this.stories[(this.articles[first] as ArticleState).story] as StoryState;
    let best = first;
    let bestScore = -1;
    for (const m of members) {
      const score = story.centroid.cosine((this.articles[m] as ArticleState).vector);
      if (score > bestScore) [best, bestScore] = [m, score];
    }
    return best;
  }

  /** Index of the story an article (by feature id) is in, or -1 when it was never added. */
  storyOf(id: string): number {
    this.idIndex ??= new Map(this.articles.map((a, i) => [a.features.id, i]));
    for (let i = this.idIndex.size; i < this.articles.length; i++)
      this.idIndex.set((this.articles[i] as ArticleState).features.id, i);
    const index = this.idIndex.get(id);
    return index === undefined ? -1 : (this.articles[index] as ArticleState).story;
  }

  /** Article indexes of one story, in insertion order (empty for an unknown or emptied story). */
  members(story: number): number[] {
    return [...(this.stories[story]?.members ?? [])].sort((a, b) => a - b);
  }

  /** Feature id of the article at an index. */
  articleId(index: number): string {
    const state = this.articles[index];
    if (!state) throw new RangeError(`StoryClusterer.articleId: no article ${index}`);
    return state.features.id;
  }

  /**
   * Plain-JSON state from which `fromState` rebuilds a clusterer that assigns the next
   * articles as this one would. Article vectors are not kept (so a restored clusterer
   * cannot `refine`), and each story centroid keeps only its `maxCentroidTerms` heaviest
   * terms (its length is kept exact), so a restored clusterer may differ slightly from
   * one that never stopped; with `maxCentroidTerms: Infinity` it does not differ at all.
   */
  toState(options: ToStateOptions = {}): ClustererState {
    const cap = options.maxCentroidTerms ?? DEFAULT_STATE_CENTROID_TERMS;
    // Forgotten terms are written as '' (no term is empty), keeping ids in place.
    const terms = this.stats.termsById();
    const frequencies = this.stats.frequenciesById();
    const postings: number[][] = [];
    const saturated: number[] = [];
    for (const term of this.postings.terms()) {
      if (this.postings.isSaturated(term)) saturated.push(term);
      else postings.push([term, ...this.postings.entries(term)]);
    }
    return {
      version: CLUSTERER_STATE_VERSION,
      options: { ...this.options },
      growStats: this.growStats,
      corpus: { documents: this.stats.documentCount, terms, frequencies },
      articles: {
        ids: this.articles.map((a) => a.features.id),
        stories: this.articles.map((a) => a.story),
      },
      stories: this.stories.map((story) => {
        if (!story || story.members.size === 0) return null;
        const sum = story.centroid.entries();
        let entries = [...sum];
        if (entries.length > cap)
          entries = entries.sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]) || x[0] - y[0]).slice(0, cap);
        entries.sort((x, y) => x[0] - y[0]);
        return {
          centroid: {
            ids: entries.map((e) => e[0]),
            weights: entries.map((e) => e[1]),
            lengthSquared: story.centroid['lengthSquared'],
          },
          entities: [...story.entities],
          times: [...story.times],
        };
      }),
      postings,
      saturated,
    };
  }

  /**
   * Rebuilds a clusterer from `toState()`. Throws `ClustererStateError` (never anything
   * else) when the state has another version or is not shaped like one.
   */
  static fromState(state: unknown): StoryClusterer {
    const checked = checkState(state);
    const { terms, frequencies, documents } = checked.corpus;
    const stats = CorpusStats.restore(terms, frequencies, documents);
    // States saved before an option existed get its default.
    const clusterer = new StoryClusterer({ ...DEFAULT_CLUSTER_OPTIONS, ...checked.options }, stats);
    clusterer.growStats = checked.growStats;
    for (const story of checked.stories) {
      if (!story) {
        clusterer.stories.push(null);
        continue;
      }
      const centroid = new StoryCentroid();
      story.centroid.ids.forEach((id, i) => centroid.set(id, story.centroid.weights[i] as number));
      centroid['lengthSquared'] = story.centroid.lengthSquared;
      clusterer.stories.push({
        members: new Set(),
        centroid,
        entities: new Map(story.entities),
        times: [...story.times].sort((a, b) => a - b),
      });
    }
    checked.articles.ids.forEach((id, index) => {
      const storyIndex = checked.articles.stories[index] as number;
      const story = clusterer.stories[storyIndex];
      if (!story) throw new ClustererStateError(`article ${id} is in story ${storyIndex}, which is empty`);
      story.members.add(index);
      clusterer.articles.push({
        features: { id, time: null, terms: [], names: new Set(), entities: null },
        vector: EMPTY_VECTOR,
        lookup: [],
        story: storyIndex,
      });
    });
    // Saved entries give each story's count (a saturated list is neither followed nor grown).
    for (const [term, ...entries] of checked.postings) clusterer.postings.restore(term as number, entries);
    for (const term of checked.saturated) clusterer.postings.restoreSaturated(term);
    clusterer.restored = clusterer.articles.length;
    // Forgetting one-off terms starts again from here (a state keeps no record of when terms came).
    clusterer.termsChecked = terms.length;
    return clusterer;
  }

  private idIndex: Map<string, number> | undefined;

  private resolve(story: number): number {
    return story;
  }

  private openStory(): number {
    this.stories.push({ members: new Set(), centroid: new StoryCentroid(), entities: new Map(), times: [] });
    return this.stories.length - 1;
  }

  private join(index: number, storyIndex: number): void {
    const state = this.articles[index] as ArticleState;
    const story = this.stories[storyIndex] as StoryState;
    state.story = storyIndex;
    story.members.add(index);
    story.centroid.add(state.vector);
    // Online, a story keeps its heaviest centroid terms only (as a saved state does):
    // pruned back to the cap when it holds twice as many, so memory stays bounded.
    if (this.growStats && story.centroid.size > 2 * DEFAULT_STATE_CENTROID_TERMS)
      story.centroid.prune(DEFAULT_STATE_CENTROID_TERMS, this.pruneScratch);
    for (const key of state.features.entities ?? [])
      story.entities.set(key, (story.entities.get(key) ?? 0) + 1);
    const time = state.features.time;
    if (time !== null) {
      const times = story.times;
      if (times.length === 0 || (times[times.length - 1] as number) <= time) times.push(time);
      else times.splice(lowerBound(times, time), 0, time);
    }
    for (const term of state.lookup) this.postings.add(term, storyIndex);
  }

  private leave(index: number): void {
    const state = this.articles[index] as ArticleState;
    const story = this.stories[state.story] as StoryState;
    story.members.delete(index);
    story.centroid.add(state.vector, -1);
    for (const key of state.features.entities ?? []) {
      const left = (story.entities.get(key) ?? 0) - 1;
      if (left > 0) story.entities.set(key, left);
      else story.entities.delete(key);
    }
    if (state.features.time !== null) {
      const at = lowerBound(story.times, state.features.time);
      if (story.times[at] === state.features.time) story.times.splice(at, 1);
    }
    state.story = -1;
  }

  /**
   * Candidate stories: those indexed under the article's look-up terms, at most
   * `maxCandidates` (the ones found under the most terms; ties to the older story), plus
   * `extra` (the article's current story while reassigning).
   */
  private candidates(state: ArticleState, extra: number): number[] {
    const { maxCandidates } = this.options;
    // Hits per story in a scratch array indexed by story (reset after), not a Map: the
    // lists of a large index name thousands of stories for one article.
    if (this.hitScratch.length < this.stories.length) {
      const grown = new Float64Array(Math.max(1024, this.stories.length * 2));
      grown.set(this.hitScratch);
      this.hitScratch = grown;
    }
    const hits = this.hitScratch;
    const touched: number[] = [];
    const pairs = this.postings.pairs;
    for (const term of state.lookup) {
      // A story counts once per entry it had in the list (its count); saturated lists give none.
      const { at, count } = this.postings.stories(term);
      for (let i = at; i < at + 2 * count; i += 2) {
        const story = pairs[i] as number;
        if (hits[story] === 0) touched.push(story);
        hits[story] = (hits[story] as number) + (pairs[i + 1] as number);
      }
    }
    const found =
      touched.length <= maxCandidates
        ? touched
        : keepMostHits(touched, (story) => hits[story] as number, maxCandidates);
    for (const story of touched) hits[story] = 0;
    if (extra >= 0 && !found.includes(extra)) found.push(extra);
    return found;
  }

  /** Working arrays for pruning story centroids. */
  private readonly pruneScratch = new PruneScratch();

  /** Hits per story while gathering candidates; all zero between calls. */
  private hitScratch = new Float64Array(0);

  private bestStory(state: ArticleState, extra: number): { story: number; score: number } {
    let best = -1;
    let bestScore = -Infinity;
    const rivals: number[] = [];
    const shared = this.sharedTerms(state.vector);
    for (const s of this.candidates(state, extra)) {
      const story = this.stories[s];
      if (!story || story.members.size === 0) continue;
      const score = this.similarity(state, story, shared);
      if (score >= this.joinThreshold) rivals.push(s);
      if (score > bestScore || (score === bestScore && s < best)) [best, bestScore] = [s, score];
    }
    if (rivals.length < 2 || this.options.contrast <= 0) return { story: best, score: bestScore };
    // Several stories are close enough: decide between them on what tells them apart.
    const vector = this.contrastive(state.vector, rivals);
    let winner = -1;
    let winnerScore = -Infinity;
    for (const s of rivals.sort((a, b) => a - b)) {
      const score = this.similarity(state, this.stories[s] as StoryState, vector);
      if (score > winnerScore) [winner, winnerScore] = [s, score];
    }
    return { story: winner, score: bestScore };
  }

  /**
   * Online: the article vector without the terms no other article holds (document
   * frequency 1: the statistics count every added article, and a forgotten term seen
   * again gets a new id), which are in no story's centroid, so the scores are exactly the
   * same (their products were +0) for about a tenth fewer centroid look-ups per candidate
   * (a stream brings about 40 new terms per article). Batch mode keeps the whole vector:
   * its statistics may come from the caller.
   */
  private sharedTerms(vector: SparseVector): SparseVector {
    if (!this.growStats) return vector;
    const { ids, weights } = vector;
    let kept = 0;
    for (let i = 0; i < ids.length; i++) if (this.stats.frequencyOf(ids[i] as number) > 1) kept++;
    if (kept === ids.length) return vector;
    const sharedIds = new Uint32Array(kept);
    const sharedWeights = new Float32Array(kept);
    kept = 0;
    for (let i = 0; i < ids.length; i++) {
      if (this.stats.frequencyOf(ids[i] as number) <= 1) continue;
      sharedIds[kept] = ids[i] as number;
      sharedWeights[kept++] = weights[i] as number;
    }
    return { ids: sharedIds, weights: sharedWeights };
  }

  /** The article vector with each term weighted down by the share of rival stories holding it. */
  private contrastive(vector: SparseVector, rivals: readonly number[]): SparseVector {
    const others = rivals.length - 1;
    const weights = new Float32Array(vector.weights.length);
    for (let i = 0; i < vector.ids.length; i++) {
      const id = vector.ids[i] as number;
      let holding = 0;
      for (const s of rivals) if ((this.stories[s] as StoryState).centroid.has(id)) holding++;
      const share = Math.max(0, holding - 1) / others;
      weights[i] = (vector.weights[i] as number) * (1 - this.options.contrast * share);
    }
    return normalize({ ids: vector.ids, weights });
  }

  private get joinThreshold(): number {
    return this.batchMode ? this.options.batchThreshold : this.options.threshold;
  }

  private get batchMode(): boolean {
    return !this.growStats && this.restored === 0;
  }

  private similarity(state: ArticleState, story: StoryState, vector: SparseVector): number {
    let score = story.centroid.cosine(vector);
    const link = this.options.maxLinkWeight;
    if (link > 0 && this.batchMode) {
      let max = 0;
      for (const m of story.members)
        max = Math.max(max, dot(vector, (this.articles[m] as ArticleState).vector));
      score = (1 - link) * score + link * max;
    }
    const entities = state.features.entities;
    if (this.options.entityWeight > 0 && entities && entities.size > 0) {
      let shared = 0;
      for (const key of entities) shared += (story.entities.get(key) ?? 0) / story.members.size;
      score = (1 - this.options.entityWeight) * score + this.options.entityWeight * (shared / entities.size);
    }
    return score * this.timeFactor(state.features.time, story.times);
  }

  /** Time prior of an article against a story's member times (sorted). */
  private timeFactor(time: number | null, times: readonly number[]): number {
    if (time === null || times.length === 0) return 1;
    const at = lowerBound(times, time);
    let gap = Infinity;
    if (at < times.length) gap = ((times[at] as number) - time) / DAY;
    if (at > 0) gap = Math.min(gap, (time - (times[at - 1] as number)) / DAY);
    const over = gap - this.options.timeGraceDays;
    return over <= 0 ? 1 : Math.pow(0.5, over / this.options.timeHalfLifeDays);
  }

  private storyGap(a: StoryState, b: StoryState): number {
    let factor = 0;
    if (a.times.length === 0 || b.times.length === 0) return 1;
    for (const t of a.times) factor = Math.max(factor, this.timeFactor(t, b.times));
    return factor;
  }

  private mergeStories(): void {
    const live = this.stories.map((s, i) => (s && s.members.size > 0 ? i : -1)).filter((i) => i >= 0);
    const pairs: { a: number; b: number; score: number }[] = [];
    for (const a of live) {
      const story = this.stories[a] as StoryState;
      const near = new Set<number>();
      for (const m of story.members)
        for (const s of this.candidates(this.articles[m] as ArticleState, -1)) if (s > a) near.add(s);
      for (const b of near) {
        const other = this.stories[b];
        if (!other || other.members.size === 0) continue;
        const text =
          this.options.mergeLinkage === 'average'
            ? story.centroid.dotWith(other.centroid) / (story.members.size * other.members.size)
            : story.centroid.cosineWith(other.centroid);
        const score = text * this.storyGap(story, other);
        if (score < this.options.mergeThreshold) continue;
        if (
          this.anchorVectors &&
          this.anchorCentroid(story.members).cosineWith(this.anchorCentroid(other.members)) <
            this.options.anchorSplitThreshold
        )
          continue;
        pairs.push({ a, b, score });
      }
    }
    pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
    const mergedInto = new Map<number, number>();
    const root = (s: number): number => {
      let r = s;
      while (mergedInto.has(r)) r = mergedInto.get(r) as number;
      return r;
    };
    for (const { a, b } of pairs) {
      const ra = root(a);
      const rb = root(b);
      if (ra === rb) continue;
      const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
      for (const m of [...(this.stories[drop] as StoryState).members]) {
        this.leave(m);
        this.join(m, keep);
      }
      mergedInto.set(drop, keep);
    }
  }
}

/**
 * Two groups of members by two-means seeded with the member farthest from the centroid
 * and the member farthest from that one; returns them when both hold at least two members
 * and their centroids are less similar than `below`, else null.
 */
function twoMeans(
  members: readonly number[],
  vectorOf: (m: number) => SparseVector,
  below: number,
): [number[], number[]] | null {
  const whole = new StoryCentroid();
  for (const m of members) whole.add(vectorOf(m));
  const farthest = (from: (m: number) => number): number => {
    let pick = members[0] as number;
    let low = Infinity;
    for (const m of members) {
      const score = from(m);
      if (score < low) [pick, low] = [m, score];
    }
    return pick;
  };
  const a = farthest((m) => whole.cosine(vectorOf(m)));
  const b = farthest((m) => (m === a ? Infinity : dot(vectorOf(a), vectorOf(m))));
  let sideA = new StoryCentroid();
  let sideB = new StoryCentroid();
  sideA.add(vectorOf(a));
  sideB.add(vectorOf(b));
  let inA: number[] = [];
  let inB: number[] = [];
  for (let round = 0; round < 5; round++) {
    inA = [];
    inB = [];
    for (const m of members) (sideA.cosine(vectorOf(m)) >= sideB.cosine(vectorOf(m)) ? inA : inB).push(m);
    if (inA.length === 0 || inB.length === 0) break;
    sideA = new StoryCentroid();
    sideB = new StoryCentroid();
    for (const m of inA) sideA.add(vectorOf(m));
    for (const m of inB) sideB.add(vectorOf(m));
  }
  if (inA.length < 2 || inB.length < 2) return null;
  return sideA.cosineWith(sideB) < below ? [inA, inB] : null;
}

/**
 * Ids of the `count` heaviest terms of a vector, heaviest first (ties to the lower id): one
 * pass keeping a sorted list of the best so far, instead of sorting every term.
 */
function heaviest(vector: SparseVector, count: number): number[] {
  const ids: number[] = [];
  const weights: number[] = [];
  if (count <= 0) return ids;
  for (let i = 0; i < vector.ids.length; i++) {
    const id = vector.ids[i] as number;
    const w = vector.weights[i] as number;
    // Ids come in ascending order, so an equal weight never displaces one already kept.
    if (ids.length === count && !(w > (weights[count - 1] as number))) continue;
    let at = ids.length === count ? count - 1 : ids.length;
    while (at > 0 && w > (weights[at - 1] as number)) {
      ids[at] = ids[at - 1] as number;
      weights[at] = weights[at - 1] as number;
      at--;
    }
    ids[at] = id;
    weights[at] = w;
  }
  return ids;
}

/** Canonical order of a batch: by publication time (unknown last), then id. */
export function canonicalOrder(features: readonly StoryFeatures[]): number[] {
  return features
    .map((_, i) => i)
    .sort((x, y) => {
      const a = features[x] as StoryFeatures;
      const b = features[y] as StoryFeatures;
      const ta = a.time ?? Infinity;
      const tb = b.time ?? Infinity;
      return ta !== tb ? (ta < tb ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });
}

/**
 * Batch clustering whose result does not depend on input order: corpus statistics from
 * every article first, articles added in canonical order, then reassignment and merging.
 * Returns groups of article ids, each sorted, groups sorted by their first id.
 */
export function clusterStories(
  features: readonly StoryFeatures[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): string[][] {
  const stats = new CorpusStats();
  const order = canonicalOrder(features);
  for (const i of order) stats.addDocument(new Set((features[i] as StoryFeatures).terms));
  const clusterer = new StoryClusterer(options, stats);
  for (const i of order) clusterer.add(features[i] as StoryFeatures);
  clusterer.refine();
  return clusterer
    .clusterIds()
    .map((ids) => [...ids].sort())
    .sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
}
