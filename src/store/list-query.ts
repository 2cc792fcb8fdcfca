import { z } from 'zod';
import type { ListQuery } from './store.js';

export interface CheckedListQuery {
  since: string | null;
  outlet: string | null;
  /** LIKE pattern (lower case, `%` and `_` escaped with `\`), or null. */
  pattern: string | null;
  limit: number;
  /** Only rows with a smaller `seq` (newest first). */
  beforeSeq: number | null;
}

const querySchema = z
  .object({
    since: z
      .string()
      .refine((value) => !Number.isNaN(Date.parse(value)), 'expected an ISO 8601 date or time')
      .optional(),
    outlet: z.string().min(1).optional(),
    search: z.string().optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    cursor: z.string().optional(),
  })
  .strict();

export const DEFAULT_LIMIT = 100;

/** Turns an ISO 8601 date or time into the UTC form the store compares. */
export function toSortTime(value: string): string {
  return new Date(Date.parse(value)).toISOString();
}

export function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`, 'utf8').toString('base64url');
}

function decodeCursor(call: string, cursor: string): number {
  const match = /^s(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new TypeError(`${call}: cursor "${cursor}" is not one this store gave; pass a page's nextCursor`);
  return Number(match[1]);
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Checks a list query (misuse throws a TypeError naming the call and the fix). */
export function checkListQuery(call: string, query: ListQuery | undefined): CheckedListQuery {
  const parsed = querySchema.safeParse(query ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
    throw new TypeError(
      `${call}: ${issues.join('; ')} (expected { since?, outlet?, search?, limit?: 1–1000, cursor? })`,
    );
  }
  const q = parsed.data;
  const search = q.search?.trim();
  return {
    since: q.since ? toSortTime(q.since) : null,
    outlet: q.outlet ?? null,
    pattern: search ? `%${escapeLike(search.toLowerCase())}%` : null,
    limit: q.limit ?? DEFAULT_LIMIT,
    beforeSeq: q.cursor === undefined ? null : decodeCursor(call, q.cursor),
  };
}
