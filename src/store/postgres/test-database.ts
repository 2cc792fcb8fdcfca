import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Where tests find PostgreSQL; CORROBORATE_TEST_PG overrides it. */
export const TEST_PG_URL = process.env.CORROBORATE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const PG_REQUIRED_MESSAGE =
  'PostgreSQL at 127.0.0.1:5432 is required for the PostgreSQL store tests (trust auth, user postgres). ' +
  '.ci/run starts it when it is down with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start';

/** Null when the server answers, else why not. */
export async function probePostgres(url = TEST_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Creates `corroborate_test_<random>` and returns its URL and a function that drops it. */
export async function createTestDatabase(
  url = TEST_PG_URL,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `corroborate_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Drops one schema of a test database (and everything in it). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
