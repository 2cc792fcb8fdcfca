import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticles } from '../ingest/read-articles.js';
import { requireSharedData, sharedData } from '../../test/shared-data.js';
import { StoryClusterer } from './cluster-stories.js';
import { ClustererStateError } from './clusterer-state.js';
import { storyFeatures, type StoryFeatures } from './story-features.js';

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

const data = sharedData();
describe.skipIf(!data && !requireSharedData)('StoryClusterer state on BASIL', () => {
  it('should give the same stories after a save and restore as without one', async () => {
    const { articles } = await readArticles([join(data ?? '', 'basil', 'articles.jsonl')]);
    const features = articles.slice(0, 90).map((a) => storyFeatures(a));
    expect(splitRun(features, Infinity)).toEqual(oneRun(features));
  });
});
