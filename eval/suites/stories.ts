/**
 * `npm run eval -- stories [--tune | --tune-anchors | --tune-entities] [--shuffles N] [--no-entities]`: story
 * clustering scored with B-cubed precision/recall/F1 and ARI on ECB+ and BASIL.
 *
 * Features as `analyze` and the store make them: each article's entity keys from the annotation
 * (`--no-entities` leaves them out, which skips annotating: faster, and the same figures while
 * `entityWeight` is 0).
 *
 * Protocol: thresholds are tuned (with --tune) on ECB+ topics 1–17 only; ECB+ topics
 * 18–35 and all of BASIL are held out. Every clustering runs on its set alone. Input-order
 * stability: the same set shuffled with several seeds, batch and online modes.
 */
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import type { Article } from '../../src/model/article.js';
import {
  clusterStories,
  DEFAULT_CLUSTER_OPTIONS,
  StoryClusterer,
  type ClusterOptions,
} from '../../src/stories/cluster-stories.js';
import { storyFeatures, type StoryFeatures } from '../../src/stories/story-features.js';
import { dataDir } from '../data-dir.js';
import { ecbTopic, loadLabelled } from '../stories/load-labelled.js';
import { scoreClusters, type ClusterScores } from '../stories/score-clusters.js';
import { option } from '../../scripts/suite-args.js';

interface Subset {
  name: string;
  features: StoryFeatures[];
  labels: Map<string, string>;
}

