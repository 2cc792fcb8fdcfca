import { Command } from 'commander';
import { z } from 'zod';
import { isConnectionLoss, startIngestWorker } from '../../worker/ingest-queue.js';
import { checkFlags } from '../options.js';

const schema = z.object({
  db: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, 'expected a postgres:// URL: the job queue lives in PostgreSQL'),
  concurrency: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(1).max(64),
  quiet: z.boolean().optional(),
});

export function workerCommand(): Command {
  return new Command('worker')
    .summary('process queued ingestion jobs from a PostgreSQL store')
    .description(
      'Takes ingestion jobs (queued by "corroborate ingest --queue") from the database and runs them: ' +
        'annotate, store each content once, assign stories under an advisory lock. Run any number of ' +
        'workers on any number of machines; stop one with Ctrl-C (it finishes its current jobs).',
    )
    .requiredOption('--db <url>', 'postgres:// URL of the store')
    .option('--concurrency <n>', 'jobs at once in this process', '2')
    .option('-q, --quiet', 'print only warnings and errors')
    .addHelpText(
      'after',
      '\nExample:\n  corroborate worker --db postgres://postgres@127.0.0.1:5432/news --concurrency 4',
    )
    .action(async (rawFlags: unknown) => {
      const flags = checkFlags(schema, rawFlags);
      const quiet = flags.quiet ?? false;
      // When PostgreSQL restarts, a query the pg driver was running for a library (not for
      // a job, whose failure graphile-worker handles) can reject with nobody awaiting it;
      // that must not end the worker. Any other stray rejection still does.
      process.on('unhandledRejection', (reason) => {
        if (!isConnectionLoss(reason)) throw reason;
        process.stderr.write(`warning database connection lost: ${(reason as Error).message}\n`);
      });
      const worker = await startIngestWorker({
        url: flags.db,
        concurrency: flags.concurrency,
        log: (level, message) => {
          if (!quiet || level === 'warning' || level === 'error')
            process.stderr.write(`${level} ${message}\n`);
        },
      });
      const stop = (): void => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void worker.stop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await worker.runner.promise;
    });
}
