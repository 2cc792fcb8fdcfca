import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { CorpusStats } from '../similarity/corpus-stats.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { DEFAULT_CLUSTER_OPTIONS, StoryClusterer } from './cluster-stories.js';
import {
  ClustererStateError,
  checkLogHeader,
  logEntries,
  logHeader,
  replayEntries,
  termCount,
} from './clusterer-state.js';
import { countedFeatures, storyFeatures, type StoryFeatures } from './story-features.js';

const events = [
  [
    'Strong earthquake strikes northern Chile',
    'A magnitude 7.1 earthquake struck northern Chile near Iquique',
  ],
  ['Central bank holds interest rates', 'The Federal Reserve left interest rates unchanged as Powell spoke'],
  [
    'Ferry sinks off Greek island',
    'A passenger ferry sank near Lesbos and coastguard boats rescued 80 people',
  ],
  [
    'Striker signs record transfer',
    'Madrid signed the Brazilian striker Vinicius for a record fee of 120 million',
  ],
] as const;

function synthetic(): StoryFeatures[] {
  const out: StoryFeatures[] = [];
  for (let i = 0; i < 24; i++) {
    const [title, lead] = events[i % events.length] as readonly [string, string];
    const day = String(1 + (i % 5)).padStart(2, '0');
    out.push(
      storyFeatures({
        id: `a${String(i).padStart(2, '0')}`,
        title,
        text: `${lead} on Monday, report ${i} said. Officials in ${['Athens', 'Santiago', 'Washington'][i % 3]} gave details ${i * 7}.`,
        published: `2024-05-${day}T10:00:00Z`,
      }),
    );
  }
  return out;
}

/** Story index sequence of one run that stops halfway, saves (through JSON) and restores. */
function splitRun(features: readonly StoryFeatures[], maxCentroidTerms?: number): string[][] {
  const half = Math.floor(features.length / 2);
  const first = new StoryClusterer();
  for (const f of features.slice(0, half)) first.add(f);
  const json = JSON.stringify(first.toState({ maxCentroidTerms }));
  const second = StoryClusterer.fromState(JSON.parse(json));
  for (const f of features.slice(half)) second.add(f);
  return second.clusterIds();
}

function oneRun(features: readonly StoryFeatures[]): string[][] {
  const clusterer = new StoryClusterer();
  for (const f of features) clusterer.add(f);
  return clusterer.clusterIds();
}

