import type { z } from 'zod';

/** Parses "20MB", "512k", "1.5 GiB" or a plain number of bytes. */
export function parseSize(value: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*$/i.exec(value);
  if (!match) throw new UsageError(`--max-size: "${value}" is not a size; write e.g. 20MB, 512KB or 1048576`);
  const factor = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[
    match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'
  ];
  return Math.round(Number(match[1]) * factor);
}

/** Parses "15s", "500ms", "2m" or a plain number of milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/i.exec(value);
  if (!match) throw new UsageError(`${flag}: "${value}" is not a duration; write e.g. 15s, 500ms or 2m`);
  const factor = { ms: 1, s: 1000, m: 60_000 }[(match[2] ?? 'ms').toLowerCase() as 'ms' | 's' | 'm'];
  return Math.round(Number(match[1]) * factor);
}

export class UsageError extends Error {
  override name = 'UsageError';
}

/** Checks parsed flags with a zod schema and turns its issues into one usage message naming each flag. */
export function checkFlags<T extends z.ZodTypeAny>(schema: T, flags: unknown): z.infer<T> {
  const parsed = schema.safeParse(flags);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const flag = issue.path.length
      ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
      : 'flags';
    return `${flag}: ${issue.message}`;
  });
  throw new UsageError(problems.join('\n'));
}
