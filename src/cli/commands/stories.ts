import { Command, Option } from 'commander';
import { z } from 'zod';
import { DEFAULT_STORE_URL, openStore } from '../../store/open-store.js';
import type { Page, StorySummary } from '../../store/store.js';
import { checkFlags } from '../options.js';
import { writeOutput } from '../output.js';

export const STORIES_SCHEMA = 'corroborate.stories/1';

const schema = z.object({
  db: z.string().min(1, 'expected a SQLite file path or a postgres:// URL'),
  since: z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date or time, e.g. 2025-04-01')
    .optional(),
  outlet: z.string().min(1).optional(),
  search: z.string().min(1).optional(),
  limit: z.coerce.number({ invalid_type_error: 'expected a whole number' }).int().min(1).max(1000),
  cursor: z.string().optional(),
  format: z.enum(['markdown', 'json']),
  out: z.string().optional(),
});

export function storiesCommand(): Command {
  return new Command('stories')
    .summary('list the stories in a store')
    .description(
      'Lists the stories in the store, most recently created first, with their article counts and outlets. ' +
        'Filters: --since (stories with an article published since then), --outlet (with an article from it), ' +
        '--search (in the story or article titles, case-insensitive). Long lists come in pages: pass the ' +
        'printed cursor to --cursor for the next one.',
    )
    .option('--db <url>', 'SQLite file path or postgres:// URL', DEFAULT_STORE_URL)
    .option('--since <date>', 'ISO 8601 date or time')
    .option('--outlet <name>', 'exact outlet name')
    .option('--search <text>', 'text in a title')
    .option('--limit <n>', 'stories per page', '50')
    .option('--cursor <cursor>', 'the next-page cursor a previous run printed')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['markdown', 'json']).default('markdown'),
    )
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate stories --since 2025-04-01 --outlet Reuters\n  corroborate stories --db postgres://postgres@127.0.0.1:5432/news --format json | jq ".stories[].id"',
    )
    .action(async (rawFlags: unknown) => {
      const flags = checkFlags(schema, rawFlags);
      const store = await openStore(flags.db);
      let page: Page<StorySummary>;
      try {
        page = await store.listStories({
          ...(flags.since ? { since: flags.since } : {}),
          ...(flags.outlet ? { outlet: flags.outlet } : {}),
          ...(flags.search ? { search: flags.search } : {}),
          ...(flags.cursor ? { cursor: flags.cursor } : {}),
          limit: flags.limit,
        });
      } finally {
        await store.close();
      }
      const text =
        flags.format === 'json'
          ? `${JSON.stringify({ schema: STORIES_SCHEMA, stories: page.items, nextCursor: page.nextCursor }, null, 2)}\n`
          : renderStoriesMarkdown(page);
      await writeOutput(text, flags.out);
    });
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

export function renderStoriesMarkdown(page: Page<StorySummary>): string {
  if (!page.items.length) return 'No stories match.\n';
  const rows = page.items.map(
    (s) =>
      `| ${cell(s.id)} | ${cell(s.title ?? '(untitled)')} | ${s.articleCount} | ${cell(s.outlets.join(', '))} | ${s.updatedAt} |`,
  );
  const lines = ['| story | title | articles | outlets | updated |', '|---|---|---|---|---|', ...rows];
  if (page.nextCursor) lines.push('', `More: --cursor ${page.nextCursor}`);
  return `${lines.join('\n')}\n`;
}
