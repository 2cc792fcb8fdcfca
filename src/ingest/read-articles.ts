import type { Article } from '../model/article.js';
import { createMessage, type Message } from '../model/message.js';
import { cleanDraft } from './clean/clean-draft.js';
import type { FetchOptions } from './fetch/fetch-document.js';
import { loadSource } from './load-source.js';
import { readDocument } from './read-document.js';
import { expandInputs, type InputSource } from './sources/expand-inputs.js';

export interface ReadOptions {
  /** Largest input accepted, in bytes (after decompression). Default 20 MiB. */
  maxBytes?: number;
  /** Allow URLs that resolve to private, loopback or link-local addresses. */
  allowPrivate?: boolean;
  /** Per-request fetch settings (timeout, redirects, …). */
  fetch?: Omit<FetchOptions, 'allowPrivate' | 'maxBytes'>;
  /** How many URLs are fetched at once. Default 4. */
  concurrency?: number;
  /** Stream that `-` reads; process.stdin by default. */
  stdin?: AsyncIterable<Uint8Array | string>;
  /** Called after each source is read, for progress display. */
  onProgress?: (progress: ReadProgress) => void;
}

export interface ReadProgress {
  done: number;
  total: number;
  input: string;
  articles: number;
}

export interface ReadResult {
  articles: Article[];
  /** Every message: inputs that could not be read, and the problems inside articles. */
  messages: Message[];
  /** Inputs (or parts of inputs) that were skipped, one fatal message each. */
  skipped: Message[];
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const describe = (source: InputSource): string =>
  source.kind === 'file' ? source.path : source.kind === 'url' ? source.url : 'stdin';

/**
 * Reads every input into clean articles. Inputs are read in order (URLs a few at a
 * time); one that fails gives a message and the others go on. Articles keep input
 * order; an id seen twice keeps its first article.
 */
export async function readArticles(inputs: string[], options: ReadOptions = {}): Promise<ReadResult> {
  if (!Array.isArray(inputs))
    throw new TypeError('readArticles(inputs): inputs must be an array of paths, URLs or "-"');
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const expanded = await expandInputs(inputs);
  const messages: Message[] = [...expanded.messages];
  const perSource: Article[][] = [];
  let done = 0;

  const readOne = async (source: InputSource, index: number): Promise<void> => {
    const loaded = await loadSource(source, {
      maxBytes,
      fetch: { ...options.fetch, allowPrivate: options.allowPrivate ?? false },
      stdin: options.stdin,
    });
    const articles: Article[] = [];
    const local: Message[] = [];
    if (!loaded.ok) local.push(loaded.message);
    else {
      const result = await readDocument(loaded.document, maxBytes);
      local.push(...result.messages);
      for (const draft of result.drafts) {
        const cleaned = cleanDraft(draft);
        if (cleaned.article) articles.push(cleaned.article);
        local.push(...cleaned.messages);
      }
    }
    perSource[index] = articles;
    sourceMessages[index] = local;
    done += 1;
    options.onProgress?.({
      done,
      total: expanded.sources.length,
      input: describe(source),
      articles: articles.length,
    });
  };

  const sourceMessages: Message[][] = [];
  await runLimited(expanded.sources, options.concurrency ?? 4, readOne);
  for (const local of sourceMessages) messages.push(...(local ?? []));

  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const article of perSource.flat()) {
    if (seen.has(article.id)) {
      messages.push(
        createMessage({
          reason: `${article.input}: article id "${article.id}" was already read from another input; this copy is skipped`,
          source: 'ingest',
          ruleId: 'ingest:duplicate-id',
          place: article.input,
          fatal: true,
          articleId: article.id,
        }),
      );
      continue;
    }
    seen.add(article.id);
    articles.push(article);
  }
  return { articles, messages, skipped: messages.filter((m) => m.fatal) };
}

/** Runs `task` over `items` with at most `limit` in flight, keeping each item's index. */
async function runLimited<T>(
  items: T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index]!, index);
    }
  });
  await Promise.all(workers);
}
