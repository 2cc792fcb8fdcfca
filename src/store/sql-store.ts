import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import { checkListQuery, encodeCursor, toSortTime, type CheckedListQuery } from './list-query.js';
import { runMigrations } from './run-migrations.js';
import type {
  ArticleRecord,
  ClusteringState,
  ListQuery,
  Page,
  PutArticleResult,
  Store,
  StoredArticle,
  StoryDetail,
  StoryInit,
  StorySummary,
  StoryWriter,
} from './store.js';

type Executor = Kysely<Database> | Transaction<Database>;

const now = (): string => new Date().toISOString();

const parseJson = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

function requireId(call: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new TypeError(`${call}: ${name} must be a non-empty string`);
  return value;
}

function checkRecord(record: ArticleRecord, index: number): void {
  const article = record?.article;
  if (
    !article ||
    typeof article.id !== 'string' ||
    typeof article.contentHash !== 'string' ||
    !record.annotations
  ) {
    throw new TypeError(
      `putArticles(records): record ${index} must be { article, annotations } with article.id and article.contentHash, as annotateArticles returns`,
    );
  }
}

/** Publication time when it parses, else the ingestion time, in UTC. */
function sortTimeOf(record: ArticleRecord, ingestedAt: string): string {
  const published = record.article.published;
  return published && !Number.isNaN(Date.parse(published)) ? toSortTime(published) : ingestedAt;
}

interface ArticleRow {
  id: string;
  article: string;
  annotations: string;
  ingested_at: string;
  story_id: string | null;
}

// The stored JSON keeps the id the article came with; a suffixed id (see putOne) is the one it is stored under.
const toStoredArticle = (row: ArticleRow): StoredArticle => ({
  article: { ...(parseJson(row.article) as StoredArticle['article']), id: row.id },
  annotations: parseJson(row.annotations) as StoredArticle['annotations'],
  ingestedAt: row.ingested_at,
  storyId: row.story_id,
});

function toPage<T>(rows: Array<{ seq: number | string }>, items: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const last = rows[limit - 1];
  return { items: items.slice(0, limit), nextCursor: more && last ? encodeCursor(Number(last.seq)) : null };
}

/** The `Store` over any Kysely dialect: every engine runs this same code with its own `Engine`. */
export class SqlStore implements Store {
  readonly capabilities;

  constructor(
    private readonly engine: Engine,
    private readonly exec: Executor = engine.db,
    private readonly inTransaction = false,
  ) {
    this.capabilities = engine.capabilities;
  }

  async migrate(): Promise<void> {
    await runMigrations(this.engine);
  }

  async schemaVersions(): Promise<number[]> {
    const rows = await this.exec
      .selectFrom('schema_migrations')
      .select('version')
      .orderBy('version')
      .execute();
    return rows.map((row) => Number(row.version));
  }

  async close(): Promise<void> {
    if (this.inTransaction) throw new TypeError('close(): call it on the store, not inside withStoryLock');
    await this.engine.db.destroy();
    await this.engine.afterClose?.();
  }

  async putArticles(records: ArticleRecord[]): Promise<PutArticleResult[]> {
    if (!Array.isArray(records))
      throw new TypeError('putArticles(records): expected an array of { article, annotations }');
    records.forEach(checkRecord);
    const ingestedAt = now();
    // Insert in content-hash order so concurrent writers take row locks in one order (no deadlocks).
    const order = records
      .map((_, i) => i)
      .sort((a, b) => compare(records[a]!.article.contentHash, records[b]!.article.contentHash));
    let results: PutArticleResult[] = [];
    const write = async (trx: Executor): Promise<void> => {
      results = await putInOrder(trx, records, order, ingestedAt);
    };
    if (this.inTransaction) await write(this.exec);
    else await this.engine.db.transaction().execute(write);
    return results;
  }

  async getArticle(id: string): Promise<StoredArticle | null> {
    requireId('getArticle(id)', 'id', id);
    const row = await this.articleQuery().where('a.id', '=', id).executeTakeFirst();
    return row ? toStoredArticle(row) : null;
  }

