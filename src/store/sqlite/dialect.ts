import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from 'kysely';

/**
 * SQLite's plain `BEGIN` takes the write lock only at the first write, and a reader that
 * then tries to write can fail at once with SQLITE_BUSY while another process writes.
 * `BEGIN IMMEDIATE` takes the write lock up front, so writers from several processes
 * queue on the busy timeout instead: one writer at a time, the SQLite way.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly dialectConfig: SqliteDialectConfig) {
    super(dialectConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.dialectConfig);
  }
}

/**
 * Statements kept prepared per SQL text. Kysely prepares every query it runs afresh, which
 * cost about 0.6 ms per ingested article (a CPU profile of `npm run bench -- ingest`);
 * ingestion runs the same few statements over and over. The bound only stops a caller
 * with ever-new SQL texts (`in` lists of every length) from keeping them all.
 */
const PREPARED_STATEMENTS = 256;

/** `database` whose `prepare` reuses the statement already prepared for the same SQL text. */
export function cachingStatements(database: SqliteDatabase): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last, so the oldest is the one dropped.
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= PREPARED_STATEMENTS) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