const fmt = (s: ClusterScores): string =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  B³F1 ${s.f1.toFixed(3)}  ARI ${s.ari.toFixed(3)}`;

function toMap(groups: string[][]): Map<string, string> {
  const out = new Map<string, string>();
  groups.forEach((g, i) => g.forEach((id) => out.set(id, String(i))));
  return out;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function onlineGroups(features: readonly StoryFeatures[], options: ClusterOptions): string[][] {
  const clusterer = new StoryClusterer(options);
  for (const f of features) clusterer.add(f);
  return clusterer.clusterIds();
}

function scoreBatch(set: Subset, options: ClusterOptions): ClusterScores {
  return scoreClusters(toMap(clusterStories(set.features, options)), set.labels);
}

/**
 * Batch settings on the development set: join threshold × split threshold × merge
 * threshold (online `threshold` and `nameBoost` were chosen earlier by the same protocol).
 * Prints every setting within 0.002 of the best, so that a plateau shows.
 */
function tune(dev: Subset): ClusterOptions {
  const results: { options: ClusterOptions; f1: number }[] = [];
  for (const batchThreshold of [0.08, 0.1, 0.12, 0.15]) {
    for (const splitThreshold of [0, 0.5, 0.6, 0.7, 0.8]) {
      for (const mergeThreshold of [0.3, 0.4, 0.5, 0.6]) {
        const options = { ...DEFAULT_CLUSTER_OPTIONS, batchThreshold, splitThreshold, mergeThreshold };
        results.push({ options, f1: scoreBatch(dev, options).f1 });
      }
    }
  }
  results.sort((a, b) => b.f1 - a.f1);
  const best = results[0] as { options: ClusterOptions; f1: number };
  console.log(`tuned on ${dev.name} (batch threshold, split threshold, merge threshold → B³F1):`);
  for (const { options: o, f1 } of results.filter((r) => r.f1 >= best.f1 - 0.002))
    console.log(`  ${o.batchThreshold}  ${o.splitThreshold}  ${o.mergeThreshold}  → ${f1.toFixed(4)}`);
  return best.options;
}

/**
 * Anchor split and time prior on the development set (the other settings at their
 * defaults): anchor threshold × grace days × half-life. Prints every setting within 0.002
 * of the best.
 */
function tuneAnchors(dev: Subset): ClusterOptions {
  const results: { options: ClusterOptions; f1: number }[] = [];
  for (const anchorSplitThreshold of [0, 0.1, 0.2, 0.25, 0.3, 0.4])
    for (const timeGraceDays of [3, 60, 365, 730])
      for (const timeHalfLifeDays of [7, 30, 730]) {
        const options = { ...DEFAULT_CLUSTER_OPTIONS, anchorSplitThreshold, timeGraceDays, timeHalfLifeDays };
        results.push({ options, f1: scoreBatch(dev, options).f1 });
      }
  results.sort((a, b) => b.f1 - a.f1);
  const best = results[0] as { options: ClusterOptions; f1: number };
  console.log(`tuned on ${dev.name} (anchor threshold, grace days, half-life days → B³F1):`);
  for (const { options: o, f1 } of results.filter((r) => r.f1 >= best.f1 - 0.002))
    console.log(`  ${o.anchorSplitThreshold}  ${o.timeGraceDays}  ${o.timeHalfLifeDays}  → ${f1.toFixed(4)}`);
  return best.options;
}

/** The share of entity keys in the similarity, on the development set (other settings at their defaults). */
function tuneEntities(dev: Subset): ClusterOptions {
  const results: { options: ClusterOptions; f1: number }[] = [];
  for (const entityWeight of [0, 0.05, 0.1, 0.15, 0.2, 0.3]) {
    const options = { ...DEFAULT_CLUSTER_OPTIONS, entityWeight };
    results.push({ options, f1: scoreBatch(dev, options).f1 });
  }
  console.log(`tuned on ${dev.name} (entity weight → B³F1):`);
  for (const { options: o, f1 } of results) console.log(`  ${o.entityWeight}  → ${f1.toFixed(4)}`);
  return [...results].sort((a, b) => b.f1 - a.f1)[0]!.options;
}

async function featuresOf(articles: Article[], withEntities: boolean): Promise<StoryFeatures[]> {
  if (!withEntities) return articles.map((a) => storyFeatures(a));
  const annotated = await annotateArticles(articles);
  return articles.map((a, i) =>
    storyFeatures(
      a,
      (annotated[i]?.annotations.mentions ?? []).filter((m) => m.type !== 'other').map((m) => m.key),
    ),
  );
}

export async function run(args: string[]): Promise<void> {
  const dir = dataDir();
  const shuffles = Number(option(args, '--shuffles') ?? 5);
  const withEntities = !args.includes('--no-entities');
  const started = Date.now();
  const ecb = await loadLabelled(dir, 'ecbplus');
  const basil = await loadLabelled(dir, 'basil');
  const ecbFeatures = await featuresOf(ecb.articles, withEntities);
  const basilFeatures = await featuresOf(basil.articles, withEntities);
  const subset = (name: string, keep: (f: StoryFeatures) => boolean): Subset => ({
    name,
    features: ecbFeatures.filter(keep),
    labels: ecb.labels,
  });
  const dev = subset('ECB+ topics 1–17 (dev)', (f) => ecbTopic(f.id) <= 17);
  const test = subset('ECB+ topics 18–35 (held out)', (f) => ecbTopic(f.id) >= 18);
  const all = subset('ECB+ all 35 topics', () => true);
  const basilSet: Subset = { name: 'BASIL (held out)', features: basilFeatures, labels: basil.labels };
  console.log(
    `loaded ${ecb.articles.length} + ${basil.articles.length} articles in ${Date.now() - started} ms${withEntities ? ' (with entities)' : ''}`,
  );

  const options = args.includes('--tune')
    ? tune(dev)
    : args.includes('--tune-anchors')
      ? tuneAnchors(dev)
      : args.includes('--tune-entities')
        ? tuneEntities(dev)
        : DEFAULT_CLUSTER_OPTIONS;
  console.log('\nbatch mode (canonical order, reassign + merge):');
  for (const set of [dev, test, all, basilSet]) {
    const t = Date.now();
    const s = scoreBatch(set, options);
    console.log(
      `  ${set.name.padEnd(30)} n=${String(set.features.length).padStart(4)}  ${fmt(s)}  (${Date.now() - t} ms)`,
    );
  }
  console.log(`\ninput-order stability, ${shuffles} shuffles (B³F1 min–max, spread):`);
  for (const set of [test, basilSet]) {
    for (const mode of ['batch', 'online'] as const) {
      const f1s: number[] = [];
      for (let seed = 1; seed <= shuffles; seed++) {
        const order = shuffled(set.features, seed);
        const groups = mode === 'batch' ? clusterStories(order, options) : onlineGroups(order, options);
        f1s.push(scoreClusters(toMap(groups), set.labels).f1);
      }
      const min = Math.min(...f1s);
      const max = Math.max(...f1s);
      console.log(
        `  ${set.name.padEnd(30)} ${mode.padEnd(6)} ${min.toFixed(3)}–${max.toFixed(3)}  spread ${(max - min).toFixed(3)}`,
      );
    }
  }
}
