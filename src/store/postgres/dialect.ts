import { PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresConnection {
  /** `postgres://user@host:port/database`, without the `schema` parameter. */
  connectionString: string;
  /** Schema the store's tables live in (created if missing); `public` when null. */
  schema: string | null;
  /** Connections in this process's pool. */
  max: number;
}

/** Splits our own `schema` parameter off a postgres:// URL; the rest goes to pg as is. */
export function parsePostgresUrl(url: string): { connectionString: string; schema: string | null } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(
      `openStore(url): schema "${schema}" must be a lower-case SQL identifier (letters, digits, _)`,
    );
  }
  return { connectionString: parsed.toString(), schema };
}

/**
 * A pool that survives lost connections (a server restart, an administrator terminating
 * backends): without a listener, pg turns a dead socket into an unhandled 'error' event
 * that ends the process. With one, the query in flight fails (the job is retried), the
 * broken client is discarded, and the next query opens a new connection.
 */
export function createPool(connection: PostgresConnection): pg.Pool {
  const pool = new pg.Pool({
    connectionString: connection.connectionString,
    max: connection.max,
    ...(connection.schema ? { options: `-c search_path=${connection.schema}` } : {}),
  });
  const ignore = (): void => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return pool;
}

export function createDialect(pool: pg.Pool): PostgresDialect {
  return new PostgresDialect({ pool });
}
