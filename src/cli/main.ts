#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { VERSION } from '../version.js';
import { UsageError } from './options.js';

/**
 * Every command, in the order `--help` lists them, loaded on demand: a command's module
 * pulls in its whole stage (the NLP models, the database drivers, the HTTP server), and a
 * CLI start that loaded all of them cost about 0.3 s more than one that loads only its own.
 */
const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<Command>]> = [
  ['analyze', async () => (await import('./commands/analyze.js')).analyzeCommand()],
  ['extract', async () => (await import('./commands/extract.js')).extractCommand()],
  ['annotate', async () => (await import('./commands/annotate.js')).annotateCommand()],
  ['ingest', async () => (await import('./commands/ingest.js')).ingestCommand()],
  ['stories', async () => (await import('./commands/stories.js')).storiesCommand()],
  ['story', async () => (await import('./commands/story.js')).storyCommand()],
  ['watch', async () => (await import('./commands/watch.js')).watchCommand()],
  ['worker', async () => (await import('./commands/worker.js')).workerCommand()],
  ['serve', async () => (await import('./commands/serve.js')).serveCommand()],
];

/** The command name `argv` runs (its first argument after the script), or null. */
function requestedCommand(argv: readonly string[]): string | null {
  const first = argv[2];
  return first !== undefined && COMMANDS.some(([name]) => name === first) ? first : null;
}

/**
 * The CLI program. With `only`, just that command is loaded (enough to parse and run it);
 * without, every command is (for `--help`, `help <command>` and unknown commands).
 */
export async function buildProgram(only: string | null = null): Promise<Command> {
  const program = new Command('corroborate')
    .description(
      'Cross-source news analysis: what reports of the same events agree on, where they differ, ' +
        'who claims what, and which copy which — every statement traced to its sentences.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nStart with:\n  corroborate analyze examples/\n\nRun "corroborate <command> --help" for each command\'s options.',
    );
  const chosen = only === null ? COMMANDS : COMMANDS.filter(([name]) => name === only);
  const commands = await Promise.all(chosen.map(([, load]) => load()));
  for (const command of commands) program.addCommand(command);
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(requestedCommand(argv));
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

// A reader that stops early (`corroborate --help | head`) closes the pipe: that ends the
// output, and must not end the program with a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

const code = await main(process.argv);
process.exitCode = code;
