import type { SeenDate } from '../../model/article.js';
import type { Message } from '../../model/message.js';
import type { RawDocument } from '../types.js';
import { checkContentType } from './check-content-type.js';
import { checkHost, describeError, type HostLookup } from './check-host.js';
import { createFetchMessage, describeTarget, formatBytes } from './fetch-message.js';
import { readBody } from './read-body.js';
import { DEFAULT_ACCEPT, DEFAULT_USER_AGENT } from './user-agent.js';

export interface FetchOptions {
  /** Whole request including the body, in milliseconds. Default 15000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (after content decoding). Default 10 MiB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Allow loopback, private, link-local and other non-public addresses. Default false. */
  allowPrivate?: boolean;
  userAgent?: string;
  /** DNS resolution used by the private-address guard; default `dns.lookup` with `all: true`. */
  lookup?: HostLookup;
  /** `Accept` header; the default prefers pages, then feeds, JSON and text. */
  accept?: string;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `If-None-Match`); they override the defaults. */
  headers?: Record<string, string>;
}

export type FetchOutcome =
  | { ok: true; document: RawDocument; status: number; finalUrl: string; headers: Record<string, string> }
  | { ok: false; message: Message };

/** How one request leaves the process; the built-in `fetch`, or a stand-in in tests. */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Never carried to another origin on a redirect, like browsers do with `Authorization`. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Fetches one URL for ingestion: http(s) only, redirects followed by hand with every hop
 * checked against private addresses, bounded in time and size, and only for content
 * types the readers understand. Every failure is a fatal `Message` placed at the URL.
 */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchOutcome> {
  return fetchDocumentWith((target, init) => fetch(target, init), url, options);
}

/** `fetchDocument` over a given transport; the guard and all checks still run. */
export async function fetchDocumentWith(
  transport: Transport,
  url: string,
  options: FetchOptions = {},
): Promise<FetchOutcome> {
  const settings = readSettings(options);
  const first = parseTarget(url, url);
  if (!first.ok) return first;

  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = requestHeaders(options);
  let current = first.url;
  let phase: 'connect' | 'body' = 'connect';
  try {
    for (let redirects = 0; ; redirects += 1) {
      if (!settings.allowPrivate) {
        const host = await checkHost(current, { lookup: options.lookup, signal, input: url });
        if (!host.ok) return host;
      }
      phase = 'connect';
      const response = await transport(current.href, { method: 'GET', redirect: 'manual', headers, signal });
      if (REDIRECT_STATUSES.has(response.status)) {
        await discard(response);
        const next = nextHop(url, current, response, redirects, settings.maxRedirects);
        if (!next.ok) return next;
        if (next.url.origin !== current.origin) for (const name of CREDENTIAL_HEADERS) headers.delete(name);
        current = next.url;
        continue;
      }
      phase = 'body';
      return await readResponse(url, current, response, settings.maxBytes);
    }
  } catch (error) {
    return {
      ok: false,
      message: failure(url, current, error, phase, timeout, options.signal, settings.timeoutMs),
    };
  }
}

