/**
 * `npm run bench -- <suite> [options]`: runs one benchmark.
 * Each suite is a module `bench/suites/<suite>.ts` exporting `run(args: string[]): Promise<void>`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from '../scripts/run-suite.js';

await runSuite('bench', join(dirname(fileURLToPath(import.meta.url)), 'suites'), process.argv.slice(2));
