import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.js';
import { readArticles } from './read-articles.js';
import { walkDirectory } from './sources/expand-inputs.js';

const STORY =
  'Harbour Bridge Closed To Lorries\n\nThe council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.\n\nEngineers said the repairs would take at least six months.';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-read-'));
  await mkdir(join(dir, 'sub'));
  await mkdir(join(dir, '.hidden'));
  await writeFile(join(dir, 'b.txt'), STORY);
  await writeFile(join(dir, 'a.txt.gz'), gzipSync(Buffer.from(STORY.replace('Tuesday', 'Monday'))));
  await writeFile(
    join(dir, 'sub', 'c.md'),
    `---\ntitle: Bridge shut\noutlet: Example Post\n---\n\n${STORY.split('\n\n').slice(1).join('\n\n')}`,
  );
  await writeFile(join(dir, '.hidden', 'd.txt'), STORY);
  await writeFile(join(dir, '.e.txt'), STORY);
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
});

describe('walkDirectory', () => {
  it('should list files recursively in sorted order, skipping hidden ones', async () => {
    const found = await walkDirectory(dir);
    expect(found.map((s) => (s.kind === 'file' ? s.path.slice(dir.length + 1) : ''))).toEqual([
      'a.txt.gz',
      'b.txt',
      'empty.txt',
      'image.png',
      join('sub', 'c.md'),
    ]);
  });
});

describe('readArticles', () => {
  it('should read what it can and name every skipped input', async () => {
    const result = await readArticles([dir, join(dir, 'missing.txt')]);
    expect(result.articles.map((a) => a.id)).toEqual([
      join(dir, 'a.txt.gz'),
      join(dir, 'b.txt'),
      join(dir, 'sub', 'c.md'),
    ]);
    expect(result.articles[2]).toMatchObject({ title: 'Bridge shut', outlet: 'Example Post' });
    expect(result.skipped.map((m) => m.ruleId).sort()).toEqual([
      'ingest:binary',
      'ingest:empty',
      'ingest:not-found',
    ]);
    for (const message of result.skipped) expect(message.reason).toContain(message.place ?? '');
  });
  it('should read stdin for "-"', async () => {
    const result = await readArticles(['-'], { stdin: Readable.from([Buffer.from(STORY)]) });
    expect(result.articles[0]).toMatchObject({ id: 'stdin', title: 'Harbour Bridge Closed To Lorries' });
  });
  it('should refuse files over the size limit without reading them', async () => {
    const result = await readArticles([join(dir, 'b.txt')], { maxBytes: 10 });
    expect(result.articles).toEqual([]);
    expect(result.skipped[0]?.ruleId).toBe('ingest:too-large');
  });
  it('should skip a second article with an id already read', async () => {
    const file = join(dir, 'b.txt');
    const result = await readArticles([file, file]);
    expect(result.articles).toHaveLength(1);
    expect(result.skipped[0]?.ruleId).toBe('ingest:duplicate-id');
  });
  it('should report progress for every input', async () => {
    const seen: number[] = [];
    await readArticles([join(dir, 'b.txt'), join(dir, 'sub')], { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2]);
  });
  it('should throw a TypeError naming the call when misused', async () => {
    await expect(readArticles('x' as unknown as string[])).rejects.toThrow(/readArticles\(inputs\)/);
    await expect(extractArticle('')).rejects.toThrow(TypeError);
  });
});
