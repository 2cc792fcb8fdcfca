import { Logger, makeWorkerUtils, run, runOnce, type Runner, type TaskList } from 'graphile-worker';
import type { Article } from '../model/article.js';
import { parsePostgresUrl } from '../store/postgres/dialect.js';
import { openStore, isPostgresUrl } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { INGEST_TASK, runIngestJob } from './ingest-job.js';

/** graphile-worker's log lines go where the caller says; library code prints nothing. */
export type LogLine = (level: string, message: string) => void;

const makeLogger = (log: LogLine): Logger => new Logger(() => (level, message) => log(level, message));

function queueConnection(call: string, url: string): string {
  if (!isPostgresUrl(url)) {
    throw new TypeError(`${call}: the job queue lives in PostgreSQL; pass --db postgres://… (got "${url}")`);
  }
  return parsePostgresUrl(url).connectionString;
}

/** Splits articles into jobs of `batchSize` and adds them to the queue in the store's database. */
export async function enqueueIngest(
  url: string,
  articles: Article[],
  options: { batchSize?: number; log?: LogLine } = {},
): Promise<number> {
  const connectionString = queueConnection('enqueueIngest(url, articles)', url);
  const batchSize = options.batchSize ?? 50;
  const utils = await makeWorkerUtils({ connectionString, logger: makeLogger(options.log ?? (() => {})) });
  try {
    await utils.migrate();
    let jobs = 0;
    for (let start = 0; start < articles.length; start += batchSize) {
      await utils.addJob(
        INGEST_TASK,
        { articles: articles.slice(start, start + batchSize) },
        { maxAttempts: 10 },
      );
      jobs += 1;
    }
    return jobs;
  } finally {
    await utils.release();
  }
}

export interface WorkerOptions {
  /** postgres:// URL of the store (and its queue). */
  url: string;
  /** Jobs run at once in this process. */
  concurrency?: number;
  log?: LogLine;
}

function taskList(store: Store): TaskList {
  return {
    [INGEST_TASK]: async (payload) => {
      await runIngestJob(store, payload);
    },
  };
}

/**
 * Processes ingestion jobs until stopped. A job that fails (or whose worker dies) is
 * retried by graphile-worker; storing is idempotent and assignment completes unassigned
 * articles, so a retry neither loses nor doubles anything.
 */
export async function startIngestWorker(
  options: WorkerOptions,
): Promise<{ runner: Runner; stop: () => Promise<void> }> {
  const connectionString = queueConnection('startIngestWorker(options)', options.url);
  const store = await openStore(options.url);
  const runner = await run({
    connectionString,
    concurrency: options.concurrency ?? 2,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: makeLogger(options.log ?? (() => {})),
    taskList: taskList(store),
  });
  return {
    runner,
    stop: async () => {
      await runner.stop();
      await store.close();
    },
  };
}

/** Processes the jobs waiting now, then returns (for tests and batch runs). */
export async function drainIngestQueue(options: WorkerOptions): Promise<void> {
  const connectionString = queueConnection('drainIngestQueue(options)', options.url);
  const store = await openStore(options.url);
  try {
    await runOnce({
      connectionString,
      concurrency: options.concurrency ?? 2,
      noHandleSignals: true,
      logger: makeLogger(options.log ?? (() => {})),
      taskList: taskList(store),
    });
  } finally {
    await store.close();
  }
}
