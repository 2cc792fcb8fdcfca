import { Command, Option } from 'commander';
import { z } from 'zod';
import { annotateArticles, type AnnotatedArticle } from '../../annotate/annotate-articles.js';
import { checkFlags } from '../options.js';
import { writeOutput } from '../output.js';
import { reportMessages } from '../report-skipped.js';
import { addReadFlags, READ_FLAGS_SCHEMA, readWithFlags } from './read-flags.js';

const schema = READ_FLAGS_SCHEMA.extend({ format: z.enum(['json', 'markdown']), out: z.string().optional() });

export const ANNOTATIONS_SCHEMA = 'corroborate.annotations/1';

export function annotateCommand(): Command {
  const command = new Command('annotate')
    .summary('read articles and print their annotations')
    .description(
      'Reads every input into clean articles and annotates them: sentences, mentions of people, ' +
        'organisations and places (with entity keys shared across the articles), quantities, times, ' +
        'attributions (source, cue, content) and hedges. Every span has UTF-16 `start`/`end`\n' +
        "offsets into its article's `text`.",
    )
    .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['json', 'markdown']).default('json'),
    )
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      '\nExamples:\n  corroborate annotate examples/ --format json | jq ".articles[0].attributions"\n  corroborate annotate story.txt --format markdown',
    );
  addReadFlags(command);
  command.action(async (inputs: string[], rawFlags: unknown) => {
    const flags = checkFlags(schema, rawFlags);
    const result = await readWithFlags(inputs, flags);
    const annotated = annotateArticles(result.articles);
    const output =
      flags.format === 'json'
        ? `${JSON.stringify(
            {
              schema: ANNOTATIONS_SCHEMA,
              articles: annotated.map(({ article, annotations }) => ({ ...article, ...annotations })),
              messages: result.messages,
            },
            null,
            2,
          )}\n`
        : renderAnnotationsMarkdown(annotated);
    await writeOutput(output, flags.out);
    process.exitCode = reportMessages(result.messages, result.articles.length, flags.quiet ?? false);
  });
  return command;
}

function renderAnnotationsMarkdown(annotated: AnnotatedArticle[]): string {
  const out: string[] = ['# corroborate annotations', ''];
  for (const { article, annotations: a } of annotated) {
    out.push(`## ${article.title ?? article.id}`, '');
    out.push(
      `${a.sentences.length} sentences, ${a.mentions.length} mentions, ${a.quantities.length} quantities, ${a.times.length} times, ${a.attributions.length} attributions, ${a.hedges.length} hedges`,
      '',
    );
    const entities = new Map<string, string>();
    for (const m of a.mentions) if (!entities.has(m.key)) entities.set(m.key, `${m.name} (${m.type})`);
    if (entities.size) out.push(`**Entities:** ${[...entities.values()].join('; ')}`, '');
    for (const q of a.quantities) {
      out.push(
        `- quantity: ${q.text} → ${q.qualifier} ${q.value}${q.unit ? ` ${q.unit}` : ''}${q.counted ? ` of "${q.counted.text}"` : ''}`,
      );
    }
    for (const t of a.times) out.push(`- time: ${t.text} → ${t.value ?? '?'} (${t.grain}, ${t.resolution})`);
    for (const at of a.attributions) {
      out.push(
        `- ${at.source?.text ?? '(no source)'} —${at.cue.text} [${at.cueClass}]→ "${at.content.text}"`,
      );
    }
    for (const h of a.hedges) out.push(`- ${h.kind}: ${h.text}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
