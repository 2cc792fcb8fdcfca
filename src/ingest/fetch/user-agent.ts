/**
 * Sent with every request so site operators can tell who is fetching. The version is
 * written here rather than read from package.json at run time because the bundled
 * `dist/` has no stable path to it; a test keeps the two in step.
 */
export const CORROBORATE_VERSION = '0.1.0';

export const DEFAULT_USER_AGENT = `corroborate/${CORROBORATE_VERSION} (+https://github.com/corroborate)`;

/** Pages first, then feeds, then JSON and text; anything else only as a last resort. */
export const DEFAULT_ACCEPT = [
  'text/html',
  'application/xhtml+xml',
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json;q=0.9',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  'application/json;q=0.8',
  'application/x-ndjson;q=0.8',
  'text/markdown;q=0.7',
  'text/plain;q=0.7',
  '*/*;q=0.1',
].join(', ');