interface Settings {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

function readSettings(options: FetchOptions): Settings {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  if (!(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(
      `fetchDocument: options.timeoutMs must be a positive number of milliseconds, got ${timeoutMs}`,
    );
  }
  if (!(Number.isSafeInteger(maxBytes) && maxBytes > 0)) {
    throw new TypeError(`fetchDocument: options.maxBytes must be a positive integer, got ${maxBytes}`);
  }
  if (!(Number.isSafeInteger(maxRedirects) && maxRedirects >= 0)) {
    throw new TypeError(
      `fetchDocument: options.maxRedirects must be a non-negative integer, got ${maxRedirects}`,
    );
  }
  return { timeoutMs, maxBytes, maxRedirects, allowPrivate: options.allowPrivate ?? false };
}

function requestHeaders(options: FetchOptions): Headers {
  const headers = new Headers({
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? DEFAULT_ACCEPT,
  });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

type Target = { ok: true; url: URL } | { ok: false; message: Message };

/** Parses the URL to request; `base` is the current URL when `text` is a redirect's Location. */
function parseTarget(input: string, text: string, base?: URL): Target {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    const reason = base
      ? `Could not fetch ${input}: ${base.href} redirected to "${text}", which is not a valid URL; the server is misconfigured.`
      : `Could not fetch "${text}": it is not a valid URL; give an absolute http(s) URL.`;
    return fail('fetch:invalid-url', input, reason);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const what = base ? `${input}: it redirected to ${redact(url)}, a` : `${redact(url)}: it is a`;
    return fail(
      'fetch:scheme',
      input,
      `Refused to fetch ${what} ${url.protocol.replace(/:$/, '')}: URL; only http and https URLs can be fetched.`,
    );
  }
  if (url.username || url.password) {
    const what = base ? `${input}: it redirected to ${redact(url)}, a URL` : `${redact(url)}: URLs`;
    return fail(
      'fetch:credentials',
      base ? input : redact(url),
      `Refused to fetch ${what} with a user name or password; remove the credentials from the URL.`,
    );
  }
  return { ok: true, url };
}

function nextHop(
  input: string,
  current: URL,
  response: Response,
  redirects: number,
  maxRedirects: number,
): Target {
  const location = response.headers.get('location');
  if (location === null) {
    return fail(
      'fetch:redirect',
      input,
      `Could not fetch ${input}: ${current.href} answered HTTP ${response.status} without a Location header; the server is misconfigured.`,
    );
  }
  const next = parseTarget(input, location, current);
  if (next.ok && redirects >= maxRedirects) {
    return fail(
      'fetch:too-many-redirects',
      input,
      `Could not fetch ${input}: it redirected more than ${maxRedirects} times (last to ${next.url.href}); the redirects probably loop, or raise the redirect limit.`,
    );
  }
  return next;
}

async function readResponse(
  input: string,
  url: URL,
  response: Response,
  maxBytes: number,
): Promise<FetchOutcome> {
  if (response.status < 200 || response.status > 299) {
    await discard(response);
    return { ok: false, message: statusMessage(input, url, response) };
  }
  const contentType = response.headers.get('content-type');
  const type = checkContentType(contentType);
  if (!type.ok) {
    await discard(response);
    return fail(
      'fetch:content-type',
      input,
      `Refused to read ${describeTarget(input, url)}: its content type ${type.essence} is not a web page, feed, JSON or text; give the URL of an article, a feed or a JSON(L) file.`,
    );
  }
  const declared = declaredLength(response);
  if (declared !== null && declared > maxBytes) {
    await discard(response);
    return tooLarge(input, url, maxBytes, `it declares ${formatBytes(declared)}`);
  }
  const body = await readBody(response.body, maxBytes, type.gzip);
  if (!body.ok) return tooLarge(input, url, maxBytes, `more than ${formatBytes(body.bytesRead)} arrived`);

  const document: RawDocument = {
    input,
    id: input,
    bytes: body.bytes,
    // The gzip wrapper is gone once decompressed; what is inside is left to sniffing.
    contentType: type.gzip ? null : contentType,
    url: url.href,
    name: type.gzip ? url.pathname.replace(/\.gz$/i, '') : url.pathname,
    dates: lastModified(response),
  };
  return { ok: true, document, status: response.status, finalUrl: url.href, headers: headerRecord(response) };
}

/** Content-Length only bounds the body when no content coding will expand it. */
function declaredLength(response: Response): number | null {
  const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') return null;
  const text = response.headers.get('content-length');
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  return Number(text.trim());
}

function lastModified(response: Response): SeenDate[] {
  const raw = response.headers.get('last-modified');
  if (raw === null) return [];
  const time = Date.parse(raw);
  if (Number.isNaN(time)) return [];
  return [{ value: new Date(time).toISOString(), raw, where: 'http:last-modified' }];
}

function headerRecord(response: Response): Record<string, string> {
  const record: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function statusMessage(input: string, url: URL, response: Response): Message {
  const status = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status === 304) {
    return createFetchMessage(
      'fetch:not-modified',
      input,
      `${describeTarget(input, url)} answered ${status}: unchanged since the last fetch.`,
    );
  }
  return createFetchMessage(
    'fetch:http-status',
    input,
    `Could not fetch ${describeTarget(input, url)}: the server answered ${status}; ${statusHint(response.status)}.`,
  );
}

function statusHint(status: number): string {
  if (status === 401 || status === 403) return 'the page needs a login or blocks automated clients';
  if (status === 404 || status === 410) return 'check that the URL is right and the page still exists';
  if (status === 429) return 'the server is rate-limiting; try again later or fetch less often';
  if (status >= 500) return 'the server failed; try again later';
  return 'check the URL';
}

function tooLarge(input: string, url: URL, maxBytes: number, detail: string): FetchOutcome {
  return fail(
    'fetch:too-large',
    input,
    `Refused to read ${describeTarget(input, url)}: the body is larger than the ${formatBytes(maxBytes)} limit (${detail}); raise the size limit if the document is genuine.`,
  );
}

function failure(
  input: string,
  url: URL,
  error: unknown,
  phase: 'connect' | 'body',
  timeout: AbortSignal,
  callerSignal: AbortSignal | undefined,
  timeoutMs: number,
): Message {
  if (timeout.aborted) {
    return createFetchMessage(
      'fetch:timeout',
      input,
      `Could not fetch ${describeTarget(input, url)}: no complete answer within the ${timeoutMs} ms time limit; try again later or raise the timeout.`,
    );
  }
  if (callerSignal?.aborted) {
    return createFetchMessage(
      'fetch:aborted',
      input,
      `Fetching ${describeTarget(input, url)} was cancelled.`,
    );
  }
  const cause = describeError((error as { cause?: unknown }).cause ?? error);
  if (phase === 'body') {
    return createFetchMessage(
      'fetch:incomplete',
      input,
      `Could not fetch ${describeTarget(input, url)}: the connection failed while reading the body (${cause}); try again later.`,
    );
  }
  return createFetchMessage(
    'fetch:network',
    input,
    `Could not fetch ${describeTarget(input, url)}: the request failed (${cause}); check the URL and the network connection.`,
  );
}

/** Releases the connection of a response whose body is not wanted. */
async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

function fail(ruleId: string, input: string, reason: string): { ok: false; message: Message } {
  return { ok: false, message: createFetchMessage(ruleId, input, reason) };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.href;
}
