import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { HostLookup } from '../ingest/fetch/check-host.js';
import { analyzeArticles } from '../report/analyze-articles.js';
import type { Store } from '../store/store.js';
import { ApiError, validationError, type ErrorStatus } from './api-error.js';
import { createStoryReports, type StoryReports } from './create-story-reports.js';
import { limitTime, type LimitTimeEnv } from './limit-time.js';
import { openApiDocument } from './openapi-document.js';
import { readRequestArticles, type RequestArticles } from './read-request-articles.js';
import { requireToken } from './require-token.js';
import { securityHeaders } from './security-headers.js';
import { defaultWebRoot, serveWeb } from './serve-web.js';
import { storeArticles } from './store-articles.js';

/** Bounds on what one request may ask of the server. */
export interface ServerLimits {
  /** Largest request body, in bytes. Default 10 MiB. */
  maxBodyBytes: number;
  /** Longest a request may run before it is answered 504, in ms. Default 60 s (URL fetches take up to fetchTimeoutMs each). */
  timeoutMs: number;
  /** Articles per write or analysis. Default 1000. */
  maxArticles: number;
  /**
   * Articles per stateless analysis. Default 200: the analysis runs on the server's one
   * thread (a few seconds for 200 articles), and every other request waits meanwhile.
   */
  maxAnalyzeArticles: number;
  /** URLs per request. Default 100. */
  maxUrls: number;
  /** Time limit of one URL fetch, in ms. Default 15 s. */
  fetchTimeoutMs: number;
  /** URLs fetched at once. Default 4. */
  fetchConcurrency: number;
  /** Story reports kept in memory. Default 200. */
  cachedReports: number;
  /**
   * How long a story read trusts the story version it last looked up, in ms. Default 1000:
   * writes by other processes (workers, `corroborate ingest`) show in reports within a
   * second; writes through this server show at once. 0: every read asks the store.
   */
  storyFreshnessMs: number;
}

export const DEFAULT_LIMITS: Readonly<ServerLimits> = {
  maxBodyBytes: 10 * 1024 * 1024,
  timeoutMs: 60_000,
  maxArticles: 1000,
  maxAnalyzeArticles: 200,
  maxUrls: 100,
  fetchTimeoutMs: 15_000,
  fetchConcurrency: 4,
  cachedReports: 200,
  storyFreshnessMs: 1000,
};

export interface AppOptions {
  store: Store;
  /** When set, POST routes need `Authorization: Bearer <token>`. */
  token?: string | null;
  /** Folder of the built UI; undefined: the package's dist/web; null: no UI (other paths are 404s). */
  webRoot?: string | null;
  limits?: Partial<ServerLimits>;
  /** Fetch URLs on private and loopback addresses (tests and benchmarks on one machine). Default false. */
  allowPrivate?: boolean;
  /** DNS resolution for the URL fetcher's private-address guard (tests). */
  lookup?: HostLookup;
  /** Compute the reports of the stories writes changed once writes pause, in the background. Default true. */
  warmAfterWrite?: boolean;
  /** Told about errors the API answers 500 to (the response itself carries no details). */
  onInternalError?: (error: unknown) => void;
}

type Env = LimitTimeEnv;

/** Quiet time after the last write before changed stories are warmed. */
const WARM_DELAY_MS = 1000;

const idParam = (max: number) =>
  z.object({ id: z.string().min(1, 'expected an id').max(max, `expected at most ${max} characters`) });

const storiesQuery = z
  .object({
    since: z
      .string()
      .refine(
        (value) => !Number.isNaN(Date.parse(value)),
        'expected an ISO 8601 date or time, e.g. 2025-04-01',
      )
      .optional(),
    outlet: z.string().min(1, 'expected an outlet name').max(200).optional(),
    q: z.string().max(200, 'expected at most 200 characters').optional(),
    limit: z
      .string()
      .regex(/^\d+$/, 'expected a whole number from 1 to 100')
      .transform(Number)
      .pipe(
        z
          .number()
          .int()
          .min(1, 'expected a whole number from 1 to 100')
          .max(100, 'expected a whole number from 1 to 100'),
      )
      .optional(),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'expected the nextCursor of a previous page')
      .optional(),
  })
  .strict();

function check<T extends z.ZodTypeAny>(part: string, schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(part, parsed.error);
  return parsed.data;
}

