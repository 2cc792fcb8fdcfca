import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { annotateArticles } from '../../annotate/annotate-articles.js';
import { readArticles } from '../../ingest/read-articles.js';
import { ingestRecords, type StoryAssigner } from '../../store/assign-stories.js';
import { openStore } from '../../store/open-store.js';
import { UsageError } from '../options.js';
import { analyzeCommand } from './analyze.js';
import { ingestCommand } from './ingest.js';
import { storyCommand } from './story.js';

const ARTICLE_A = `Harbour bridge closed after crane collision

Port Valen, March 3 (Wire) — The harbour bridge in Port Valen was closed on Monday after a cargo crane struck its northern span, the city transport office said.

Mayor Ilse Marten said engineers would inspect the span before traffic resumes. "Nobody was hurt," she told reporters.

About 40,000 vehicles cross the bridge every day, according to the transport office.
`;

const ARTICLE_B = `Crane strikes Port Valen bridge, span shut

PORT VALEN — A cargo crane hit the northern span of the Port Valen harbour bridge on Monday, and the city closed it to traffic.

Mayor Ilse Marten said inspectors would examine the structure. Officials said more than 35,000 vehicles use the bridge daily.

The port authority denied that the crane operator had ignored warnings.
`;

let dir = '';
let pathA = '';
let pathB = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-story-'));
  pathA = join(dir, 'a-wire.txt');
  pathB = join(dir, 'b-herald.txt');
  await writeFile(pathA, ARTICLE_A, 'utf8');
  await writeFile(pathB, ARTICLE_B, 'utf8');
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

const withoutGenerated = (json: string): unknown => {
  const report = JSON.parse(json) as Record<string, unknown>;
  delete report.generated;
  return report;
};

async function analyzeJson(paths: string[]): Promise<unknown> {
  const result = await run(analyzeCommand(), [
    'analyze',
    ...paths,
    '--format',
    'json',
    '--no-progress',
    '-q',
  ]);
  return withoutGenerated(result.stdout);
}

/** Puts every new article into one story, so the test does not depend on the clustering. */
const oneStory: StoryAssigner = {
  async assign(writer, articleIds) {
    await writer.putStory({ id: 'story-test', title: 'Bridge' });
    for (const id of articleIds) await writer.assignArticle('story-test', id);
  },
};

describe('story command', () => {
  it('should print the same JSON report as analyze for a stored two-article story', async () => {
    const db = join(dir, 'two.db');
    const read = await readArticles([pathB, pathA]);
    expect(read.articles).toHaveLength(2);
    const store = await openStore(db);
    try {
      await ingestRecords(store, annotateArticles(read.articles), oneStory);
    } finally {
      await store.close();
    }
    const story = await run(storyCommand(), ['story', 'story-test', '--db', db, '--format', 'json']);
    expect(story.code).toBe(0);
    const report = withoutGenerated(story.stdout) as { articles: { id: string }[]; stories: unknown[] };
    expect(report.articles.map((a) => a.id)).toEqual([pathA, pathB]);
    expect(report.stories.length).toBeGreaterThan(0);
    expect(report).toEqual(await analyzeJson([pathA, pathB]));
  });

  it('should match analyze for every story the ingest command made', async () => {
    const db = join(dir, 'ingest.db');
    await run(ingestCommand(), ['ingest', pathA, pathB, '--db', db, '--no-progress', '-q']);
    const store = await openStore(db);
    let stories: { id: string; articleIds: string[] }[];
    try {
      const page = await store.listStories({ limit: 10 });
      stories = await Promise.all(page.items.map(async (s) => (await store.getStory(s.id))!));
    } finally {
      await store.close();
    }
    expect(stories.flatMap((s) => s.articleIds).sort()).toEqual([pathA, pathB]);
    for (const { id, articleIds } of stories) {
      const story = await run(storyCommand(), ['story', id, '--db', db, '--format', 'json']);
      expect(withoutGenerated(story.stdout)).toEqual(await analyzeJson([...articleIds].sort()));
    }
  });

  it('should render markdown by default', async () => {
    const story = await run(storyCommand(), ['story', 'story-test', '--db', join(dir, 'two.db')]);
    expect(story.stdout).toContain('Port Valen');
    expect(story.stdout.trimStart().startsWith('{')).toBe(false);
  });

  it('should refuse an unknown id with a usage error naming it and the stories command', async () => {
    const db = join(dir, 'two.db');
    const error = await run(storyCommand(), ['story', 'no-such-story', '--db', db]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/"no-such-story".*corroborate stories/);
  });
});
