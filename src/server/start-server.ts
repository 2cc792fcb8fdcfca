import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions } from './create-app.js';

export interface StartServerOptions extends AppOptions {
  /** Port to listen on; 0 picks a free one. Default 8080. */
  port?: number;
  /** Address to bind. Default 127.0.0.1. */
  host?: string;
}

export interface ServerHandle {
  /** Base URL, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  host: string;
  app: ReturnType<typeof createApp>;
  /** Stops accepting connections, ends idle keep-alive ones and resolves when the server is closed. */
  close(): Promise<void>;
}

const urlHost = (host: string): string => (host.includes(':') ? `[${host}]` : host);

/**
 * Serves the API (createApp) over HTTP on Node and resolves once it listens (rejects on
 * EADDRINUSE and the like). The store stays the caller's to close.
 */
export async function startServer(options: StartServerOptions): Promise<ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 8080;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new TypeError('startServer(options): options.port must be a whole number from 0 to 65535');
  const app = createApp(options);
  const server = serve({ fetch: app.fetch, port, hostname: host }) as Server;
  // Slow or stalled clients cannot hold a connection for long: whole request 2 min, headers 20 s.
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${urlHost(host)}:${address.port}`,
    port: address.port,
    host,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
