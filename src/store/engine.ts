import type { Kysely, Transaction } from 'kysely';
import type { Database, Migration } from './database.js';
import type { StoreCapabilities } from './store.js';

/**
 * What an engine folder gives the shared SQL store: a Kysely instance over its driver,
 * its migrations, and how it serialises writers. Shared code calls these, never asks
 * which engine it has.
 */
export interface Engine {
  db: Kysely<Database>;
  capabilities: StoreCapabilities;
  migrations: Migration[];
  /**
   * Called first inside a write transaction that must not interleave with another of the
   * same `lock` (story assignment, migrations). An engine whose transactions already
   * exclude each other (SQLite's `BEGIN IMMEDIATE`) does nothing.
   */
  lock(trx: Transaction<Database>, lock: 'stories' | 'migrations'): Promise<void>;
  /** Runs after Kysely is destroyed (removing temp files, ending pools not owned by Kysely). */
  afterClose?(): Promise<void>;
}
