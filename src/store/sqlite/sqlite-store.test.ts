import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../open-store.js';
import { defineStoreContract } from '../store-contract.js';

let dir = '';
let count = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-sqlite-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

defineStoreContract('sqlite', async () => {
  count += 1;
  const path = join(dir, `store-${count}.db`);
  return {
    open: () => openStore(path),
    dispose: async () => {
      for (const suffix of ['', '-wal', '-shm']) await rm(`${path}${suffix}`, { force: true });
    },
  };
});
