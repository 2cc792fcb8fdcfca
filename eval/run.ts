/**
 * `npm run eval -- <suite> [options]`: runs one evaluation suite against ../shared/data.
 * Each suite is a module `eval/suites/<suite>.ts` exporting `run(args: string[]): Promise<void>`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const [suite, ...args] = process.argv.slice(2);
const suiteDir = join(here, 'suites');
const suites = readdirSync(suiteDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));

if (!suite || suite === '--help' || suite === '-h') {
  console.log(`usage: npm run eval -- <suite> [options]\n\nsuites: ${suites.join(', ')}`);
  process.exit(suite ? 0 : 2);
}
const file = join(suiteDir, `${suite}.ts`);
if (!existsSync(file)) {
  console.error(`eval: no suite named "${suite}"; choose one of: ${suites.join(', ')}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(file).href)) as { run: (args: string[]) => Promise<void> };
await mod.run(args);
