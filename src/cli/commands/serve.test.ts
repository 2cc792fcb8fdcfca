import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../options.js';
import { resolveServeSettings, TOKEN_ENV } from './serve.js';

const defaults = { db: 'x.db', port: '8080', host: '127.0.0.1', maxBody: '10MB', timeout: '60s' };
const TOKEN = 'a-token-long-enough-0123';

describe('resolveServeSettings', () => {
  it('should serve loopback without a token', () => {
    expect(resolveServeSettings(defaults, {})).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      token: null,
      maxBodyBytes: 10 * 1024 ** 2,
      timeoutMs: 60_000,
    });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'example.org'])(
    'should refuse --host %s without a token, saying how to give one',
    (host) => {
      expect(() => resolveServeSettings({ ...defaults, host }, {})).toThrow(UsageError);
      expect(() => resolveServeSettings({ ...defaults, host }, {})).toThrow(
        new RegExp(`--token.*${TOKEN_ENV}`),
      );
    },
  );

  it('should take the token from --token or from the environment', () => {
    expect(resolveServeSettings({ ...defaults, host: '0.0.0.0', token: TOKEN }, {}).token).toBe(TOKEN);
    expect(resolveServeSettings({ ...defaults, host: '0.0.0.0' }, { [TOKEN_ENV]: TOKEN }).token).toBe(TOKEN);
    expect(
      resolveServeSettings({ ...defaults, token: TOKEN }, { [TOKEN_ENV]: 'another-token-0123456789' }).token,
    ).toBe(TOKEN);
  });

  it.each([
    [{ token: 'short' }, /--token/],
    [{ port: '70000' }, /--port/],
    [{ port: 'http' }, /--port/],
    [{ maxBody: 'lots' }, /--max-size|size/],
    [{ timeout: 'soon' }, /--timeout/],
  ])('should refuse %o', (flags, message) => {
    expect(() => resolveServeSettings({ ...defaults, ...flags }, {})).toThrow(message);
  });
});

describe('corroborate serve', () => {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'corroborate-serve-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('should exit 2 with a clear message on a non-loopback host without a token', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env[TOKEN_ENV];
    const run = promisify(execFile)(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'src', 'cli', 'main.ts'), 'serve', '--host', '0.0.0.0', '--db', join(dir, 'serve.db')],
      { cwd: root, env },
    );
    const failure = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/--host 0\.0\.0\.0: .*without a token.*--token/);
  });
});
