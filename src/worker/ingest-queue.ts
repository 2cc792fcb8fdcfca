import { EventEmitter } from 'node:events';
import {
  Logger,
  makeWorkerUtils,
  run,
  runOnce,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import type { Article } from '../model/article.js';
import { createPool, parsePostgresUrl } from '../store/postgres/dialect.js';
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
  const log = options.log ?? (() => {});
  const store = await openStore(options.url);
  const events = new EventEmitter() as WorkerEvents;
  const unlock = releaseOwnLocksOnReconnect(events, connectionString, log);
  const concurrency = options.concurrency ?? 2;
  // Our own pool, so its clients have error listeners (see createPool): graphile-worker's
  // own pool would let a terminated connection end the process.
  const pgPool = createPool({ connectionString, schema: null, max: concurrency + 2 });
  const runner = await run({
    pgPool,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: makeLogger(log),
    taskList: taskList(store),
    events,
  });
  return {
    runner,
    stop: async () => {
      await runner.stop();
      await unlock.settled();
      await store.close();
      await pgPool.end();
    },
  };
}

/**
 * graphile-worker 0.17 has no heartbeat: a job whose completion (or failure) could not be
 * written because the database went away stays locked by this live worker, and only
 * its 4-hour `locked_at` expiry frees it. So when the worker's notification listener
 * reconnects after losing its connection (a PostgreSQL restart, terminated backends),
 * the worker releases every job locked under its own ids (its worker pool's, which is
 * what 0.17 locks jobs with, and its workers') with graphile-worker's
 * `forceUnlockWorkers`. A job it is still running may then run a second time elsewhere;
 * that is harmless because ingestion is idempotent (each content stored once, only
 * unassigned articles assigned).
 */
function releaseOwnLocksOnReconnect(
  events: WorkerEvents,
  connectionString: string,
  log: LogLine,
): { settled: () => Promise<void> } {
  const workerIds = new Set<string>();
  let lost = false;
  let pending: Promise<void> = Promise.resolve();
  // graphile-worker 0.17 locks jobs under the worker pool's id (getJob(workerPool.id)), not each worker's.
  events.on('pool:create', ({ workerPool }) => workerIds.add(workerPool.id));
  events.on('worker:create', ({ worker }) => workerIds.add(worker.workerId));
  const active = new Set<string>();
  events.on('job:start', ({ job }) => active.add(job.id));
  events.on('job:complete', ({ job }) => active.delete(job.id));
  events.on('pool:listen:error', () => {
    lost = true;
  });
  events.on('pool:listen:success', () => {
    if (!lost || workerIds.size === 0) return;
    lost = false;
    const ids = [...workerIds];
    // Jobs that were running when the connection went may yet fail to write their outcome:
    // release only after they have ended and their completion has had time to be written.
    const inFlight = [...active];
    pending = pending.then(async () => {
      while (inFlight.some((id) => active.has(id))) await sleep(200);
      await sleep(COMPLETION_GRACE_MS);
      try {
        const utils = await makeWorkerUtils({ connectionString, logger: makeLogger(log) });
        try {
          await utils.forceUnlockWorkers(ids);
          log('info', `reconnected: released jobs locked by ${ids.join(', ')}`);
        } finally {
          await utils.release();
        }
      } catch (error) {
        // Still unreachable: the next reconnection tries again.
        lost = true;
        log(
          'error',
          `reconnected, but releasing this worker's locked jobs failed: ${(error as Error).message}`,
        );
      }
    });
  });
  return { settled: () => pending };
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Time for graphile-worker's batched, retried completion writes to land after a job ends. */
const COMPLETION_GRACE_MS = 3000;

const CONNECTION_ERRORS = /^(57P0[123]|08\d\d\d|ECONNRESET|ECONNREFUSED|EPIPE)$/;

/**
 * Whether an error is a lost or refused database connection (server shut down or
 * restarted, backend terminated, socket reset). A worker outlives these: the job in
 * flight fails and is retried, the pool opens new connections.
 */
export function isConnectionLoss(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_ERRORS.test(code)) return true;
  return typeof message === 'string' && /Connection terminated|connection error|not queryable/i.test(message);
}
