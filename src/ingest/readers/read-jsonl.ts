import type { HtmlExtraction, ReaderResult } from '../types.js';
import type { DraftArticle, SeenDate } from '../../model/article.js';
import { createMessage } from '../../model/message.js';
import type { Message } from '../../model/message.js';
import { extractHtml } from '../html/extract-html.js';
import { createIdRegistry } from './create-id-registry.js';
import type { IdRegistry } from './create-id-registry.js';
import { JSONL_FIELDS, jsonlRowSchema } from './jsonl-row-schema.js';
import type { JsonlRow } from './jsonl-row-schema.js';
import { normalizeDate } from './normalize-date.js';

export { looksLikeJsonl } from './looks-like-jsonl.js';

export interface ReadJsonlOptions {
  /** The input as the user gave it (path, URL, `stdin`): places are `${input}:${line}`. */
  input: string;
}

/**
 * Reads JSONL: one article per line. A line that is not JSON or not a valid row becomes
 * a message naming the line (and field) and is skipped; blank lines are skipped
 * silently; the other lines go on.
 */
export function readJsonl(text: string, options: ReadJsonlOptions): ReaderResult {
  if (typeof text !== 'string') throw new TypeError('readJsonl(text, options): text must be a string');
  if (!options || typeof options.input !== 'string') {
    throw new TypeError('readJsonl(text, options): pass options.input, the path or URL the lines came from');
  }
  const { input } = options;
  const ids = createIdRegistry();
  const drafts: DraftArticle[] = [];
  const messages: Message[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() === '') return;
      const result = readLine(line, i + 1, input, ids);
      if ('draft' in result) drafts.push(result.draft);
      else messages.push(result.message);
    });
  return { drafts, messages };
}

type LineResult = { draft: DraftArticle } | { message: Message };

function readLine(line: string, lineNumber: number, input: string, ids: IdRegistry): LineResult {
  const place = `${input}:${lineNumber}`;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const reason = `${place}: line ${lineNumber} is not JSON (${detail}); skipped`;
    return { message: jsonlMessage('jsonl:not-json', reason, place, true) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const reason = `${place}: line ${lineNumber} is ${describe(value)}, expected an object with \`text\` or \`html\`; skipped`;
    return { message: jsonlMessage('jsonl:invalid-row', reason, place, true) };
  }
  const parsed = jsonlRowSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `field \`${issue.path.join('.')}\`: ${issue.message}`,
    );
    const reason = `${place}: line ${lineNumber} is not a valid article row (${problems.join('; ')}); skipped`;
    return { message: jsonlMessage('jsonl:invalid-row', reason, place, true) };
  }
  return { draft: rowToDraft(parsed.data, lineNumber, place, ids) };
}

function rowToDraft(row: JsonlRow, lineNumber: number, place: string, ids: IdRegistry): DraftArticle {
  const messages: Message[] = [];
  const wanted =
    row.id === null || row.id === undefined || String(row.id).trim() === '' ? place : String(row.id);
  const { id, duplicateOf } = ids.claim(wanted);
  if (duplicateOf) {
    const reason = `${place}: line ${lineNumber} repeats the id ${duplicateOf} of an earlier row; it was renamed ${id}`;
    messages.push(jsonlMessage('jsonl:duplicate-id', reason, place, false, id));
  }
  const dates: SeenDate[] = [];
  let published: string | null = null;
  if (typeof row.published === 'string' && row.published.trim() !== '') {
    published = normalizeDate(row.published);
    if (published) {
      dates.push({ value: published, raw: row.published, where: 'jsonl' });
    } else {
      const reason = `${place}: line ${lineNumber} has an unreadable \`published\` "${row.published.slice(0, 80)}"; expected an ISO 8601 date`;
      messages.push(jsonlMessage('jsonl:invalid-date', reason, place, false, id));
    }
  }
  const base: DraftArticle = {
    id,
    input: place,
    kind: 'jsonl',
    body: '',
    outlet: row.outlet ?? null,
    url: row.url ?? null,
    title: row.title ?? null,
    published,
    dates,
    metadata: extraFields(row),
    messages,
  };
  const useHtml = !hasText(row.text) && typeof row.html === 'string';
  if (!useHtml) return { ...base, body: row.text ?? '' };
  // extractHtml turns every failure into a message (html:parse-failed), so no guard is needed here.
  const extraction = extractHtml(row.html ?? '', { url: row.url ?? null, input: place });
  return mergeExtraction(base, extraction, id);
}

function hasText(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.trim() !== '';
}

/** The row's own fields win over what the page declares: the row is the curated record. */
function mergeExtraction(base: DraftArticle, page: HtmlExtraction, id: string): DraftArticle {
  return {
    ...base,
    kind: 'html',
    body: page.text,
    outlet: base.outlet ?? page.outlet,
    url: base.url ?? page.canonicalUrl,
    title: base.title ?? page.title,
    subtitle: page.subtitle,
    byline: page.byline,
    published: base.published ?? page.published,
    dates: [...(base.dates ?? []), ...page.dates],
    language: page.language,
    messages: [
      ...(base.messages ?? []),
      ...page.messages.map((m) => ({ ...m, articleId: m.articleId ?? id })),
    ],
  };
}

/** One row's page must not stop the other rows, whatever the extractor meets. */
function extraFields(row: JsonlRow): Record<string, unknown> {
  // fromEntries defines own properties, so a `__proto__` key stays data.
  return Object.fromEntries(Object.entries(row).filter(([key]) => !JSONL_FIELDS.has(key)));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function jsonlMessage(
  ruleId: string,
  reason: string,
  place: string,
  fatal: boolean,
  articleId?: string,
): Message {
  return createMessage({ reason, source: 'jsonl', ruleId, place, fatal, articleId });
}
