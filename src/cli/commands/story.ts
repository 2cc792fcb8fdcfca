import { Command, Option } from 'commander';
import { z } from 'zod';
import type { Article } from '../../model/article.js';
import { renderHtml } from '../../report/render-html.js';
import { reportStoredArticles } from '../../report/report-stored-articles.js';
import { renderJson } from '../../report/render-json.js';
import { renderMarkdown } from '../../report/render-markdown.js';
import { loadStoryArticles } from '../../store/load-story-articles.js';
import { DEFAULT_STORE_URL, openStore } from '../../store/open-store.js';
import { checkFlags, UsageError } from '../options.js';
import { writeOutput } from '../output.js';

const schema = z.object({
  db: z.string().min(1, 'expected a SQLite file path or a postgres:// URL'),
  format: z.enum(['markdown', 'json', 'html']),
  out: z.string().optional(),
});

export function storyCommand(): Command {
  return new Command('story')
    .summary('print the full report of one stored story')
    .description(
      'Loads the articles of one story from the store and writes the report "analyze" gives for those ' +
        'articles, kept as the one story the store assigned (they are not clustered again): Markdown to stdout by default, or JSON (schema corroborate.report/1) or a self-contained ' +
        'HTML page. Articles are analysed in id order. List story ids with "corroborate stories".',
    )
    .argument('<id>', 'story id, as "corroborate stories" lists it')
    .option('--db <url>', 'SQLite file path or postgres:// URL', DEFAULT_STORE_URL)
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['markdown', 'json', 'html'])
        .default('markdown'),
    )
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate stories\n  corroborate story story-1a2b3c4d5e6f7a8b --format html --out story.html\n\n' +
        'Exit codes: 0 written; 2 usage error or unknown story id.',
    )
    .action(async (id: string, rawFlags: unknown) => {
      const flags = checkFlags(schema, rawFlags);
      const store = await openStore(flags.db);
      let articles: Article[] | null;
      try {
        articles = await loadStoryArticles(store, id);
      } finally {
        await store.close();
      }
      if (!articles) {
        throw new UsageError(
          `story "${id}" is not in ${flags.db}; list the stories with "corroborate stories --db ${flags.db}"`,
        );
      }
      const render = { markdown: renderMarkdown, json: renderJson, html: renderHtml }[flags.format];
      await writeOutput(render(reportStoredArticles(articles)), flags.out);
    });
}
