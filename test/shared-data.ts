import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared evaluation data beside the repository (or $CORROBORATE_DATA), or null when absent. */
export function sharedData(): string | null {
  const dir = process.env.CORROBORATE_DATA
    ? resolve(process.env.CORROBORATE_DATA)
    : join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
  return existsSync(dir) ? dir : null;
}

/** In CI the shared data must be there: a missing folder fails instead of skipping. */
export const requireSharedData = process.env.CI === 'true';
