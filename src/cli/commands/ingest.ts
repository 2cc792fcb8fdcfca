import { Command, Option } from 'commander';
import { z } from 'zod';
import { annotateArticles } from '../../annotate/annotate-articles.js';
import type { Article } from '../../model/article.js';
import { ingestRecords } from '../../store/assign-stories.js';
import { assignerFor } from '../../store/clustering-assigner.js';
import { DEFAULT_STORE_URL, isPostgresUrl, openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { checkFlags, UsageError } from '../options.js';
import { writeOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { reportMessages } from '../report-skipped.js';
import { addReadFlags, progressMode, READ_FLAGS_SCHEMA, readWithFlags } from './read-flags.js';

const schema = READ_FLAGS_SCHEMA.extend({
  db: z.string().min(1, 'expected a SQLite file path or a postgres:// URL'),
  batch: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(1).max(5000),
  format: z.enum(['text', 'json']),
  queue: z.boolean().optional(),
});

export interface IngestTotals {
  read: number;
  stored: number;
  duplicates: number;
  assigned: number;
}

/**
 * Annotates and stores articles batch by batch: each batch is one transaction, then its
 * story assignment (online clustering, state kept in the store) runs under the story
 * lock. Entity keys are joined within a batch.
 */
export async function ingestIntoStore(
  store: Store,
  articles: Article[],
  batchSize: number,
  onBatch: (done: number) => void = () => {},
): Promise<IngestTotals> {
  const totals: IngestTotals = { read: articles.length, stored: 0, duplicates: 0, assigned: 0 };
  const assigner = assignerFor(store);
  for (let start = 0; start < articles.length; start += batchSize) {
    const records = annotateArticles(articles.slice(start, start + batchSize));
    const summary = await ingestRecords(store, records, assigner);
    totals.stored += summary.stored;
    totals.duplicates += summary.duplicates;
    totals.assigned += summary.assigned;
    onBatch(Math.min(start + batchSize, articles.length));
  }
  return totals;
}

export function ingestCommand(): Command {
  const command = new Command('ingest')
    .summary('read articles and add them to a store')
    .description(
      'Reads every input into clean articles, annotates them and adds them to the store: each content is ' +
        'stored once (by content hash), and each new article is assigned to a story. Runs again safely: ' +
        'articles already stored are counted as duplicates.\n\n' +
        `The store is a SQLite file (default ${DEFAULT_STORE_URL}) or a PostgreSQL database (postgres://…).`,
    )
    .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
    .option('--db <url>', 'SQLite file path or postgres:// URL', DEFAULT_STORE_URL)
    .option('--batch <n>', 'articles per transaction (per job with --queue)', '200')
    .option(
      '--queue',
      'enqueue ingestion jobs for "corroborate worker" instead of processing here (PostgreSQL)',
    )
    .addOption(
      new Option('-f, --format <format>', 'summary format').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate ingest examples/\n  corroborate ingest feed.xml --db postgres://postgres@127.0.0.1:5432/news\n\n' +
        'Exit codes: 0 all read; 1 some inputs skipped (named on stderr); 2 usage error or nothing usable.',
    );
  addReadFlags(command);
  command.action(async (inputs: string[], rawFlags: unknown) => {
    const flags = checkFlags(schema, rawFlags);
    if (flags.queue && !isPostgresUrl(flags.db))
      throw new UsageError('--queue: the job queue lives in PostgreSQL; pass --db postgres://…');
    const result = await readWithFlags(inputs, flags);
    if (flags.queue) {
      // Loaded only here, so a SQLite ingest never loads pg or graphile-worker.
      const { enqueueIngest } = await import('../../worker/ingest-queue.js');
      const jobs = await enqueueIngest(flags.db, result.articles, { batchSize: flags.batch });
      const text =
        flags.format === 'json'
          ? `${JSON.stringify({ db: flags.db, read: result.articles.length, jobs })}\n`
          : `${result.articles.length} articles read: ${jobs} jobs queued for workers (${flags.db})\n`;
      await writeOutput(text, undefined);
      process.exitCode = reportMessages(result.messages, result.articles.length, flags.quiet ?? false);
      return;
    }
    const store = await openStore(flags.db);
    const progress = createProgress(process.stderr, progressMode(flags));
    let totals: IngestTotals;
    try {
      totals = await ingestIntoStore(store, result.articles, flags.batch, (done) =>
        progress.update({ done, total: result.articles.length, input: 'stored', articles: done }),
      );
    } finally {
      progress.finish();
      await store.close();
    }
    const text =
      flags.format === 'json'
        ? `${JSON.stringify({ db: flags.db, ...totals })}\n`
        : `${totals.read} articles read: ${totals.stored} stored, ${totals.duplicates} already stored; ${totals.assigned} assigned to stories (${flags.db})\n`;
    await writeOutput(text, undefined);
    process.exitCode = reportMessages(result.messages, result.articles.length, flags.quiet ?? false);
  });
  return command;
}
