/**
 * `npm run eval -- <suite> [options]`: runs one evaluation suite against ../shared/data.
 * Each suite is a module `eval/suites/<suite>.ts` exporting `run(args: string[]): Promise<void>`.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSuite } from '../scripts/run-suite.js';

await runSuite('eval', join(dirname(fileURLToPath(import.meta.url)), 'suites'), process.argv.slice(2));
