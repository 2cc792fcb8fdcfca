import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestCommand } from '../cli/commands/ingest.js';
import { storiesCommand } from '../cli/commands/stories.js';
import { openStore } from './open-store.js';

const examples = fileURLToPath(new URL('../../examples', import.meta.url));
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-ingest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs one command in-process and returns what it wrote to stdout. */
async function run(command: Command, args: string[]): Promise<{ stdout: string; code: number }> {
  const program = new Command('corroborate').addCommand(command).exitOverride();
  command.exitOverride();
  let stdout = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, cb?: () => void) => {
    stdout += chunk;
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  const errors = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'corroborate', ...args]);
  } finally {
    write.mockRestore();
    errors.mockRestore();
  }
  const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = undefined;
  return { stdout, code };
}

describe('ingest and stories commands', () => {
  it('should store examples once across two ingests and list their stories', async () => {
    const db = join(dir, 'cli.db');
    const first = await run(ingestCommand(), [
      'ingest',
      examples,
      '--db',
      db,
      '--format',
      'json',
      '--no-progress',
      '-q',
    ]);
    const totals = JSON.parse(first.stdout) as {
      read: number;
      stored: number;
      duplicates: number;
      assigned: number;
    };
    expect(totals.read).toBeGreaterThan(3);
    expect(totals.stored + totals.duplicates).toBe(totals.read);
    expect(totals.assigned).toBe(totals.stored);

    const second = await run(ingestCommand(), [
      'ingest',
      examples,
      '--db',
      db,
      '--format',
      'json',
      '--no-progress',
      '-q',
    ]);
    expect(JSON.parse(second.stdout)).toMatchObject({ read: totals.read, stored: 0, assigned: 0 });

    const out = join(dir, 'stories.json');
    await run(storiesCommand(), ['stories', '--db', db, '--format', 'json', '--out', out]);
    const listed = JSON.parse(await readFile(out, 'utf8')) as {
      schema: string;
      stories: Array<{ articleCount: number }>;
    };
    expect(listed.schema).toBe('corroborate.stories/1');
    expect(listed.stories.reduce((sum, s) => sum + s.articleCount, 0)).toBe(totals.stored);

    const store = await openStore(db);
    try {
      const { items } = await store.listArticles({ limit: 1000 });
      expect(items).toHaveLength(totals.stored);
      expect(items.every((a) => a.annotations.sentences.length > 0)).toBe(true);
    } finally {
      await store.close();
    }
    // Story clustering decides how many stories the examples make (they report one event
    // and its follow-ups), so the page size is set below that count when there is more than one.
    const markdown = await run(storiesCommand(), ['stories', '--db', db, '--limit', '1']);
    expect(markdown.stdout).toMatch(/^\| story \| title \|/);
    if (listed.stories.length > 1) expect(markdown.stdout).toMatch(/More: --cursor \S+/);
    else expect(markdown.stdout).not.toMatch(/More:/);
  });

  it('should answer a bad flag with the flag name', async () => {
    await expect(
      run(storiesCommand(), ['stories', '--db', join(dir, 'x.db'), '--since', 'soon']),
    ).rejects.toThrow(/--since: expected an ISO 8601 date/);
  });
});
