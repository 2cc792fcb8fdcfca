import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import pc from 'picocolors';
import { z } from 'zod';
import { DEFAULT_STORE_URL, openStore } from '../../store/open-store.js';
import { DEFAULT_POLICY, type SchedulePolicy } from '../../watch/feed-schedule.js';
import { loadFeedState, saveFeedState } from '../../watch/feed-state-store.js';
import { pollFeed } from '../../watch/poll-feed.js';
import { isFeedUrl, readFeedList } from '../../watch/read-feed-list.js';
import type { RoundSummary } from '../../watch/run-round.js';
import { watchFeeds } from '../../watch/watch-feeds.js';
import { checkFlags, parseDuration, parseSize, UsageError } from '../options.js';
import { ingestIntoStore } from './ingest.js';

const schema = z.object({
  db: z.string().min(1, 'expected a SQLite file path or a postgres:// URL'),
  every: z.string(),
  maxBackoff: z.string(),
  once: z.boolean().optional(),
  concurrency: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(1).max(64),
  allowPrivate: z.boolean().optional(),
  timeout: z.string(),
  maxSize: z.string(),
  quiet: z.boolean().optional(),
});

/** `--every` and `--max-backoff` also take hours (`1h`), which feed intervals often are. */
export function parseInterval(value: string, flag: string): number {
  const hours = /^\s*(\d+(?:\.\d+)?)\s*h\s*$/i.exec(value);
  const ms = hours ? Math.round(Number(hours[1]) * 3_600_000) : parseDuration(value, flag);
  if (ms < 1000) throw new UsageError(`${flag}: "${value}" is too short; poll at most once a second`);
  return ms;
}

/** Feed URLs from the arguments: URLs as given, other arguments read as list files. */
export async function resolveFeeds(args: string[]): Promise<string[]> {
  const urls: string[] = [];
  for (const arg of args) {
    if (isFeedUrl(arg)) {
      urls.push(arg);
      continue;
    }
    let text: string;
    try {
      text = await readFile(arg, 'utf8');
    } catch (error) {
      throw new UsageError(
        `"${arg}" is neither an http(s) URL nor a readable file of feed URLs (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const list = readFeedList(text);
    if (list.problems.length) {
      const first = list.problems[0]!;
      throw new UsageError(
        `${arg}:${first.line}: "${first.text}" is not an http(s) URL; write one feed URL per line (# starts a comment)`,
      );
    }
    urls.push(...list.urls);
  }
  if (!urls.length) throw new UsageError('no feed URLs given: pass URLs or files listing them');
  return [...new Set(urls)];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatRound(summary: RoundSummary, now: number): string {
  const parts = [
    `${plural(summary.polled, 'feed')} polled${summary.notModified ? ` (${summary.notModified} not modified)` : ''}`,
    ...(summary.waiting ? [`${summary.waiting} waiting`] : []),
    `${plural(summary.newItems, 'new item')}, ${summary.stored} stored`,
    plural(summary.errors.length, 'error'),
  ];
  const lines = [`watch round ${summary.round}: ${parts.join(', ')}`];
  for (const e of summary.errors) {
    const wait = Math.max(0, Math.round((e.retryAt - now) / 1000));
    lines.push(`${pc.red('error')} ${e.url}: ${e.error} (failure ${e.failures}; next try in ${wait}s)`);
  }
  return `${lines.join('\n')}\n`;
}

export function watchCommand(): Command {
  return new Command('watch')
    .summary('poll news feeds and ingest their new items into a store')
    .description(
      'Polls RSS/Atom/JSON feeds politely and adds their new items to the store, as "ingest" does: ' +
        'conditional requests (ETag / Last-Modified, kept in the store), a few feeds at once, a random ' +
        'spread on every interval, and a doubling wait (capped by --max-backoff) for a feed that fails; ' +
        'one failing feed never stops the others. Items seen before (by link, guid or content hash) are ' +
        'skipped; an item whose feed carries only a summary is read from its page.\n\n' +
        'Arguments are feed URLs or files listing them (one per line, # for comments). A line per round ' +
        'goes to stderr. Runs until Ctrl-C / SIGTERM; --once polls once and exits (for cron).',
    )
    .argument('<feeds...>', 'feed URLs, or files of feed URLs')
    .option('--db <url>', 'SQLite file path or postgres:// URL', DEFAULT_STORE_URL)
    .option('--every <duration>', 'time between polls of each feed (e.g. 5m, 1h)', '5m')
    .option('--max-backoff <duration>', 'longest wait before retrying a failing feed', '6h')
    .option('--once', 'poll each feed once and exit')
    .option('--concurrency <n>', 'feeds polled at once', '4')
    .option('--allow-private', 'allow feeds on private, loopback and link-local addresses')
    .option('--timeout <duration>', 'time limit for each request (e.g. 15s)', '15s')
    .option('--max-size <size>', 'largest feed or page accepted (e.g. 20MB)', '20MB')
    .option('-q, --quiet', 'print only errors, not the round lines')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate watch https://example.org/rss.xml --every 10m\n  corroborate watch feeds.txt --once --db postgres://postgres@127.0.0.1:5432/news\n\n' +
        'Exit codes: 0 done (stopped, or --once with every feed read); 1 --once and some feed failed; 2 usage error.',
    )
    .action(async (args: string[], rawFlags: unknown) => {
      const flags = checkFlags(schema, rawFlags);
      const everyMs = parseInterval(flags.every, '--every');
      const maxBackoffMs = parseInterval(flags.maxBackoff, '--max-backoff');
      if (maxBackoffMs < everyMs) throw new UsageError('--max-backoff: must be at least --every');
      const policy: SchedulePolicy = { ...DEFAULT_POLICY, everyMs, maxBackoffMs };
      const timeoutMs = parseDuration(flags.timeout, '--timeout');
      const maxBytes = parseSize(flags.maxSize);
      const feeds = await resolveFeeds(args);

      const stop = new AbortController();
      const onSignal = (): void => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const store = await openStore(flags.db);
      try {
        const result = await watchFeeds({
          feeds,
          once: flags.once ?? false,
          signal: stop.signal,
          policy,
          concurrency: flags.concurrency,
          now: Date.now,
          random: Math.random,
          load: (url) => loadFeedState(store, url),
          save: (state) => saveFeedState(store, state),
          poll: (state) =>
            pollFeed(state, {
              allowPrivate: flags.allowPrivate ?? false,
              timeoutMs,
              maxBytes,
              signal: stop.signal,
            }),
          ingest: (articles) => ingestIntoStore(store, articles, 200),
          onRound: (summary) => {
            if (flags.quiet && !summary.errors.length) return;
            process.stderr.write(formatRound(summary, Date.now()));
          },
        });
        process.exitCode = flags.once && result.last?.errors.length ? 1 : 0;
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
    });
}
