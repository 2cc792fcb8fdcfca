import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStore } from '../open-store.js';
import { defineStoreContract } from '../store-contract.js';
import { createTestDatabase, dropSchema, PG_REQUIRED_MESSAGE, probePostgres } from './test-database.js';

const unreachable = await probePostgres();
if (unreachable && process.env.CI === 'true') {
  throw new Error(`${PG_REQUIRED_MESSAGE}\n(connecting failed: ${unreachable})`);
}
if (unreachable) {
  describe('Store contract: postgres', () => {
    it.skip(`skipped: ${PG_REQUIRED_MESSAGE} (connecting failed: ${unreachable})`, () => {});
  });
}

let database: { url: string; drop: () => Promise<void> } | null = null;
let count = 0;
beforeAll(async () => {
  if (!unreachable) database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

// One database per run, one schema per test: a fresh, empty store each time.
defineStoreContract(
  'postgres',
  async () => {
    if (!database) throw new Error('the test database was not created');
    const { url } = database;
    count += 1;
    const schema = `contract_${count}`;
    return {
      open: () => openStore(`${url}?schema=${schema}`),
      dispose: () => dropSchema(url, schema),
    };
  },
  { skip: unreachable },
);
