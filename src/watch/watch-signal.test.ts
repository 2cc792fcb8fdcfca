import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const watchModule = fileURLToPath(new URL('../cli/commands/watch.ts', import.meta.url));

let server: Server;
let base = '';
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corroborate-watch-signal-'));
  server = createServer((_req, res) => res.writeHead(503).end('busy'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

describe('watch command signals', () => {
  it('should stop cleanly on SIGTERM while waiting for the next round', async () => {
    const script = `
      import { Command } from 'commander';
      import { watchCommand } from ${JSON.stringify(watchModule)};
      await new Command('corroborate').addCommand(watchCommand()).parseAsync(process.argv);
    `;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
        'corroborate',
        'watch',
        `${base}/feed.xml`,
        '--db',
        join(dir, 'signal.db'),
        '--every',
        '1m',
        '--allow-private',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    try {
      await new Promise<void>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr.includes('watch round 1')) resolve();
        });
        child.on('exit', () => reject(new Error(`watch exited before its first round: ${stderr}`)));
      });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      clearTimeout(killer);
    }
    expect(stderr).toMatch(/1 feed polled, 0 new items, 0 stored, 1 error/);
  }, 30_000);
});
