import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import { startServer } from './start-server.js';

describe('startServer', () => {
  it('should listen on loopback, answer over HTTP and close', async () => {
    const store = await openStore(':memory:');
    const handle = await startServer({ store, port: 0, webRoot: null });
    try {
      expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${handle.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', engine: 'sqlite' });
    } finally {
      await handle.close();
      await store.close();
    }
    await expect(fetch(`${handle.url}/healthz`)).rejects.toThrow();
  });

  it('should reject when the port is taken', async () => {
    const store = await openStore(':memory:');
    const first = await startServer({ store, port: 0, webRoot: null });
    try {
      await expect(startServer({ store, port: first.port, webRoot: null })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await first.close();
      await store.close();
    }
  });
});