describe('StoryClusterer state', () => {
  it('should cluster the second half after a save and restore exactly as without one', () => {
    const features = synthetic();
    const expected = oneRun(features);
    expect(expected.length).toBeGreaterThan(1);
    expect(splitRun(features, Infinity)).toEqual(expected);
    expect(splitRun(features)).toEqual(expected);
  });

  it('should be plain JSON with a version and survive a second round trip unchanged', () => {
    const clusterer = new StoryClusterer();
    for (const f of synthetic()) clusterer.add(f);
    const state = clusterer.toState({ maxCentroidTerms: Infinity });
    expect(state.version).toBe(1);
    const again = StoryClusterer.fromState(JSON.parse(JSON.stringify(state))).toState({
      maxCentroidTerms: Infinity,
    });
    expect(again).toEqual(state);
  });

  it("should load a look-up list saved as one entry per run, keeping each story's count and the last entry", () => {
    const clusterer = new StoryClusterer();
    for (const f of synthetic()) clusterer.add(f);
    const state = clusterer.toState({ maxCentroidTerms: Infinity });
    const term = (state.postings[0] as number[])[0] as number;
    // As states were written before counts: stories taking turns, one entry per run.
    state.postings[0] = [term, 0, 1, 0, 2, 1];
    const again = StoryClusterer.fromState(JSON.parse(JSON.stringify(state))).toState({
      maxCentroidTerms: Infinity,
    });
    // Story 0 twice, 2 once, 1 twice with the last entry last: same counts, length and last.
    expect(again.postings[0]).toEqual([term, 0, 0, 1, 2, 1]);
    expect(StoryClusterer.fromState(again).toState({ maxCentroidTerms: Infinity })).toEqual(again);
  });

  it('should keep at most the capped number of centroid terms per story', () => {
    const clusterer = new StoryClusterer();
    for (const f of synthetic()) clusterer.add(f);
    const state = clusterer.toState({ maxCentroidTerms: 5 });
    for (const story of state.stories) if (story) expect(story.centroid.ids.length).toBeLessThanOrEqual(5);
  });

  it('should refuse an unknown version or a malformed state with a ClustererStateError', () => {
    expect(() => StoryClusterer.fromState({ version: 2 })).toThrow(ClustererStateError);
    expect(() => StoryClusterer.fromState({ version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => StoryClusterer.fromState({ version: 1, corpus: {} })).toThrow(ClustererStateError);
    expect(() => StoryClusterer.fromState('nonsense')).toThrow(ClustererStateError);
  });

  it('should refuse to refine a restored clusterer rather than refine it wrongly', () => {
    const clusterer = new StoryClusterer();
    for (const f of synthetic().slice(0, 4)) clusterer.add(f);
    expect(() => StoryClusterer.fromState(clusterer.toState()).refine()).toThrow(/restored/);
  });
});

/** Adds features in batches, logging each batch as the store would (through JSON). */
function loggedRun(clusterer: StoryClusterer, features: readonly StoryFeatures[], batch: number): unknown[] {
  const log: unknown[] = [];
  for (let start = 0; start < features.length; start += batch) {
    const from = clusterer.articleCount;
    const terms = termCount(clusterer);
    for (const f of features.slice(start, start + batch)) clusterer.add(f);
    log.push(...JSON.parse(JSON.stringify(logEntries(clusterer, from, terms))));
  }
  return log;
}

describe('StoryClusterer.addCounted', () => {
  it('should give the stories and the saved state add gives, from the counted and hashed features', () => {
    const features = synthetic();
    const strings = new StoryClusterer();
    const counted = new StoryClusterer();
    for (const f of features) expect(counted.addCounted(countedFeatures(f))).toBe(strings.add(f));
    expect(counted.toState({ maxCentroidTerms: Infinity })).toEqual(
      strings.toState({ maxCentroidTerms: Infinity }),
    );
  });

  it('should refuse batch mode, whose statistics come from the terms themselves', () => {
    const batch = new StoryClusterer(DEFAULT_CLUSTER_OPTIONS, new CorpusStats());
    expect(() => batch.addCounted(countedFeatures(synthetic()[0] as StoryFeatures))).toThrow(/online/);
  });
});

describe('StoryClusterer log', () => {
  it('should rebuild, by replaying the log in any chunks, the clusterer that wrote it', () => {
    const features = synthetic();
    const writer = new StoryClusterer();
    const log = loggedRun(writer, features, 5);
    const reader = new StoryClusterer(checkLogHeader(JSON.parse(JSON.stringify(logHeader(writer)))).options);
    replayEntries(reader, log.slice(0, 7));
    replayEntries(reader, log.slice(7));
    expect(reader.toState({ maxCentroidTerms: Infinity })).toEqual(
      writer.toState({ maxCentroidTerms: Infinity }),
    );
    expect(reader.clusterIds()).toEqual(oneRun(features));
  });

  it('should let a replayed clusterer go on adding and logging exactly as the writer would', () => {
    const features = synthetic();
    const half = features.length / 2;
    const first = new StoryClusterer();
    const log = loggedRun(first, features.slice(0, half), 4);
    const second = new StoryClusterer();
    replayEntries(second, log);
    const more = loggedRun(second, features.slice(half), 3);
    const third = new StoryClusterer();
    replayEntries(third, [...log, ...more]);
    expect(second.clusterIds()).toEqual(oneRun(features));
    expect(third.toState({ maxCentroidTerms: Infinity })).toEqual(
      second.toState({ maxCentroidTerms: Infinity }),
    );
  });

  it('should forget one-off terms on replay exactly where the writer forgot them', () => {
    const options = { ...DEFAULT_CLUSTER_OPTIONS, forgetSingletonsAfter: 6 };
    const writer = new StoryClusterer(options);
    const log = loggedRun(writer, synthetic(), 5);
    const stats = writer['stats'];
    // Some terms were forgotten (report numbers seen once), and some of them came back with a new id.
    expect(stats.dictionarySize).toBeLessThan(stats.termCount - 10);
    const reader = new StoryClusterer(checkLogHeader(JSON.parse(JSON.stringify(logHeader(writer)))).options);
    replayEntries(reader, log.slice(0, 9));
    replayEntries(reader, log.slice(9));
    expect(reader.toState({ maxCentroidTerms: Infinity })).toEqual(
      writer.toState({ maxCentroidTerms: Infinity }),
    );
    expect(reader['stats'].dictionarySize).toBe(stats.dictionarySize);
    expect(reader.clusterIds()).toEqual(writer.clusterIds());
  });

  it('should refuse entries out of sequence, malformed entries and unknown log versions', () => {
    const writer = new StoryClusterer();
    const log = loggedRun(writer, synthetic().slice(0, 6), 6);
    expect(() => replayEntries(new StoryClusterer(), log.slice(1))).toThrow(/follows article/);
    expect(() => replayEntries(new StoryClusterer(), [{ seq: 0 }])).toThrow(ClustererStateError);
    expect(() => checkLogHeader({ version: 1, options: {} })).toThrow(/log version 1/);
  });

  it('should refuse to log a batch-mode clusterer, whose statistics the log cannot replay', () => {
    const batch = new StoryClusterer(undefined, new CorpusStats());
    batch.add(synthetic()[0] as StoryFeatures);
    expect(() => logEntries(batch, 0, 0)).toThrow(TypeError);
  });
});

const data = sharedData();
describe.skipIf(!data && !requireSharedData)('StoryClusterer state on BASIL', () => {
  it('should give the same stories after a save and restore as without one', async () => {
    const { articles } = await readArticles([join(data ?? '', 'basil', 'articles.jsonl')]);
    const features = articles.slice(0, 90).map((a) => storyFeatures(a));
    expect(splitRun(features, Infinity)).toEqual(oneRun(features));
  });

  it('should replay a logged run of BASIL into the same clusterer', async () => {
    const { articles } = await readArticles([join(data ?? '', 'basil', 'articles.jsonl')]);
    const features = articles.slice(0, 90).map((a) => storyFeatures(a));
    const writer = new StoryClusterer();
    const log = loggedRun(writer, features, 20);
    const reader = new StoryClusterer();
    replayEntries(reader, log);
    expect(reader.toState({ maxCentroidTerms: Infinity })).toEqual(
      writer.toState({ maxCentroidTerms: Infinity }),
    );
    expect(reader.clusterIds()).toEqual(oneRun(features));
  });
});
