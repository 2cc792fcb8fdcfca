import type { Store } from './store.js';

export const DEFAULT_STORE_URL = './corroborate.db';

/** True for URLs that name a PostgreSQL database. */
export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);

/**
 * Opens the store a `--db` value names: `postgres://…` (optionally `?schema=name`) is
 * PostgreSQL; anything else is a SQLite file path (`sqlite:` prefix allowed). Drivers are
 * loaded only for the engine used.
 */
export async function openStore(url: string = DEFAULT_STORE_URL): Promise<Store> {
  if (typeof url !== 'string' || url.trim() === '')
    throw new TypeError('openStore(url): url must be a postgres:// URL or a SQLite file path');
  if (isPostgresUrl(url)) {
    const { createPostgresStore } = await import('./postgres/create-store.js');
    return createPostgresStore({ url });
  }
  const { createSqliteStore } = await import('./sqlite/create-store.js');
  return createSqliteStore({ path: url.replace(/^sqlite:(\/\/)?/i, '') });
}
