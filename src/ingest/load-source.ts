import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createMessage, type Message } from '../model/message.js';
import { formatBytes } from './decode-document.js';
import { fetchDocument, type FetchOptions } from './fetch/fetch-document.js';
import type { InputSource } from './sources/expand-inputs.js';
import type { RawDocument } from './types.js';

export interface LoadOptions {
  maxBytes: number;
  fetch: FetchOptions;
  /** Where `-` reads from; process.stdin by default. */
  stdin?: AsyncIterable<Uint8Array | string>;
}

export type Loaded = { ok: true; document: RawDocument } | { ok: false; message: Message };

const fatal = (ruleId: string, place: string, reason: string): Loaded => ({
  ok: false,
  message: createMessage({ reason: `${place}: ${reason}`, source: 'ingest', ruleId, place, fatal: true }),
});

/** Reads one source's bytes: a file (size checked before reading), stdin, or a URL. */
export async function loadSource(source: InputSource, options: LoadOptions): Promise<Loaded> {
  if (source.kind === 'url') {
    const outcome = await fetchDocument(source.url, { ...options.fetch, maxBytes: options.maxBytes });
    return outcome.ok ? { ok: true, document: outcome.document } : { ok: false, message: outcome.message };
  }
  if (source.kind === 'stdin') {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of options.stdin ?? process.stdin) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += bytes.length;
      if (size > options.maxBytes) {
        return fatal(
          'ingest:too-large',
          'stdin',
          `more than ${formatBytes(options.maxBytes)}; skipped (raise --max-size)`,
        );
      }
      chunks.push(bytes);
    }
    return { ok: true, document: { input: 'stdin', id: 'stdin', bytes: Buffer.concat(chunks), name: null } };
  }
  try {
    const info = await stat(source.path);
    if (info.size > options.maxBytes) {
      return fatal(
        'ingest:too-large',
        source.path,
        `${formatBytes(info.size)} is over the ${formatBytes(options.maxBytes)} limit; skipped (raise --max-size)`,
      );
    }
    const bytes = await readFile(source.path);
    return { ok: true, document: { input: source.path, id: source.id, bytes, name: basename(source.path) } };
  } catch (error) {
    return fatal('ingest:unreadable', source.path, `cannot be read (${(error as Error).message}); skipped`);
  }
}