  async listArticles(query?: ListQuery): Promise<Page<StoredArticle>> {
    const q = checkListQuery('listArticles(query)', query);
    let select = this.articleQuery().select('a.seq');
    if (q.since) select = select.where('a.sort_time', '>=', q.since);
    if (q.outlet) select = select.where('a.outlet', '=', q.outlet);
    if (q.pattern) select = select.where(likeTitle('a.title', q.pattern));
    if (q.beforeSeq !== null) select = select.where('a.seq', '<', q.beforeSeq);
    const rows = await select
      .orderBy('a.seq', 'desc')
      .limit(q.limit + 1)
      .execute();
    return toPage(rows, rows.slice(0, q.limit).map(toStoredArticle), q.limit);
  }

  async listStories(query?: ListQuery): Promise<Page<StorySummary>> {
    const q = checkListQuery('listStories(query)', query);
    const rows = await this.storyQuery(q)
      .orderBy('s.seq', 'desc')
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    const members = await this.storyMembers(page.map((row) => row.id));
    const items = page.map((row) => summarise(row, members.get(row.id) ?? []));
    return toPage(rows, items, q.limit);
  }

  async getStory(id: string): Promise<StoryDetail | null> {
    requireId('getStory(id)', 'id', id);
    const row = await this.exec
      .selectFrom('stories as s')
      .select(['s.id', 's.title', 's.created_at', 's.updated_at'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const members = (await this.storyMembers([id])).get(id) ?? [];
    return { ...summarise(row, members), articleIds: members.map((m) => m.article_id) };
  }

  async putStory(story: StoryInit): Promise<void> {
    requireId('putStory(story)', 'story.id', story?.id);
    if (story.title !== null && typeof story.title !== 'string')
      throw new TypeError('putStory(story): story.title must be a string or null');
    const time = now();
    await this.exec
      .insertInto('stories')
      .values({ id: story.id, title: story.title, created_at: time, updated_at: time })
      .onConflict((oc) => oc.column('id').doUpdateSet({ title: story.title, updated_at: time }))
      .execute();
  }

  async assignArticle(storyId: string, articleId: string): Promise<void> {
    const call = 'assignArticle(storyId, articleId)';
    requireId(call, 'storyId', storyId);
    requireId(call, 'articleId', articleId);
    await this.assign(call, storyId, [articleId]);
  }

  async listUnassignedArticleIds(limit = 1000): Promise<string[]> {
    if (!Number.isInteger(limit) || limit < 1)
      throw new TypeError('listUnassignedArticleIds(limit): limit must be a positive whole number');
    const rows = await this.exec
      .selectFrom('articles as a')
      .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
      .select('a.id')
      .where('sa.article_id', 'is', null)
      .orderBy('a.seq')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async getClusteringState(index: string): Promise<ClusteringState | null> {
    requireId('getClusteringState(index)', 'index', index);
    const row = await this.exec
      .selectFrom('clustering_state')
      .selectAll()
      .where('index_name', '=', index)
      .executeTakeFirst();
    return row
      ? { state: parseJson(row.state), revision: Number(row.revision), updatedAt: row.updated_at }
      : null;
  }

  async putClusteringState(index: string, state: unknown): Promise<void> {
    requireId('putClusteringState(index, state)', 'index', index);
    const json = JSON.stringify(state);
    if (json === undefined)
      throw new TypeError(
        'putClusteringState(index, state): state must be a JSON value (object, array, string, number, boolean or null)',
      );
    const time = now();
    const put = async (exec: Executor): Promise<void> => {
      await exec.deleteFrom('clustering_log').where('index_name', '=', index).execute();
      await exec
        .insertInto('clustering_state')
        .values({ index_name: index, state: json, revision: 1, updated_at: time })
        .onConflict((oc) =>
          oc.column('index_name').doUpdateSet({
            state: json,
            updated_at: time,
            revision: sql<number>`clustering_state.revision + 1`,
          }),
        )
        .execute();
    };
    if (this.inTransaction) await put(this.exec);
    else await this.engine.db.transaction().execute(put);
  }

  async getClusteringRevision(index: string): Promise<number | null> {
    requireId('getClusteringRevision(index)', 'index', index);
    const row = await this.exec
      .selectFrom('clustering_state')
      .select('revision')
      .where('index_name', '=', index)
      .executeTakeFirst();
    return row ? Number(row.revision) : null;
  }

  async appendClusteringLog(index: string, fromSeq: number, entries: unknown[]): Promise<number> {
    const call = 'appendClusteringLog(index, fromSeq, entries)';
    requireId(call, 'index', index);
    if (!Number.isInteger(fromSeq) || fromSeq < 0)
      throw new TypeError(
        `${call}: fromSeq must be a whole number ≥ 0 (the number of entries already logged)`,
      );
    if (!Array.isArray(entries)) throw new TypeError(`${call}: entries must be an array of JSON values`);
    const rows = entries.map((entry, i) => {
      const json = JSON.stringify(entry);
      if (json === undefined) throw new TypeError(`${call}: entry ${i} is not a JSON value`);
      return { index_name: index, seq: fromSeq + i, entry: json };
    });
    const time = now();
    const append = async (exec: Executor): Promise<number> => {
      const bumped = await exec
        .updateTable('clustering_state')
        .set({ updated_at: time, revision: sql<number>`revision + 1` })
        .where('index_name', '=', index)
        .returning('revision')
        .executeTakeFirst();
      if (!bumped) throw new TypeError(`${call}: index "${index}" has no state; putClusteringState it first`);
      for (const chunk of chunks(rows, LOG_ROWS_PER_INSERT))
        await exec.insertInto('clustering_log').values(chunk).execute();
      return Number(bumped.revision);
    };
    return this.inTransaction ? append(this.exec) : this.engine.db.transaction().execute(append);
  }

  async readClusteringLog(index: string, fromSeq = 0): Promise<unknown[]> {
    requireId('readClusteringLog(index, fromSeq)', 'index', index);
    if (!Number.isInteger(fromSeq) || fromSeq < 0)
      throw new TypeError('readClusteringLog(index, fromSeq): fromSeq must be a whole number ≥ 0');
    const rows = await this.exec
      .selectFrom('clustering_log')
      .select('entry')
      .where('index_name', '=', index)
      .where('seq', '>=', fromSeq)
      .orderBy('seq')
      .execute();
    return rows.map((row) => parseJson(row.entry));
  }

  async filterUnassigned(articleIds: string[]): Promise<string[]> {
    checkIds('filterUnassigned(articleIds)', articleIds);
    const stored = new Set<string>();
    for (const chunk of chunks([...new Set(articleIds)], IDS_PER_QUERY)) {
      const rows = await this.exec
        .selectFrom('articles as a')
        .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
        .select('a.id')
        .where('a.id', 'in', chunk)
        .where('sa.article_id', 'is', null)
        .execute();
      for (const row of rows) stored.add(row.id);
    }
    return articleIds.filter((id) => stored.has(id));
  }

  async getArticles(ids: string[]): Promise<StoredArticle[]> {
    checkIds('getArticles(ids)', ids);
    const found = new Map<string, StoredArticle>();
    for (const chunk of chunks([...new Set(ids)], IDS_PER_QUERY)) {
      const rows = await this.articleQuery().where('a.id', 'in', chunk).execute();
      for (const row of rows) found.set(row.id, toStoredArticle(row));
    }
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async assignArticles(storyId: string, articleIds: string[]): Promise<void> {
    const call = 'assignArticles(storyId, articleIds)';
    requireId(call, 'storyId', storyId);
    checkIds(call, articleIds);
    const ids = [...new Set(articleIds)];
    if (ids.length) await this.assign(call, storyId, ids);
  }

  /** Puts these distinct stored articles into the story; `call` names the public method in errors. */
  private async assign(call: string, storyId: string, ids: string[]): Promise<void> {
    const story = await this.exec
      .selectFrom('stories')
      .select('id')
      .where('id', '=', storyId)
      .executeTakeFirst();
    if (!story) throw new TypeError(`${call}: story "${storyId}" does not exist; putStory it first`);
    const time = now();
    const touched = new Set([storyId]);
    for (const chunk of chunks(ids, IDS_PER_QUERY)) {
      const rows = await this.exec
        .selectFrom('articles as a')
        .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
        .select(['a.id', 'sa.story_id'])
        .where('a.id', 'in', chunk)
        .execute();
      if (rows.length !== chunk.length) {
        const known = new Set(rows.map((row) => row.id));
        const missing = chunk.find((id) => !known.has(id));
        throw new TypeError(`${call}: article "${missing}" is not stored; putArticles it first`);
      }
      for (const row of rows) if (row.story_id) touched.add(row.story_id);
      await this.exec
        .insertInto('story_articles')
        .values(chunk.map((id) => ({ article_id: id, story_id: storyId, assigned_at: time })))
        .onConflict((oc) =>
          oc.column('article_id').doUpdateSet({
            story_id: (eb) => eb.ref('excluded.story_id'),
            assigned_at: (eb) => eb.ref('excluded.assigned_at'),
          }),
        )
        .execute();
    }
    await this.exec
      .updateTable('stories')
      .set({ updated_at: time })
      .where('id', 'in', [...touched])
      .execute();
  }

  async withStoryLock<T>(fn: (writer: StoryWriter) => Promise<T>): Promise<T> {
    if (typeof fn !== 'function')
      throw new TypeError('withStoryLock(fn): fn must be an async function (writer) => …');
    if (this.inTransaction)
      throw new TypeError('withStoryLock(fn): already inside withStoryLock; use the writer you were given');
    return this.engine.db.transaction().execute(async (trx) => {
      await this.engine.lock(trx, 'stories');
      return fn(new SqlStore(this.engine, trx, true));
    });
  }

  private articleQuery() {
    return this.exec
      .selectFrom('articles as a')
      .leftJoin('story_articles as sa', 'sa.article_id', 'a.id')
      .select(['a.id', 'a.article', 'a.annotations', 'a.ingested_at', 'sa.story_id']);
  }

  private storyQuery(q: CheckedListQuery) {
    const member = () =>
      this.exec
        .selectFrom('story_articles as sa')
        .innerJoin('articles as a', 'a.id', 'sa.article_id')
        .select(sql`1`.as('one'))
        .where('sa.story_id', '=', sql.ref<string>('s.id'));
    let select = this.exec
      .selectFrom('stories as s')
      .select(['s.seq', 's.id', 's.title', 's.created_at', 's.updated_at']);
    if (q.since) {
      const since = q.since;
      select = select.where(({ exists }) => exists(member().where('a.sort_time', '>=', since)));
    }
    if (q.outlet) {
      const outlet = q.outlet;
      select = select.where(({ exists }) => exists(member().where('a.outlet', '=', outlet)));
    }
    if (q.pattern) {
      const pattern = q.pattern;
      select = select.where(({ or, exists }) =>
        or([likeTitle('s.title', pattern), exists(member().where(likeTitle('a.title', pattern)))]),
      );
    }
    if (q.beforeSeq !== null) select = select.where('s.seq', '<', q.beforeSeq);
    return select;
  }

  private async storyMembers(ids: string[]): Promise<Map<string, MemberRow[]>> {
    const members = new Map<string, MemberRow[]>();
    if (!ids.length) return members;
    const rows = await this.exec
      .selectFrom('story_articles as sa')
      .innerJoin('articles as a', 'a.id', 'sa.article_id')
      .select(['sa.story_id', 'sa.article_id', 'a.outlet'])
      .where('sa.story_id', 'in', ids)
      .orderBy('a.sort_time')
      .orderBy('a.seq')
      .execute();
    for (const row of rows) members.set(row.story_id, [...(members.get(row.story_id) ?? []), row]);
    return members;
  }
}

interface MemberRow {
  story_id: string;
  article_id: string;
  outlet: string | null;
}

function summarise(
  row: { id: string; title: string | null; created_at: string; updated_at: string },
  members: MemberRow[],
): StorySummary {
  const outlets = [...new Set(members.map((m) => m.outlet).filter((o): o is string => o !== null))].sort();
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    articleCount: members.length,
    outlets,
  };
}

/** Rows per multi-row insert of log entries (3 parameters each: far below either engine's limit). */
const LOG_ROWS_PER_INSERT = 500;
/** Rows per multi-row insert of articles (8 parameters each). */
const ARTICLE_ROWS_PER_INSERT = 100;
/** Ids per `in (…)` list. */
const IDS_PER_QUERY = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function checkIds(call: string, ids: unknown): void {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.length === 0))
    throw new TypeError(`${call}: expected an array of non-empty id strings`);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function likeTitle(column: 'a.title' | 's.title', pattern: string) {
  return sql<boolean>`lower(coalesce(${sql.ref(column)}, '')) like ${pattern} escape '\\'`;
}

/**
 * Stores the records taken in `order` (content-hash order): one query finds the contents
 * already stored, one multi-row insert per ARTICLE_ROWS_PER_INSERT stores the new ones
 * under their own ids, and only a record that insert skipped (its id taken by another
 * content, or its content stored by a concurrent writer meanwhile) goes through `putOne`.
 * Same results as `putOne` for each record in turn, at a few queries per batch instead of
 * two per record.
 */
async function putInOrder(
  trx: Executor,
  records: ArticleRecord[],
  order: number[],
  ingestedAt: string,
): Promise<PutArticleResult[]> {
  const stored = new Map<string, string>(); // content hash → stored id
  const hashes = [...new Set(order.map((i) => records[i]!.article.contentHash))];
  for (const chunk of chunks(hashes, IDS_PER_QUERY)) {
    const rows = await trx
      .selectFrom('articles')
      .select(['id', 'content_hash'])
      .where('content_hash', 'in', chunk)
      .execute();
    for (const row of rows) stored.set(row.content_hash, row.id);
  }
  // The first record of each content not stored yet is the one that stores it.
  const storer = new Map<string, number>();
  for (const i of order) {
    const hash = records[i]!.article.contentHash;
    if (!stored.has(hash) && !storer.has(hash)) storer.set(hash, i);
  }
  const inserted = new Map<string, string>();
  for (const chunk of chunks([...storer.values()], ARTICLE_ROWS_PER_INSERT)) {
    const rows = await trx
      .insertInto('articles')
      .values(chunk.map((i) => articleRow(records[i]!, records[i]!.article.id, ingestedAt)))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'content_hash'])
      .execute();
    for (const row of rows) inserted.set(row.content_hash, row.id);
  }
  const results: PutArticleResult[] = new Array(records.length);
  for (const i of order) {
    const { article } = records[i]!;
    const hash = article.contentHash;
    const base = { inputId: article.id, contentHash: hash };
    const id = stored.get(hash) ?? inserted.get(hash);
    if (id !== undefined) {
      results[i] = { ...base, id, isNew: storer.get(hash) === i };
      continue;
    }
    const result = await putOne(trx, records[i]!, ingestedAt);
    results[i] = result;
    stored.set(hash, result.id); // later records of the same content find it
  }
  return results;
}

