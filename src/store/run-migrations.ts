import { sql } from 'kysely';
import type { Migration } from './database.js';
import type { Engine } from './engine.js';

/**
 * Applies the engine's migrations that have not run yet, in version order, in one
 * transaction under the migrations lock, so several processes opening one database at
 * once apply each step exactly once.
 */
export async function runMigrations(engine: Engine): Promise<number[]> {
  const migrations = sortMigrations(engine.migrations);
  return engine.db.transaction().execute(async (trx) => {
    await engine.lock(trx, 'migrations');
    await sql`create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)`.execute(
      trx,
    );
    const rows = await trx.selectFrom('schema_migrations').select('version').execute();
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = migrations.at(-1)?.version ?? 0;
    const unknown = [...applied].filter((version) => version > newest);
    if (unknown.length) {
      throw new Error(
        `the database has schema version ${Math.max(...unknown)}, newer than this corroborate knows (${newest}); upgrade corroborate`,
      );
    }
    const ran: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
      ran.push(migration.version);
    }
    return ran;
  });
}

function sortMigrations(migrations: Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, i) => {
    if (migration.version !== i + 1) {
      throw new TypeError(
        `runMigrations: migration versions must be 1, 2, 3, … without gaps; found ${migration.version} at position ${i + 1}`,
      );
    }
  });
  return sorted;
}