/** Unknown query keys are named (`.strict()`), so a typo like `?limt=5` is not silently ignored. */
function queryOf(c: Context): Record<string, string> {
  const query = c.req.queries();
  const single: Record<string, string> = {};
  for (const [key, values] of Object.entries(query)) {
    if (values.length > 1)
      throw new ApiError(
        400,
        'validation',
        `query.${key}: given ${values.length} times; give it once`,
        `query.${key}`,
      );
    single[key] = values[0]!;
  }
  return single;
}

/**
 * The HTTP API (and the built web interface) over a store. Routes: POST /v1/articles,
 * POST /v1/analyze, GET /v1/stories, GET /v1/stories/:id, GET /v1/articles/:id,
 * GET /v1/openapi.json, GET /healthz; every other GET serves the UI. Errors answer
 * `{error: {code, message, field}}` and never carry a stack.
 */
export function createApp(options: AppOptions): Hono<Env> {
  if (!options || typeof options.store?.getStory !== 'function')
    throw new TypeError('createApp(options): options.store must be a Store; open one with openStore(url)');
  const limits: ServerLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { store } = options;
  const reports: StoryReports = createStoryReports(store, {
    maxReports: limits.cachedReports,
    freshnessMs: limits.storyFreshnessMs,
  });
  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  // One write at a time from this process: SQLite has one writer anyway, and story
  // assignment is serialised by the store's lock; queuing here keeps waits off the store.
  let writes: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work, work);
    writes = run.catch(() => {});
    return run;
  };

  /**
   * Computes the reports of stories writes changed, once writes pause for WARM_DELAY_MS,
   * one at a time, so the story list's counts and the next read of those stories are
   * ready. Waiting for a pause matters: a story's report is rebuilt whole, so warming after
   * every write of a steady stream would rebuild versions nobody reads. A failure here is
   * left for the read that needs the report to meet and answer.
   */
  const toWarm = new Set<string>();
  let warmTimer: NodeJS.Timeout | undefined;
  const warm = (storyIds: string[]): void => {
    for (const id of storyIds) toWarm.add(id);
    clearTimeout(warmTimer);
    warmTimer = setTimeout(() => {
      const ids = [...toWarm];
      toWarm.clear();
      void (async () => {
        for (const id of ids) {
          await reports.report(id).catch(() => null);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
    }, WARM_DELAY_MS);
    warmTimer.unref();
  };

  const app = new Hono<Env>();
  app.use('*', securityHeaders());
  app.use('/v1/*', limitTime(limits.timeoutMs));
  const tooLarge = (): never => {
    throw new ApiError(
      413,
      'payload-too-large',
      `the body is over the ${Math.round(limits.maxBodyBytes / 1024)} KiB limit; split the batch`,
      'body',
    );
  };
  const auth = requireToken(options.token ?? null);
  const limitBody = bodyLimit({ maxSize: limits.maxBodyBytes, onError: tooLarge });

  /** Aborts when the request times out or its client goes away. */
  const signalOf = (c: Context<Env>): AbortSignal => AbortSignal.any([c.get('expired'), c.req.raw.signal]);

  const readBody = async (
    c: Context<Env>,
    signal: AbortSignal,
    maxArticles: number,
  ): Promise<RequestArticles> => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const read = await readRequestArticles(bytes, c.req.header('content-type') ?? null, {
      maxArticles,
      maxUrls: limits.maxUrls,
      maxBytes: limits.maxBodyBytes,
      fetchTimeoutMs: limits.fetchTimeoutMs,
      fetchConcurrency: limits.fetchConcurrency,
      allowPrivate: options.allowPrivate ?? false,
      signal,
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
    if (read.articles.length === 0) {
      const reasons = read.skipped.slice(0, 5).map((m) => m.reason);
      const more = read.skipped.length > 5 ? `; and ${read.skipped.length - 5} more` : '';
      throw new ApiError(
        422,
        'no-articles',
        `no item gave an article: ${reasons.join('; ') || 'nothing was read'}${more}`,
        read.skipped[0]?.place?.startsWith('body') ? read.skipped[0].place : 'body',
      );
    }
    if (read.articles.length > maxArticles)
      throw new ApiError(
        413,
        'too-many-articles',
        `the body gave ${read.articles.length} articles; at most ${maxArticles} per request, split the batch`,
        'body',
      );
    return read;
  };

  app.get('/healthz', async (c) => {
    try {
      await store.schemaVersions();
    } catch {
      throw new ApiError(503, 'store-unavailable', 'the store does not respond');
    }
    return c.json({ status: 'ok', engine: store.capabilities.engine });
  });

  app.get('/v1/openapi.json', (c) => c.json(openApiDocument()));

  app.post('/v1/articles', auth, limitBody, async (c) => {
    const signal = signalOf(c);
    const read = await readBody(c, signal, limits.maxArticles);
    const items = await serialise(async () => {
      // A request that timed out or was dropped while queued stores nothing.
      if (signal.aborted)
        throw new ApiError(503, 'aborted', 'the request ended before its articles were stored');
      try {
        return await storeArticles(store, read.articles);
      } finally {
        reports.invalidate();
      }
    });
    if (options.warmAfterWrite ?? true)
      warm([...new Set(items.flatMap((i) => (i.storyId ? [i.storyId] : [])))]);
    const stored = items.filter((i) => i.status === 'stored').length;
    return c.json({
      read: read.articles.length,
      stored,
      duplicates: items.length - stored,
      items,
      skipped: read.skipped,
      messages: read.messages.filter((m) => !m.fatal),
    });
  });

  app.post('/v1/analyze', auth, limitBody, async (c) => {
    const read = await readBody(c, signalOf(c), limits.maxAnalyzeArticles);
    return c.json(analyzeArticles(read.articles, read.messages));
  });

  app.get('/v1/stories', async (c) => {
    const q = check('query', storiesQuery, queryOf(c));
    let page;
    try {
      page = await store.listStories({
        ...(q.since ? { since: q.since } : {}),
        ...(q.outlet ? { outlet: q.outlet } : {}),
        ...(q.q?.trim() ? { search: q.q } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit ?? 20,
      });
    } catch (error) {
      if (error instanceof TypeError && /cursor/.test(error.message))
        throw new ApiError(
          400,
          'validation',
          'query.cursor: expected the nextCursor of a previous page',
          'query.cursor',
        );
      throw error;
    }
    const items = [];
    for (const story of page.items) items.push({ ...story, ...(await reports.counts(story)) });
    return c.json({ items, nextCursor: page.nextCursor });
  });

  app.get('/v1/stories/:id', async (c) => {
    const { id } = check('params', idParam(200), { id: c.req.param('id') });
    const report = await reports.report(id);
    if (!report)
      throw new ApiError(
        404,
        'not-found',
        `no story "${id}"; list stories with GET /v1/stories`,
        'params.id',
      );
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      ETag: report.etag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (
      c.req
        .header('if-none-match')
        ?.split(/\s*,\s*/)
        .includes(report.etag)
    )
      return c.body(null, 304, headers);
    if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? ''))
      return c.body(bytesOf(report.gzip()), 200, { ...headers, 'Content-Encoding': 'gzip' });
    return c.body(bytesOf(report.json), 200, headers);
  });

  app.get('/v1/articles/:id', async (c) => {
    const { id } = check('params', idParam(2048), { id: c.req.param('id') });
    const stored = await store.getArticle(id);
    if (!stored)
      throw new ApiError(
        404,
        'not-found',
        `no article "${id}" (ids are percent-encoded in the path)`,
        'params.id',
      );
    return c.json({
      article: stored.article,
      annotations: stored.annotations,
      storyId: stored.storyId,
      ingestedAt: stored.ingestedAt,
    });
  });

  app.all('/v1/*', () => {
    throw new ApiError(
      404,
      'not-found',
      'no such route; the routes are listed at GET /v1/openapi.json',
      'path',
    );
  });
  app.all('/healthz', () => {
    throw new ApiError(404, 'not-found', 'no such route; /healthz answers GET', 'path');
  });
  if (webRoot !== null) app.get('*', serveWeb(webRoot));

  app.notFound((c) =>
    c.json(
      new ApiError(
        404,
        'not-found',
        'no such route; the API is under /v1 (GET /v1/openapi.json)',
        'path',
      ).toBody(),
      404,
    ),
  );
  app.onError((error, c) => {
    const answer = toApiError(error);
    if (answer.status === 500) options.onInternalError?.(error);
    return c.json(answer.toBody(), answer.status);
  });
  return app;
}

/** A view of a Buffer's bytes as the plain Uint8Array a Response body takes (no copy). */
const bytesOf = (buffer: Buffer): Uint8Array<ArrayBuffer> =>
  new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);

/** Whatever was thrown, as the error the client sees; unexpected errors say nothing of their insides. */
function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    const status = error.status as ErrorStatus;
    if (status === 413)
      return new ApiError(413, 'payload-too-large', 'the body is over the size limit', 'body');
    if (status >= 400 && status < 500)
      return new ApiError(status, 'bad-request', error.message || 'bad request');
  }
  return new ApiError(500, 'internal', 'the server failed on this request; its log has the details');
}