function articleRow(record: ArticleRecord, id: string, ingestedAt: string) {
  const { article, annotations } = record;
  return {
    id,
    content_hash: article.contentHash,
    outlet: article.outlet,
    title: article.title,
    sort_time: sortTimeOf(record, ingestedAt),
    ingested_at: ingestedAt,
    article: JSON.stringify(article),
    annotations: JSON.stringify(annotations),
  };
}

/** Stores one record unless its content is already there; a taken id gets the content-hash suffix. */
async function putOne(trx: Executor, record: ArticleRecord, ingestedAt: string): Promise<PutArticleResult> {
  const { article } = record;
  const hash = article.contentHash;
  const base = { inputId: article.id, contentHash: hash };
  for (const id of [article.id, `${article.id}@${hash.slice(0, 12)}`]) {
    const existing = await findByHash(trx, hash);
    if (existing) return { ...base, id: existing, isNew: false };
    const inserted = await trx
      .insertInto('articles')
      .values(articleRow(record, id, ingestedAt))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { ...base, id: inserted.id, isNew: true };
  }
  const existing = await findByHash(trx, hash);
  if (existing) return { ...base, id: existing, isNew: false };
  throw new Error(
    `putArticles: could not store "${article.id}": its id and "${article.id}@${hash.slice(0, 12)}" are both taken`,
  );
}

async function findByHash(trx: Executor, hash: string): Promise<string | null> {
  const row = await trx
    .selectFrom('articles')
    .select('id')
    .where('content_hash', '=', hash)
    .executeTakeFirst();
  return row?.id ?? null;
}
