import { afterEach, describe, expect, it } from 'vitest';
import { ingestRecords, type StoryAssigner } from './assign-stories.js';
import type { Store, StoryWriter } from './store.js';
import { makeRecord } from './test-records.js';

/** A fresh, empty database for one test: open it as often as needed, then dispose of it. */
export interface StoreTarget {
  /** Opens another store on the same database (a new connection or pool). */
  open(): Promise<Store>;
  /** Closes nothing it did not open; drops the database, schema or file. */
  dispose(): Promise<void>;
}

/**
 * Groups articles by the first word of their title, remembering key → story in the
 * clustering state. Story ids carry the state revision, so two assigners that did not
 * take turns would make two stories for one key: the concurrency test would see it.
 */
const assignByTitleWord: StoryAssigner = {
  async assign(writer: StoryWriter, articleIds: string[]) {
    const saved = await writer.getClusteringState('title-word');
    const keys = { ...((saved?.state as Record<string, string> | undefined) ?? {}) };
    for (const id of articleIds) {
      const stored = await writer.getArticle(id);
      const key = stored?.article.title?.split(' ')[0] ?? 'none';
      let storyId = keys[key];
      if (!storyId) {
        storyId = `story-${saved?.revision ?? 0}-${key}`;
        keys[key] = storyId;
        await writer.putStory({ id: storyId, title: key });
      }
      await writer.assignArticle(storyId, id);
    }
    await writer.putClusteringState('title-word', keys);
  },
};

