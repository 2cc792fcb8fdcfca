import { Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../database.js';
import type { Engine } from '../engine.js';
import { SqlStore } from '../sql-store.js';
import type { Store } from '../store.js';
import { createDialect, createPool, parsePostgresUrl } from './dialect.js';
import { migrations } from './migrations.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db`, optionally `?schema=name` to keep the tables in their own schema. */
  url: string;
  /** Connections in this process's pool (default 4). */
  maxConnections?: number;
}

/** Advisory lock keys (first half: "corr"), one per kind of exclusive write. */
const LOCK_KEYS = { stories: 1, migrations: 2 } as const;
const LOCK_SPACE = 0x636f7272;

/** Opens a PostgreSQL store and runs its migrations (under an advisory lock, so many workers may start at once). */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  if (typeof options?.url !== 'string' || !/^postgres(ql)?:\/\//i.test(options.url))
    throw new TypeError('createPostgresStore(options): options.url must be a postgres:// URL');
  const { connectionString, schema } = parsePostgresUrl(options.url);
  const pool = createPool({ connectionString, schema, max: options.maxConnections ?? 4 });
  const engine: Engine = {
    db: new Kysely<Database>({ dialect: createDialect(pool) }),
    capabilities: { engine: 'postgres', concurrentWriters: true, jobQueue: true },
    migrations,
    lock: async (trx: Transaction<Database>, lock) => {
      await sql`select pg_advisory_xact_lock(${LOCK_SPACE}, ${LOCK_KEYS[lock]})`.execute(trx);
    },
  };
  try {
    if (schema) {
      // Under the migrations lock: workers starting together would race on `if not exists`.
      await engine.db.transaction().execute(async (trx) => {
        await engine.lock(trx, 'migrations');
        await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
      });
    }
    const store = new SqlStore(engine);
    await store.migrate();
    return store;
  } catch (error) {
    await engine.db.destroy();
    throw error;
  }
}
