import { existsSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/**
 * Where the built UI lives: `dist/web/` of the package. Built, this code is in `dist/`
 * (so `./web/`); run from source with tsx it is in `src/server/` (so `../../dist/web/`).
 * The first candidate holding an index.html wins, else the built location.
 */
export function defaultWebRoot(): string {
  const candidates = [new URL('./web/', import.meta.url), new URL('../../dist/web/', import.meta.url)].map(
    (url) => fileURLToPath(url),
  );
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0]!;
}

/** Shown instead of the UI when its build is missing; no inline style or script, so the policy holds. */
export const UI_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>corroborate: web interface not built</title></head>
<body>
<h1>The web interface is not built</h1>
<p>This server found no <code>index.html</code> in its web folder. Build the interface from a source
checkout (Vite writes it to <code>dist/web/</code>), or start the server with <code>--web-root</code>
pointing at a built folder.</p>
<p>The HTTP API works without it: see <a href="/v1/openapi.json">/v1/openapi.json</a>, e.g.
<code>curl http://HOST:PORT/v1/stories</code>.</p>
</body>
</html>
`;

/**
 * Serves the built UI for GET and HEAD: a file when the path names one, else index.html
 * for the client-side router (paths with a file extension that match nothing are 404s,
 * so a missing asset is not answered with a page). Without a build, a page that says so.
 */
export function serveWeb(root: string): MiddlewareHandler {
  const dir = resolve(root);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    return async (c) => c.html(UI_NOT_BUILT_PAGE, 200, { 'Cache-Control': 'no-store' });
  }
  const files = serveStatic({ root: dir });
  const fallback = serveStatic({ path: index });
  return async (c, next) => {
    const response = await files(c, async () => {});
    if (response) return response;
    if (extname(c.req.path) !== '')
      throw new ApiError(404, 'not-found', `no file ${c.req.path} in the web interface`, 'path');
    const page = await fallback(c, async () => {});
    if (page) return page;
    return next();
  };
}