/** The behaviour every `Store` adapter must have; each engine's test file runs it. */
export function defineStoreContract(
  name: string,
  createTarget: () => Promise<StoreTarget>,
  options: { skip?: string | null } = {},
): void {
  describe.skipIf(Boolean(options.skip))(`Store contract: ${name}`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    const fresh = async (): Promise<{ store: Store; target: StoreTarget }> => {
      const target = await createTarget();
      cleanups.push(() => target.dispose());
      const store = await target.open();
      cleanups.push(() => store.close());
      return { store, target };
    };

    it('should migrate on open and re-run migrations safely', async () => {
      const { store, target } = await fresh();
      const versions = await store.schemaVersions();
      expect(versions[0]).toBe(1);
      await store.migrate();
      await store.putArticles([makeRecord(1)]);
      const again = await target.open();
      cleanups.push(() => again.close());
      expect(await again.schemaVersions()).toEqual(versions);
      expect((await again.getArticle('article-1'))?.article.id).toBe('article-1');
    });

    it('should store the same content once and say which records were new', async () => {
      const { store } = await fresh();
      const first = await store.putArticles([
        makeRecord(1),
        makeRecord(2),
        makeRecord(1, { id: 'copy-of-1' }),
      ]);
      expect(first.map((r) => [r.id, r.isNew])).toEqual([
        ['article-1', true],
        ['article-2', true],
        ['article-1', false],
      ]);
      const second = await store.putArticles([makeRecord(2), makeRecord(3)]);
      expect(second.map((r) => [r.id, r.isNew])).toEqual([
        ['article-2', false],
        ['article-3', true],
      ]);
      expect((await store.listArticles()).items).toHaveLength(3);
    });

    it('should keep a different content that reuses an id under a suffixed id', async () => {
      const { store } = await fresh();
      await store.putArticles([makeRecord(1)]);
      const [changed] = await store.putArticles([makeRecord(1, { text: 'An updated body.' })]);
      expect(changed?.isNew).toBe(true);
      expect(changed?.id).toBe(`article-1@${changed?.contentHash.slice(0, 12)}`);
      expect((await store.getArticle(changed!.id))?.article.text).toBe('An updated body.');
      expect(
        (await store.getArticles([changed!.id, 'article-1', 'nothing']))?.map((s) => s.article.id),
      ).toEqual([changed!.id, 'article-1']);
    });

    it('should sort out taken ids and copies within one call as it does call by call', async () => {
      const { store } = await fresh();
      await store.putArticles([makeRecord(1)]);
      const a = makeRecord(2);
      const b = makeRecord(2, { text: 'Another body under the same id.' });
      const results = await store.putArticles([
        a,
        b,
        makeRecord(1, { id: 'again-1' }),
        makeRecord(2, { id: 'copy' }),
        b,
      ]);
      // Records are stored in content-hash order: the smaller hash gets the plain id.
      const [low, high] = [a, b].sort((x, y) => (x.article.contentHash < y.article.contentHash ? -1 : 1));
      const highId = `article-2@${high!.article.contentHash.slice(0, 12)}`;
      const idOf = (record: typeof a): string => (record === low ? 'article-2' : highId);
      expect(results.map((r) => [r.id, r.isNew])).toEqual([
        [idOf(a), true],
        [idOf(b), true],
        ['article-1', false],
        [idOf(a), false],
        [idOf(b), false],
      ]);
      expect((await store.listArticles()).items).toHaveLength(3);
      expect((await store.getArticle(highId))?.article.text).toBe(high!.article.text);
    });

    it('should give back every field of an article and its annotations', async () => {
      const { store } = await fresh();
      const record = makeRecord(7, { text: 'Ünïcode “quotes” — and emoji 🎉 survive.\n\nSecond paragraph.' });
      await store.putArticles([record]);
      const stored = await store.getArticle('article-7');
      expect(stored?.article).toEqual(record.article);
      expect(stored?.annotations).toEqual(record.annotations);
      expect(stored?.storyId).toBeNull();
      expect(Date.parse(stored!.ingestedAt)).not.toBeNaN();
      expect(await store.getArticle('missing')).toBeNull();
    });

    it('should filter articles by since, outlet and search, and page them stably', async () => {
      const { store } = await fresh();
      const records = Array.from({ length: 25 }, (_, i) =>
        makeRecord(i, {
          outlet: i % 2 ? 'Odd News' : 'Even Times',
          title: i === 4 ? 'Oskerby 100%_done' : `Title ${i}`,
          published: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
        }),
      );
      await store.putArticles(records);
      const since = await store.listArticles({ since: '2025-01-21' });
      expect(since.items.map((a) => a.article.id).sort()).toEqual(
        ['article-20', 'article-21', 'article-22', 'article-23', 'article-24'].sort(),
      );
      const odd = await store.listArticles({ outlet: 'Odd News', limit: 1000 });
      expect(odd.items).toHaveLength(12);
      expect((await store.listArticles({ search: 'oSKERBY 100%_' })).items.map((a) => a.article.id)).toEqual([
        'article-4',
      ]);
      expect((await store.listArticles({ search: '0%x' })).items).toEqual([]);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.listArticles({ limit: 7, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((a) => a.article.id));
        if (pages === 0) await store.putArticles([makeRecord(100)]);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(4);
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
      const unpaged = (await store.listArticles({ limit: 1000 })).items.map((a) => a.article.id);
      expect(unpaged.filter((id) => id !== 'article-100')).toEqual(seen);
    });

    it('should throw a TypeError naming the call on a bad query', async () => {
      const { store } = await fresh();
      await expect(store.listArticles({ limit: 0 })).rejects.toThrow(/listArticles\(query\): limit/);
      await expect(store.listStories({ since: 'yesterday-ish' })).rejects.toThrow(TypeError);
      await expect(store.listArticles({ cursor: 'nonsense' })).rejects.toThrow(/nextCursor/);
      await expect(store.assignArticle('no-story', 'no-article')).rejects.toThrow(/putStory it first/);
    });

    it('should assign articles to stories and list stories with their filters', async () => {
      const { store } = await fresh();
      await store.putArticles([
        makeRecord(1, { outlet: 'A', title: 'Oskerby collapse', published: '2025-04-01T10:00:00Z' }),
        makeRecord(2, { outlet: 'B', title: 'Oskerby: denial', published: '2025-04-02T10:00:00+03:00' }),
        makeRecord(3, { outlet: 'B', title: 'Budget vote', published: '2024-12-01' }),
      ]);
      await store.withStoryLock(async (writer) => {
        await writer.putStory({ id: 's1', title: 'Oskerby' });
        await writer.putStory({ id: 's2', title: 'Budget' });
        await writer.assignArticle('s1', 'article-2');
        await writer.assignArticle('s1', 'article-1');
        await writer.assignArticle('s2', 'article-3');
      });
      const story = await store.getStory('s1');
      expect(story).toMatchObject({ id: 's1', title: 'Oskerby', articleCount: 2, outlets: ['A', 'B'] });
      expect(story?.articleIds).toEqual(['article-1', 'article-2']);
      expect((await store.getArticle('article-3'))?.storyId).toBe('s2');
      expect((await store.listStories()).items.map((s) => s.id)).toEqual(['s2', 's1']);
      expect((await store.listStories({ since: '2025-01-01' })).items.map((s) => s.id)).toEqual(['s1']);
      expect((await store.listStories({ outlet: 'A' })).items.map((s) => s.id)).toEqual(['s1']);
      expect((await store.listStories({ search: 'denial' })).items.map((s) => s.id)).toEqual(['s1']);
      const first = await store.listStories({ limit: 1 });
      const second = await store.listStories({ limit: 1, cursor: first.nextCursor! });
      expect([...first.items, ...second.items].map((s) => s.id)).toEqual(['s2', 's1']);
      expect(second.nextCursor).toBeNull();

      await store.withStoryLock((writer) => writer.assignArticle('s2', 'article-1'));
      expect((await store.getStory('s1'))?.articleIds).toEqual(['article-2']);
      expect((await store.getStory('s2'))?.articleIds).toEqual(['article-3', 'article-1']);
      expect(await store.getStory('nope')).toBeNull();
    });

    it('should roll back everything done under the story lock when the callback throws', async () => {
      const { store } = await fresh();
      await store.putArticles([makeRecord(1)]);
      await expect(
        store.withStoryLock(async (writer) => {
          await writer.putStory({ id: 's1', title: null });
          await writer.assignArticle('s1', 'article-1');
          await writer.putClusteringState('index', { a: 1 });
          throw new Error('assigner failed');
        }),
      ).rejects.toThrow('assigner failed');
      expect(await store.getStory('s1')).toBeNull();
      expect(await store.getClusteringState('index')).toBeNull();
      expect(await store.listUnassignedArticleIds()).toEqual(['article-1']);
    });

    it('should save and count revisions of an opaque clustering state', async () => {
      const { store } = await fresh();
      expect(await store.getClusteringState('tfidf')).toBeNull();
      await store.putClusteringState('tfidf', { df: { oskerby: 3 }, docs: 5 });
      await store.putClusteringState('tfidf', { df: { oskerby: 4 }, docs: 6 });
      const saved = await store.getClusteringState('tfidf');
      expect(saved?.state).toEqual({ df: { oskerby: 4 }, docs: 6 });
      expect(saved?.revision).toBe(2);
      await expect(store.putClusteringState('x', undefined)).rejects.toThrow(TypeError);
    });

    it('should append a clustering log in order, count a revision per append and refuse a stale one', async () => {
      const { store } = await fresh();
      expect(await store.getClusteringRevision('log')).toBeNull();
      await expect(store.appendClusteringLog('log', 0, [1])).rejects.toThrow(/putClusteringState it first/);
      await store.putClusteringState('log', { header: true });
      expect(await store.getClusteringRevision('log')).toBe(1);
      expect(await store.appendClusteringLog('log', 0, [{ a: 1 }, 'two'])).toBe(2);
      const many = Array.from({ length: 1200 }, (_, i) => ({ n: i + 2, text: 'é “q”' }));
      expect(await store.appendClusteringLog('log', 2, many)).toBe(3);
      const log = await store.readClusteringLog('log');
      expect(log).toHaveLength(1202);
      expect(log.slice(0, 3)).toEqual([{ a: 1 }, 'two', { n: 2, text: 'é “q”' }]);
      expect(await store.readClusteringLog('log', 1201)).toEqual([{ n: 1201, text: 'é “q”' }]);
      await expect(store.appendClusteringLog('log', 1, ['stale'])).rejects.toThrow();
      expect(await store.getClusteringRevision('log')).toBe(3);
      expect((await store.getClusteringState('log'))?.state).toEqual({ header: true });
      await store.putClusteringState('log', { header: 'again' });
      expect(await store.readClusteringLog('log')).toEqual([]);
      await expect(store.appendClusteringLog('log', -1, [])).rejects.toThrow(TypeError);
    });

    it('should assign many articles at once, move them between stories and tell which are unassigned', async () => {
      const { store } = await fresh();
      const records = [1, 2, 3].map((n) => makeRecord(n));
      await store.putArticles(records);
      const ids = records.map((r) => r.article.id);
      expect(await store.filterUnassigned([...ids, 'nothing'])).toEqual(ids);
      await store.putStory({ id: 's1', title: null });
      await store.putStory({ id: 's2', title: null });
      await store.assignArticles('s1', ids);
      await store.assignArticles('s2', [ids[0]!]);
      expect(await store.filterUnassigned(ids)).toEqual([]);
      expect((await store.getStory('s1'))?.articleIds.sort()).toEqual(ids.slice(1).sort());
      expect((await store.getStory('s2'))?.articleIds).toEqual([ids[0]]);
      await expect(store.assignArticles('s1', ['nothing'])).rejects.toThrow(/is not stored/);
      await expect(store.assignArticles('nope', ids)).rejects.toThrow(/does not exist/);
      await expect(store.getArticles('x' as unknown as string[])).rejects.toThrow(TypeError);
    });

    it('should store and assign each article exactly once with 4 concurrent ingesters', async () => {
      const { store, target } = await fresh();
      // Separate connections (pools) when the engine has concurrent writers; else concurrent callers of one store.
      const stores = [store];
      if (store.capabilities.concurrentWriters) {
        for (let i = 0; i < 3; i += 1) {
          const other = await target.open();
          cleanups.push(() => other.close());
          stores.push(other);
        }
      }
      const topics = ['Oskerby', 'Budget', 'Flood', 'Election', 'Strike'];
      const records = Array.from({ length: 60 }, (_, i) =>
        makeRecord(i, { title: `${topics[i % 5]} report ${i}` }),
      );
      const ingester = async (k: number): Promise<void> => {
        const own = stores[k % stores.length]!;
        // Each ingester sees the same articles in its own order.
        const turned = k % 2 ? [...records].reverse() : [...records];
        const shuffled = [...turned.slice(k * 13), ...turned.slice(0, k * 13)];
        for (let start = 0; start < shuffled.length; start += 6) {
          await ingestRecords(own, shuffled.slice(start, start + 6), assignByTitleWord);
        }
      };
      await Promise.all([0, 1, 2, 3].map(ingester));

      const all = await store.listArticles({ limit: 1000 });
      expect(all.items).toHaveLength(60);
      expect(new Set(all.items.map((a) => a.article.contentHash)).size).toBe(60);
      expect(all.items.every((a) => a.storyId !== null)).toBe(true);
      const stories = await store.listStories({ limit: 1000 });
      expect(stories.items).toHaveLength(5);
      expect(stories.items.map((s) => s.articleCount)).toEqual([12, 12, 12, 12, 12]);
      const members = await Promise.all(stories.items.map((s) => store.getStory(s.id)));
      const assigned = members.flatMap((s) => s?.articleIds ?? []);
      expect(assigned).toHaveLength(60);
      expect(new Set(assigned).size).toBe(60);
      expect(await store.listUnassignedArticleIds()).toEqual([]);
    });

    it('should refuse misuse with TypeErrors that name the call', async () => {
      const { store } = await fresh();
      await expect(store.putArticles({} as never)).rejects.toThrow(/putArticles\(records\)/);
      await expect(store.putArticles([{ article: {} } as never])).rejects.toThrow(/annotateArticles/);
      await expect(store.withStoryLock((w) => (w as Store).withStoryLock(async () => 1))).rejects.toThrow(
        /already inside withStoryLock/,
      );
    });
  });
}
