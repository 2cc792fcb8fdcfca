import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared evaluation data: `$CORROBORATE_DATA`, else `../shared/data` beside the repository. */
export function dataDir(): string {
  const fromEnv = process.env.CORROBORATE_DATA;
  const dir = fromEnv
    ? resolve(fromEnv)
    : join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data');
  if (!existsSync(dir)) {
    throw new Error(`evaluation data not found at ${dir}; set CORROBORATE_DATA to the shared data folder`);
  }
  return dir;
}
