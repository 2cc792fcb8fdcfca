import { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { isLoopbackHost } from '../../server/is-loopback-host.js';
import { startServer } from '../../server/start-server.js';
import { DEFAULT_STORE_URL, openStore } from '../../store/open-store.js';
import { checkFlags, parseDuration, parseSize, UsageError } from '../options.js';

export const TOKEN_ENV = 'CORROBORATE_TOKEN';

const schema = z.object({
  db: z.string().min(1, 'expected a SQLite file path or a postgres:// URL'),
  port: z.coerce
    .number({ invalid_type_error: 'expected a port number' })
    .int('expected a whole number')
    .min(0, 'expected a port from 0 to 65535')
    .max(65535, 'expected a port from 0 to 65535'),
  host: z.string().min(1, 'expected an address such as 127.0.0.1'),
  token: z
    .string()
    .min(16, 'expected a token of at least 16 characters (e.g. openssl rand -hex 32)')
    .optional(),
  webRoot: z.string().min(1).optional(),
  maxBody: z.string(),
  timeout: z.string(),
  allowPrivate: z.boolean().optional(),
});

export interface ServeSettings {
  db: string;
  port: number;
  host: string;
  token: string | null;
  webRoot: string | undefined;
  maxBodyBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

/**
 * Checks the flags (the token may come from CORROBORATE_TOKEN) and refuses to serve
 * writes to the network without a token: anything but loopback needs one.
 */
export function resolveServeSettings(rawFlags: unknown, env: NodeJS.ProcessEnv = process.env): ServeSettings {
  const fromEnv = env[TOKEN_ENV]?.trim();
  const withToken =
    fromEnv &&
    typeof rawFlags === 'object' &&
    rawFlags !== null &&
    !('token' in rawFlags && (rawFlags as { token?: unknown }).token)
      ? { ...rawFlags, token: fromEnv }
      : rawFlags;
  const flags = checkFlags(schema, withToken);
  if (!isLoopbackHost(flags.host) && !flags.token)
    throw new UsageError(
      `--host ${flags.host}: the server would accept writes from other machines without a token. ` +
        `Pass --token <secret> or set ${TOKEN_ENV} (e.g. ${TOKEN_ENV}=$(openssl rand -hex 32)), or keep the default --host 127.0.0.1`,
    );
  return {
    db: flags.db,
    port: flags.port,
    host: flags.host,
    token: flags.token ?? null,
    webRoot: flags.webRoot,
    maxBodyBytes: parseSize(flags.maxBody),
    timeoutMs: parseDuration(flags.timeout, '--timeout'),
    allowPrivate: flags.allowPrivate ?? false,
  };
}

/** Resolves on SIGINT or SIGTERM. */
const untilStopped = (): Promise<string> =>
  new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export function serveCommand(): Command {
  return new Command('serve')
    .summary('serve the HTTP API and the web interface over a store')
    .description(
      'Serves the stories of a store over HTTP: a JSON API under /v1 (described at /v1/openapi.json) and the web ' +
        'interface at /. Reads are open; writes (POST /v1/articles, POST /v1/analyze) need "Authorization: Bearer ' +
        `<token>" when a token is set with --token or ${TOKEN_ENV}. Binding to anything but loopback ` +
        '(127.0.0.1, ::1, localhost) without a token is refused. Stop it with Ctrl-C.',
    )
    .option('--db <url>', 'SQLite file path or postgres:// URL', DEFAULT_STORE_URL)
    .option('-p, --port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to bind (0.0.0.0 for every interface: needs a token)', '127.0.0.1')
    .option('--token <secret>', `bearer token writes must carry (default: $${TOKEN_ENV})`)
    .option('--web-root <dir>', "folder of the built web interface (default: the package's dist/web)")
    .option('--max-body <size>', 'largest request body (e.g. 10MB)', '10MB')
    .option('--timeout <duration>', 'longest a request may run (e.g. 60s)', '60s')
    .option('--allow-private', 'let POST bodies name URLs on private and loopback addresses (off: refused)')
    .addHelpText(
      'after',
      `
Examples:
  corroborate ingest examples/ && corroborate serve
  curl http://127.0.0.1:8080/v1/stories
  curl "http://127.0.0.1:8080/v1/stories?q=bridge&limit=5"
  curl -s http://127.0.0.1:8080/v1/stories | jq -r '.items[].id'
  curl http://127.0.0.1:8080/v1/stories/<story id>            # the report JSON of one story
  curl http://127.0.0.1:8080/v1/articles/$(printf %s "examples/a.txt" | jq -sRr @uri)

  export ${TOKEN_ENV}=$(openssl rand -hex 32)
  corroborate serve --host 0.0.0.0 --port 8080 --db postgres://postgres@127.0.0.1:5432/news
  curl -H "Authorization: Bearer $${TOKEN_ENV}" -H "Content-Type: application/json" \\
       --data-binary '[{"id":"a1","outlet":"Wire","title":"…","text":"…"}]' http://127.0.0.1:8080/v1/articles
  curl -H "Authorization: Bearer $${TOKEN_ENV}" -H "Content-Type: application/x-ndjson" \\
       --data-binary @export.jsonl http://127.0.0.1:8080/v1/analyze
  curl -H "Authorization: Bearer $${TOKEN_ENV}" -H "Content-Type: text/plain" \\
       --data-binary $'https://example.org/a\\nhttps://example.org/b' http://127.0.0.1:8080/v1/articles

Errors answer {"error": {"code", "message", "field"}}.
Exit codes: 0 stopped by a signal; 2 usage error (including a non-loopback --host without a token).`,
    )
    .action(async (rawFlags: unknown) => {
      const settings = resolveServeSettings(rawFlags);
      const store = await openStore(settings.db);
      let handle;
      try {
        handle = await startServer({
          store,
          port: settings.port,
          host: settings.host,
          token: settings.token,
          ...(settings.webRoot ? { webRoot: settings.webRoot } : {}),
          limits: { maxBodyBytes: settings.maxBodyBytes, timeoutMs: settings.timeoutMs },
          allowPrivate: settings.allowPrivate,
          onInternalError: (error) =>
            process.stderr.write(`${pc.red('error')} ${(error as Error)?.stack ?? String(error)}\n`),
        });
      } catch (error) {
        await store.close();
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
          throw new UsageError(`--host ${settings.host} --port ${settings.port}: cannot listen (${code})`);
        throw error;
      }
      const writes = settings.token
        ? 'writes need the bearer token'
        : 'writes open to local clients (no token)';
      process.stderr.write(
        `corroborate serving ${handle.url} (store ${settings.db}; ${writes}); Ctrl-C stops it\n`,
      );
      await untilStopped();
      await handle.close();
      await store.close();
    });
}
