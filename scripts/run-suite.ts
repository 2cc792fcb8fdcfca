import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Runs one suite module `<suiteDir>/<name>.ts` (which exports `run(args)`), named by the
 * first argument; lists the suites on `--help` or when none is named.
 */
export async function runSuite(command: string, suiteDir: string, argv: string[]): Promise<void> {
  const [suite, ...args] = argv;
  const suites = readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3));
  if (!suite || suite === '--help' || suite === '-h') {
    console.log(`usage: npm run ${command} -- <suite> [options]\n\nsuites: ${suites.join(', ')}`);
    process.exit(suite ? 0 : 2);
  }
  const file = join(suiteDir, `${suite}.ts`);
  if (!existsSync(file)) {
    console.error(`${command}: no suite named "${suite}"; choose one of: ${suites.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(pathToFileURL(file).href)) as { run: (args: string[]) => Promise<void> };
  await mod.run(args);
}
