import { Command, Option } from 'commander';
import { z } from 'zod';
import { extractArticle } from '../../ingest/extract-article.js';
import type { Article } from '../../model/article.js';
import { checkFlags } from '../options.js';
import { writeOutput } from '../output.js';
import { createProgress } from '../progress.js';
import { reportMessages } from '../report-skipped.js';
import { addReadFlags, READ_FLAGS_SCHEMA, toReadOptions } from './read-flags.js';

const schema = READ_FLAGS_SCHEMA.extend({ format: z.enum(['json', 'text']), out: z.string().optional() });

export function extractCommand(): Command {
  const command = new Command('extract')
    .summary('read one article, cleaned, with its metadata')
    .description(
      'Reads one file, URL or - (stdin) and prints its article: the clean text with title, outlet, ' +
        'byline, dates and language. For a feed or JSONL file, the first article.',
    )
    .argument('<input>', 'a file, an http(s) URL, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate extract page.html\n  corroborate extract https://example.org/story --format json',
    );
  addReadFlags(command);
  command.action(async (input: string, rawFlags: unknown) => {
    const flags = checkFlags(schema, rawFlags);
    const progress = createProgress(process.stderr, 'never');
    const { article, messages } = await extractArticle(input, toReadOptions(flags, progress));
    if (article) {
      const output =
        flags.format === 'json' ? `${JSON.stringify({ article, messages }, null, 2)}\n` : renderText(article);
      await writeOutput(output, flags.out);
    }
    process.exitCode = reportMessages(messages, article ? 1 : 0, flags.quiet ?? false);
  });
  return command;
}

function renderText(article: Article): string {
  const head: string[] = [];
  if (article.title) head.push(article.title);
  const meta = [article.outlet, article.byline, article.published].filter(Boolean).join(' | ');
  if (meta) head.push(meta);
  return `${head.join('\n')}${head.length ? '\n\n' : ''}${article.text}\n`;
}
