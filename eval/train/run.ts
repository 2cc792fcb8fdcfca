/**
 * `npm run train -- <task> [options]`: trains one model of the package from the training
 * splits in ../shared/data. Each task is a module `eval/train/<task>.ts` exporting
 * `run(args: string[]): Promise<void>`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const TASKS = ['attribution', 'pos'];
const [task, ...args] = process.argv.slice(2);

if (!task || task === '--help' || task === '-h') {
  console.log(`usage: npm run train -- <task> [options]\n\ntasks: ${TASKS.join(', ')}`);
  process.exit(task ? 0 : 2);
}
const file = join(here, `${task}.ts`);
if (!TASKS.includes(task) || !existsSync(file)) {
  console.error(`train: no task named "${task}"; choose one of: ${TASKS.join(', ')}`);
  process.exit(2);
}
const mod = (await import(pathToFileURL(file).href)) as { run: (args: string[]) => Promise<void> };
await mod.run(args);
