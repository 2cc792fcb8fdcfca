import { createHash } from 'node:crypto';

/**
 * A stable hash of an article's content: case, punctuation and spacing do not change
 * it, so the same report re-exported by another tool hashes the same.
 */
export function contentHash(text: string): string {
  const canonical = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return createHash('sha256').update(canonical).digest('hex');
}
