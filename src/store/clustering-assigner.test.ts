import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIntoStore } from '../cli/commands/ingest.js';
import type { Article } from '../model/article.js';
import { runIngestJob } from '../worker/ingest-job.js';
import { StoryClusterer } from '../stories/cluster-stories.js';
import { replayEntries } from '../stories/clusterer-state.js';
import { storyFeatures } from '../stories/story-features.js';
import { createClusteringAssigner, entityKeys, STORIES_INDEX, storyIdFor } from './clustering-assigner.js';
import { assignByContentHash, ingestRecords } from './assign-stories.js';
import { openStore } from './open-store.js';
import { createTestDatabase, probePostgres } from './postgres/test-database.js';
import type { Store } from './store.js';
import { makeRecord } from './test-records.js';

// Two invented events, three reports each, told in different words.
const FIRE = [
  [
    'Wildfire forces evacuation of Marrowbridge',
    'A wildfire swept towards Marrowbridge on Tuesday, and firefighters ordered 4,000 residents of the Kelvane valley to leave their homes.',
  ],
  [
    'Thousands flee Kelvane valley fire',
    'Residents of Marrowbridge fled on Tuesday as the wildfire in the Kelvane valley grew, fire chief Odile Brannock said; 4,000 people were evacuated.',
  ],
  [
    'Marrowbridge fire: firefighters battle blaze overnight',
    'Firefighters fought the Kelvane valley wildfire near Marrowbridge through the night, fire chief Odile Brannock said, after 4,000 residents were evacuated.',
  ],
] as const;
const BANK = [
  [
    'Halvorsen Bank to buy Tidewater Credit',
    'Halvorsen Bank agreed on Monday to acquire Tidewater Credit for 2.3 billion dollars, chief executive Ines Marlow announced.',
  ],
  [
    'Tidewater Credit sold to Halvorsen in 2.3 billion deal',
    'Tidewater Credit shareholders will receive 2.3 billion dollars from Halvorsen Bank, whose chief executive Ines Marlow called the acquisition a milestone.',
  ],
  [
    'Halvorsen–Tidewater merger faces regulator review',
    'The acquisition of Tidewater Credit by Halvorsen Bank, worth 2.3 billion dollars, will be reviewed by regulators, Ines Marlow said on Monday.',
  ],
] as const;

function article(id: string, [title, text]: readonly [string, string], day: string): Article {
  return makeRecord(0, { id, title, text, outlet: `Outlet ${id}`, published: `2025-06-${day}T09:00:00.000Z` })
    .article;
}

const fire = FIRE.map((t, i) => article(`fire-${i + 1}`, t, '03'));
const bank = BANK.map((t, i) => article(`bank-${i + 1}`, t, '02'));
// Each ingest call carries both events, so the second has to find the first one's stories.
const firstCall = [fire[0], bank[0], fire[1]] as Article[];
const secondCall = [bank[1], fire[2], bank[2]] as Article[];

