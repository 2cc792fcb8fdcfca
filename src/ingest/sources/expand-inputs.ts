import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createMessage, type Message } from '../../model/message.js';

export type InputSource =
  { kind: 'file'; path: string; id: string } | { kind: 'url'; url: string } | { kind: 'stdin' };

export interface ExpandedInputs {
  sources: InputSource[];
  messages: Message[];
}

export const isUrl = (input: string): boolean => /^https?:\/\//i.test(input);

/**
 * Resolves the user's inputs to sources: `-` is stdin, http(s) URLs are fetched,
 * directories are walked recursively in sorted order with hidden entries skipped.
 * A missing path is a message, and the other inputs go on.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  const sources: InputSource[] = [];
  const messages: Message[] = [];
  for (const input of inputs) {
    if (input === '-') sources.push({ kind: 'stdin' });
    else if (isUrl(input)) sources.push({ kind: 'url', url: input });
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
      messages.push(
        createMessage({
          reason: `${input}: only http and https URLs can be read`,
          source: 'ingest',
          ruleId: 'ingest:unsupported-scheme',
          place: input,
          fatal: true,
        }),
      );
    } else {
      try {
        const info = await stat(input);
        if (info.isDirectory()) sources.push(...(await walkDirectory(input)));
        else sources.push({ kind: 'file', path: input, id: input });
      } catch (error) {
        const code = (error as { code?: string }).code;
        messages.push(
          createMessage({
            reason:
              code === 'ENOENT'
                ? `${input}: no such file or directory`
                : `${input}: cannot be read (${(error as Error).message})`,
            source: 'ingest',
            ruleId: code === 'ENOENT' ? 'ingest:not-found' : 'ingest:unreadable',
            place: input,
            fatal: true,
          }),
        );
      }
    }
  }
  return { sources, messages };
}

/**
 * Documentation that sits beside a collection of articles (README, LICENSE, CHANGELOG…)
 * is not an article; a walk skips it, while naming such a file explicitly still reads it.
 */
export const COLLECTION_DOCS =
  /^(?:readme|license|licence|changelog|contributing|authors|notice|copying)(?:\.[a-z0-9]+)?$/i;

/**
 * Files under `dir`, depth first, names sorted by code point; hidden files and folders
 * and collection documentation are skipped.
 */
export async function walkDirectory(dir: string): Promise<InputSource[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: InputSource[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || COLLECTION_DOCS.test(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walkDirectory(path)));
    else if (entry.isFile()) found.push({ kind: 'file', path, id: path });
    else if (entry.isSymbolicLink()) {
      // Follow links to files only: a link to a folder could loop.
      const info = await stat(path).catch(() => null);
      if (info?.isFile()) found.push({ kind: 'file', path, id: path });
    }
  }
  return found;
}
