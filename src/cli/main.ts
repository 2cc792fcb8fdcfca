#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { VERSION } from '../version.js';
import { analyzeCommand } from './commands/analyze.js';
import { annotateCommand } from './commands/annotate.js';
import { ingestCommand } from './commands/ingest.js';
import { serveCommand } from './commands/serve.js';
import { storiesCommand } from './commands/stories.js';
import { storyCommand } from './commands/story.js';
import { watchCommand } from './commands/watch.js';
import { workerCommand } from './commands/worker.js';
import { extractCommand } from './commands/extract.js';
import { UsageError } from './options.js';

export function buildProgram(): Command {
  const program = new Command('corroborate')
    .description(
      'Cross-source news analysis: what reports of the same events agree on, where they differ, ' +
        'who claims what, and which copy which — every statement traced to its sentences.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addCommand(analyzeCommand())
    .addCommand(extractCommand())
    .addCommand(annotateCommand())
    .addCommand(ingestCommand())
    .addCommand(storiesCommand())
    .addCommand(storyCommand())
    .addCommand(watchCommand())
    .addCommand(workerCommand())
    .addCommand(serveCommand())
    .addHelpText(
      'after',
      '\nStart with:\n  corroborate analyze examples/\n\nRun "corroborate <command> --help" for each command\'s options.',
    );
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with code 0; usage errors with 1.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`${pc.red('error')} ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`${pc.red('error')} ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

const code = await main(process.argv);
process.exitCode = code;