async function storiesOf(store: Store): Promise<string[][]> {
  const page = await store.listStories({ limit: 100 });
  const out: string[][] = [];
  for (const summary of page.items) {
    const detail = await store.getStory(summary.id);
    out.push([...(detail?.articleIds ?? [])].sort());
  }
  return out.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

const EXPECTED = [
  ['bank-1', 'bank-2', 'bank-3'],
  ['fire-1', 'fire-2', 'fire-3'],
];

const unreachable = await probePostgres();

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-assign-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createClusteringAssigner (SQLite)', () => {
  it('should put two separate ingests of two events into two stories with the right members', async () => {
    const store = await openStore(join(dir, 'two-calls.db'));
    try {
      await ingestIntoStore(store, firstCall, 200);
      const totals = await ingestIntoStore(store, secondCall, 200);
      expect(totals.assigned).toBe(3);
      expect(await storiesOf(store)).toEqual(EXPECTED);
      const fireStory = await store.getStory(storyIdFor('fire-1'));
      expect(fireStory?.title).toMatch(/Marrowbridge|Kelvane/);
      const state = await store.getClusteringState(STORIES_INDEX);
      // Created (1), then one log append per ingest call.
      expect(state?.revision).toBe(3);
      expect((state?.state as { version: number }).version).toBe(2);
      expect(await store.readClusteringLog(STORIES_INDEX)).toHaveLength(6);

      const again = await ingestIntoStore(store, [...firstCall, ...secondCall], 200);
      expect(again).toMatchObject({ stored: 0, duplicates: 6, assigned: 0 });
      expect(await storiesOf(store)).toEqual(EXPECTED);
    } finally {
      await store.close();
    }
  });

  it('should start afresh with a warning when the saved state has an unknown version', async () => {
    const store = await openStore(join(dir, 'old-state.db'));
    const warnings: string[] = [];
    try {
      await store.withStoryLock((writer) => writer.putClusteringState(STORIES_INDEX, { version: 99 }));
      const assigner = createClusteringAssigner({ onWarning: (m) => warnings.push(m) });
      const { annotations } = makeRecord(0);
      const records = [...fire, ...bank].map((a) => ({ article: a, annotations }));
      const summary = await ingestRecords(store, records, assigner);
      expect(summary.assigned).toBe(6);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/version 99 is not supported.*starts afresh/);
      const state = await store.getClusteringState(STORIES_INDEX);
      expect((state?.state as { version: number }).version).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('should give the same stories when two assigners take turns, each catching up on the other', async () => {
    const store = await openStore(join(dir, 'turns.db'));
    const other = await openStore(join(dir, 'turns.db'));
    try {
      const { annotations } = makeRecord(0);
      const records = [...firstCall, ...secondCall].map((a) => ({ article: a, annotations }));
      const a = createClusteringAssigner();
      const b = createClusteringAssigner();
      for (const [i, record] of records.entries())
        await ingestRecords(i % 2 ? other : store, [record], i % 2 ? b : a);
      expect(await storiesOf(store)).toEqual(EXPECTED);
      expect(await store.readClusteringLog(STORIES_INDEX)).toHaveLength(6);
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('should title a story from all its first articles, including those another assigner added', async () => {
    const store = await openStore(join(dir, 'titles.db'));
    const other = await openStore(join(dir, 'titles.db'));
    try {
      const { annotations } = makeRecord(0);
      const [one, two, three] = fire.map((a) => ({ article: a, annotations }));
      const a = createClusteringAssigner();
      await ingestRecords(store, [one!], a);
      await ingestRecords(other, [two!], createClusteringAssigner());
      await ingestRecords(store, [three!], a);
      const story = await store.getStory(storyIdFor('fire-1'));
      expect(story?.articleIds).toHaveLength(3);
      // Of all three titles this one shares most words with the others; of the first and
      // third alone (what `a` saw itself) it would be the first one's.
      expect(story?.title).toBe(FIRE[2][0]);
    } finally {
      await other.close();
      await store.close();
    }
  });

  it('should reload after a batch whose transaction failed, so nothing the store never saw is kept', async () => {
    const store = await openStore(join(dir, 'rollback.db'));
    try {
      const { annotations } = makeRecord(0);
      const assigner = createClusteringAssigner();
      await ingestRecords(
        store,
        firstCall.map((a) => ({ article: a, annotations })),
        assigner,
      );
      const failing = {
        assign: async (writer: Parameters<typeof assigner.assign>[0], ids: string[]) => {
          await assigner.assign(writer, ids);
          throw new Error('commit lost');
        },
        discard: () => assigner.discard?.(),
      };
      const rest = secondCall.map((a) => ({ article: a, annotations }));
      await expect(ingestRecords(store, rest, failing)).rejects.toThrow('commit lost');
      await ingestRecords(store, rest, assigner);
      expect(await storiesOf(store)).toEqual(EXPECTED);
      expect(await store.readClusteringLog(STORIES_INDEX)).toHaveLength(6);
    } finally {
      await store.close();
    }
  });

  it('should continue a version 1 state saved whole, logging the articles added after it', async () => {
    const store = await openStore(join(dir, 'legacy.db'));
    try {
      const { annotations } = makeRecord(0);
      const old = new StoryClusterer();
      for (const a of firstCall) old.add(storyFeatures(a, entityKeys(annotations)));
      await ingestRecords(
        store,
        firstCall.map((a) => ({ article: a, annotations })),
        assignByContentHash,
      );
      await store.withStoryLock((writer) => writer.putClusteringState(STORIES_INDEX, old.toState()));
      await ingestRecords(
        store,
        secondCall.map((a) => ({ article: a, annotations })),
        createClusteringAssigner(),
      );
      const log = (await store.readClusteringLog(STORIES_INDEX)) as { seq: number; id: string }[];
      expect(log.map((e) => [e.seq, e.id])).toEqual(secondCall.map((a, i) => [3 + i, a.id]));
      const assigned = await store.getArticles(secondCall.map((a) => a.id));
      const fireStory = assigned.find((s) => s.article.id === 'fire-3')?.storyId;
      expect(fireStory).toBe(storyIdFor('fire-1'));
    } finally {
      await store.close();
    }
  });
});

/**
 * Another process checkpoints the index (saves the clusterer whole as a version 1 state,
 * which empties the log) while an assigner holds an older clusterer in memory: that
 * assigner must read the index whole, not take the empty log from its own count as
 * "nothing new" and append after articles it never saw.
 */
async function checkpointUnderHeldClusterer(store: Store, other: Store): Promise<void> {
  const { annotations } = makeRecord(0);
  const records = [...firstCall, ...secondCall].map((a) => ({ article: a, annotations }));
  const held = createClusteringAssigner();
  await ingestRecords(store, records.slice(0, 1), held);
  await ingestRecords(other, records.slice(1, 3), createClusteringAssigner());
  await other.withStoryLock(async (writer) => {
    const clusterer = new StoryClusterer();
    replayEntries(clusterer, await writer.readClusteringLog(STORIES_INDEX));
    await writer.putClusteringState(STORIES_INDEX, clusterer.toState());
  });
  expect(await store.readClusteringLog(STORIES_INDEX)).toHaveLength(0);
  await ingestRecords(store, records.slice(3), held);
  const log = (await store.readClusteringLog(STORIES_INDEX)) as { seq: number; id: string }[];
  expect(log.map((e) => [e.seq, e.id])).toEqual(secondCall.map((a, i) => [3 + i, a.id]));
  expect(await storiesOf(store)).toEqual(EXPECTED);
}

describe('createClusteringAssigner after a checkpoint by another process', () => {
  it('should read the index whole (SQLite)', async () => {
    const store = await openStore(join(dir, 'checkpoint.db'));
    const other = await openStore(join(dir, 'checkpoint.db'));
    try {
      await checkpointUnderHeldClusterer(store, other);
    } finally {
      await other.close();
      await store.close();
    }
  });

  it.skipIf(unreachable !== null)('should read the index whole (PostgreSQL)', async () => {
    const database = await createTestDatabase();
    const url = `${database.url}?schema=checkpoint`;
    const store = await openStore(url);
    const other = await openStore(url);
    try {
      await checkpointUnderHeldClusterer(store, other);
    } finally {
      await other.close();
      await store.close();
      await database.drop();
    }
  });
});

describe.skipIf(unreachable !== null)('createClusteringAssigner (PostgreSQL, worker jobs)', () => {
  it('should give the same two stories when two jobs ingest the two halves', async () => {
    const database = await createTestDatabase();
    const store = await openStore(`${database.url}?schema=assign`);
    try {
      await runIngestJob(store, { articles: firstCall });
      await runIngestJob(store, { articles: secondCall });
      expect(await storiesOf(store)).toEqual(EXPECTED);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
