import type { DraftArticle, SeenDate } from '../../model/article.js';
import type { ReaderResult } from '../types.js';

export interface TextReadOptions {
  input: string;
  id: string;
  name?: string | null;
  url?: string | null;
  dates?: SeenDate[];
}

const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)(?:\.gz)?$/i;

/** A plain-text or Markdown file is one article; cleaning reads its header. */
export function readText(text: string, options: TextReadOptions): ReaderResult {
  const markdown = MARKDOWN_NAME.test(options.name ?? '') || looksLikeMarkdown(text);
  const { body, fields } = markdown ? markdownToText(text) : { body: text, fields: {} as FrontMatter };
  const draft: DraftArticle = {
    id: options.id,
    input: options.input,
    kind: 'text',
    body,
    url: fields.url ?? options.url ?? null,
    title: fields.title ?? null,
    byline: fields.author ?? null,
    outlet: fields.outlet ?? null,
    published: null,
    dates: [...(options.dates ?? [])],
  };
  if (fields.date) {
    const parsed = Date.parse(fields.date);
    if (!Number.isNaN(parsed))
      draft.dates!.push({ value: fields.date, raw: fields.date, where: 'front-matter' });
  }
  return { drafts: [draft], messages: [] };
}

interface FrontMatter {
  title?: string;
  date?: string;
  author?: string;
  outlet?: string;
  url?: string;
}

function looksLikeMarkdown(text: string): boolean {
  return /^(?:---\n|#{1,6} \S)/.test(text.trimStart());
}

const FRONT_MATTER_KEYS: Record<string, keyof FrontMatter> = {
  title: 'title',
  headline: 'title',
  date: 'date',
  published: 'date',
  author: 'author',
  byline: 'author',
  outlet: 'outlet',
  source: 'outlet',
  publisher: 'outlet',
  url: 'url',
  link: 'url',
};

/**
 * Markdown to the plain paragraphs the cleaner expects: YAML front matter read for
 * title/date/author, a leading `#` heading becomes the title, inline markup is
 * dropped (emphasis, links keep their text, images go), block markers are removed.
 */
export function markdownToText(markdown: string): { body: string; fields: FrontMatter } {
  const fields: FrontMatter = {};
  let text = markdown.replace(/\r\n?/g, '\n');
  const front = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (front) {
    for (const line of front[1]!.split('\n')) {
      const m = /^([A-Za-z_]+)\s*:\s*["']?(.*?)["']?\s*$/.exec(line);
      const key = m ? FRONT_MATTER_KEYS[m[1]!.toLowerCase()] : undefined;
      if (key && m?.[2]) fields[key] = m[2];
    }
    text = text.slice(front[0].length);
  }
  const lines = text.split('\n');
  const firstContent = lines.findIndex((line) => line.trim() !== '');
  const heading = firstContent >= 0 ? /^#\s+(.+?)\s*#*$/.exec(lines[firstContent]!) : null;
  if (heading && !fields.title) {
    fields.title = inline(heading[1]!);
    lines.splice(firstContent, 1);
  }
  const body = lines
    .map((line) => {
      if (/^\s*(?:[-*_]\s*){3,}$/.test(line)) return '';
      return inline(
        line
          .replace(/^\s{0,3}#{1,6}\s+(.*?)\s*#*$/, '\n$1\n')
          .replace(/^\s*>\s?/, '')
          .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''),
      );
    })
    .join('\n');
  return { body, fields };
}

function inline(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}
