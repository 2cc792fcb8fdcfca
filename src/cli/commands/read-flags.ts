import { Option, type Command } from 'commander';
import { z } from 'zod';
import { readArticles, type ReadOptions, type ReadResult } from '../../ingest/read-articles.js';
import { parseDuration, parseSize } from '../options.js';
import { createProgress, type ProgressReporter } from '../progress.js';

/** The input-reading flags shared by every command that reads articles. */
export function addReadFlags(command: Command): Command {
  return command
    .option(
      '--allow-private',
      'allow URLs on private, loopback and link-local addresses (off: refused for safety)',
    )
    .option('--max-size <size>', 'largest input accepted, after decompression (e.g. 20MB)', '20MB')
    .option('--timeout <duration>', 'time limit for each URL fetch (e.g. 15s)', '15s')
    .option('--max-redirects <n>', 'redirects followed per URL', '5')
    .option('--concurrency <n>', 'URLs fetched at once', '4')
    .addOption(new Option('--progress', 'show progress on stderr even when it is not a terminal'))
    .addOption(new Option('--no-progress', 'never show progress'))
    .option('-q, --quiet', 'print only skipped inputs on stderr, not notes');
}

const readFlagsSchema = z.object({
  allowPrivate: z.boolean().optional(),
  maxSize: z.string(),
  timeout: z.string(),
  maxRedirects: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(0).max(20),
  concurrency: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(1).max(64),
  progress: z.boolean().optional(),
  quiet: z.boolean().optional(),
});

export type ReadFlags = z.infer<typeof readFlagsSchema>;
export const READ_FLAGS_SCHEMA = readFlagsSchema;

export function toReadOptions(flags: ReadFlags, progress: ProgressReporter): ReadOptions {
  return {
    maxBytes: parseSize(flags.maxSize),
    allowPrivate: flags.allowPrivate ?? false,
    concurrency: flags.concurrency,
    fetch: { timeoutMs: parseDuration(flags.timeout, '--timeout'), maxRedirects: flags.maxRedirects },
    onProgress: progress.update,
  };
}

export function progressMode(flags: ReadFlags): 'auto' | 'always' | 'never' {
  if (flags.progress === true) return 'always';
  if (flags.progress === false) return 'never';
  return 'auto';
}

/** Reads the inputs with the reading flags, showing progress on stderr as the flags say. */
export async function readWithFlags(inputs: string[], flags: ReadFlags): Promise<ReadResult> {
  const progress = createProgress(process.stderr, progressMode(flags));
  try {
    return await readArticles(inputs, toReadOptions(flags, progress));
  } finally {
    progress.finish();
  }
}
