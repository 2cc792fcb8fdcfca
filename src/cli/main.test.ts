import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { VERSION } from '../version.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const cli = join(root, 'src', 'cli', 'main.ts');

async function corroborate(
  args: string[],
  input?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = run(tsx, [cli, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const STORY =
  'Harbour Bridge Closed To Lorries\n\nThe council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-cli-'));
  await writeFile(join(dir, 'story.txt'), STORY);
  await writeFile(join(dir, 'empty.txt'), '');
});

describe('corroborate CLI', { timeout: 120_000 }, () => {
  it('should print the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    const { code, stdout } = await corroborate(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });
  it('should teach usage with --help on every command', async () => {
    for (const args of [['--help'], ['analyze', '--help'], ['extract', '--help']]) {
      const { code, stdout } = await corroborate(args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/Usage: corroborate/);
    }
  });
  it('should write the JSON report with schema, articles and messages, exit 1 and name the skipped input', async () => {
    const { code, stdout, stderr } = await corroborate(['analyze', dir, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      schema: string;
      articles: { id: string; title: string }[];
      messages: unknown[];
    };
    expect(report.schema).toBe('corroborate.report/1');
    expect(report.articles.map((a) => a.title)).toEqual(['Harbour Bridge Closed To Lorries']);
    expect(stderr).toContain(join(dir, 'empty.txt'));
  });
  it('should exit 2 when nothing is usable and on usage errors', async () => {
    expect((await corroborate(['analyze', join(dir, 'empty.txt')])).code).toBe(2);
    expect((await corroborate(['analyze'])).code).toBe(2);
    const bad = await corroborate(['analyze', dir, '--format', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/format/);
    const size = await corroborate(['analyze', dir, '--max-size', 'lots']);
    expect(size.code).toBe(2);
    expect(size.stderr).toMatch(/--max-size/);
  });
  it('should read stdin and print Markdown by default', async () => {
    const { code, stdout } = await corroborate(['analyze', '-'], STORY);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# corroborate report/);
    expect(stdout).toContain('## Story 1: Harbour Bridge Closed To Lorries');
    expect(stdout).toContain('[1] Harbour Bridge Closed To Lorries');
  });
  it('should extract one article as text or JSON', async () => {
    const text = await corroborate(['extract', join(dir, 'story.txt')]);
    expect(text.stdout.split('\n')[0]).toBe('Harbour Bridge Closed To Lorries');
    const json = await corroborate(['extract', join(dir, 'story.txt'), '--format', 'json']);
    expect(JSON.parse(json.stdout).article.title).toBe('Harbour Bridge Closed To Lorries');
  });
  it('should escape article text in the HTML report', async () => {
    await writeFile(
      join(dir, 'evil.txt'),
      'Title Here\n\nA paragraph with <script>alert(1)</script> inside it for testing.',
    );
    const { stdout } = await corroborate(['analyze', join(dir, 'evil.txt'), '--format', 'html']);
    expect(stdout).not.toContain('<script>');
    expect(stdout).toContain('&lt;script&gt;');
  });

  it('should end quietly with exit 0 when the reader closes the pipe early', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(tsx, [cli, '--help'], { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });

  it('should list every command in --help although it loads only the one it runs', async () => {
    const { stdout } = await corroborate(['--help']);
    for (const name of [
      'analyze',
      'extract',
      'annotate',
      'ingest',
      'stories',
      'story',
      'watch',
      'worker',
      'serve',
    ])
      expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const unknown = await corroborate(['nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'nosuch'");
  });
});
