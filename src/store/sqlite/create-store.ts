import Database from 'better-sqlite3';
import { Kysely, sql, type Transaction } from 'kysely';
import type { Database as Tables } from '../database.js';
import type { Engine } from '../engine.js';
import { SqlStore } from '../sql-store.js';
import type { Store } from '../store.js';
import { cachingStatements, ImmediateSqliteDialect } from './dialect.js';
import { migrations } from './migrations.js';

export const DEFAULT_SQLITE_PATH = './corroborate.db';

export interface SqliteStoreOptions {
  /** Database file; `./corroborate.db` by default. `:memory:` works for tests. */
  path?: string;
  /** How long a writer waits for another process's write lock, in ms (default 30 s). */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) a SQLite store in WAL mode and runs its migrations. */
export async function createSqliteStore(options: SqliteStoreOptions = {}): Promise<Store> {
  const path = options.path ?? DEFAULT_SQLITE_PATH;
  if (typeof path !== 'string' || path.length === 0)
    throw new TypeError('createSqliteStore(options): options.path must be a file path (or ":memory:")');
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // WAL + NORMAL keeps every committed transaction whole after a crash of the process.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${Math.max(0, Math.round(options.busyTimeoutMs ?? 30_000))}`);
  const engine: Engine = {
    db: new Kysely<Tables>({
      dialect: new ImmediateSqliteDialect({ database: cachingStatements(database) }),
    }),
    capabilities: { engine: 'sqlite', concurrentWriters: false, jobQueue: false },
    migrations,
    // BEGIN IMMEDIATE already made this transaction the only writer.
    lock: async (_trx: Transaction<Tables>) => {},
  };
  const store = new SqlStore(engine);
  try {
    await store.migrate();
  } catch (error) {
    await engine.db.destroy();
    throw error;
  }
  return store;
}

/** `PRAGMA integrity_check` of a SQLite file, for crash checks: "ok" when it is sound. */
export async function checkSqliteIntegrity(path: string): Promise<string> {
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: new Database(path) }) });
  try {
    const result = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    return result.rows.map((row) => row.integrity_check).join('\n');
  } finally {
    await db.destroy();
  }
}
