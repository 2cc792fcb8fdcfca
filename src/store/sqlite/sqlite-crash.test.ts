import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../open-store.js';
import { checkSqliteIntegrity } from './create-store.js';

const child = fileURLToPath(new URL('./ingest-until-killed.fixture.ts', import.meta.url));
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Starts the ingesting child and SIGKILLs it once it has committed `batches` batches. */
function ingestThenKill(path: string, batches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let committed = 0;
    let stderr = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const match of chunk.matchAll(/committed (\d+)/g)) committed = Number(match[1]);
      if (committed >= batches) proc.kill('SIGKILL');
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' && committed >= batches) resolve(committed);
      else reject(new Error(`the ingesting child ended early (${signal ?? _code}): ${stderr}`));
    });
  });
}

describe('SQLite store after a crash', () => {
  it('should open clean with only whole articles after the ingesting process is SIGKILLed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'corroborate-crash-'));
    dirs.push(dir);
    const path = join(dir, 'crash.db');
    const committed = await ingestThenKill(path, 4);

    expect(await checkSqliteIntegrity(path)).toBe('ok');
    const store = await openStore(path);
    try {
      const articles = (await store.listArticles({ limit: 1000 })).items;
      // Every batch is one transaction: a whole number of batches, at least those reported.
      expect(articles.length % 20).toBe(0);
      expect(articles.length).toBeGreaterThanOrEqual(committed * 20);
      for (const stored of articles) {
        const hash = createHash('sha256').update(stored.article.text).digest('hex');
        expect(hash).toBe(stored.article.contentHash);
        expect(stored.annotations.sentences).toHaveLength(1);
      }
      // A crash between storing and assigning leaves articles that the next ingest assigns.
      const unassigned = await store.listUnassignedArticleIds();
      expect(unassigned.length === 0 || unassigned.length === 20).toBe(true);
    } finally {
      await store.close();
    }
  });
});
