import { Command, Option } from 'commander';
import { z } from 'zod';
import type { Report } from '../../model/report.js';
import { analyzeArticles } from '../../report/analyze-articles.js';
import { checkFlags } from '../options.js';
import { writeOutput } from '../output.js';
import { reportMessages } from '../report-skipped.js';
import { addReadFlags, READ_FLAGS_SCHEMA, readWithFlags } from './read-flags.js';

const schema = READ_FLAGS_SCHEMA.extend({
  format: z.enum(['markdown', 'json', 'html']),
  out: z.string().optional(),
});

/** The report in one format; only that format's renderer is loaded. */
async function render(format: 'markdown' | 'json' | 'html', report: Report): Promise<string> {
  if (format === 'json') return (await import('../../report/render-json.js')).renderJson(report);
  if (format === 'html') return (await import('../../report/render-html.js')).renderHtml(report);
  return (await import('../../report/render-markdown.js')).renderMarkdown(report);
}

export function analyzeCommand(): Command {
  const command = new Command('analyze')
    .summary('read reports of the same events and write the report')
    .description(
      'Reads every input into clean articles and writes the report: Markdown to stdout by default, ' +
        'or JSON (schema corroborate.report/1) or a self-contained HTML page.\n\n' +
        'Inputs: files (.txt, .md, .html, RSS/Atom/JSON feeds, .jsonl; .gz too), directories (walked ' +
        'recursively; hidden files and README/LICENSE-type files skipped), http(s) URLs, and - for stdin.',
    )
    .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['markdown', 'json', 'html'])
        .default('markdown'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate analyze examples/\n  corroborate analyze a.html https://example.org/story --format json --out report.json\n  cat export.jsonl | corroborate analyze - --format json | jq ".articles[].title"\n\n' +
        'Exit codes: 0 all read; 1 some inputs skipped (named on stderr); 2 usage error or nothing usable.',
    );
  addReadFlags(command);
  command.action(async (inputs: string[], rawFlags: unknown) => {
    const flags = checkFlags(schema, rawFlags);
    const result = await readWithFlags(inputs, flags);
    const report = analyzeArticles(result.articles, result.messages);
    await writeOutput(await render(flags.format, report), flags.out);
    process.exitCode = reportMessages(result.messages, result.articles.length, flags.quiet ?? false);
  });
  return command;
}
