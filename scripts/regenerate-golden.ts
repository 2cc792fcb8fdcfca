/**
 * `npx tsx scripts/regenerate-golden.ts`: rewrites the golden fixture of the seeds'
 * quantities and times (src/annotate/__fixtures__/seeds-quantities-times.json) from
 * the current finders. Read the diff before committing it: every change is a change
 * in what the finders say about the defining example.
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { dataDir } from '../eval/data-dir.js';
import {
  SEEDS_GOLDEN_PATH,
  seedsQuantitiesTimes,
} from '../src/annotate/__fixtures__/seeds-quantities-times.js';

const golden = await seedsQuantitiesTimes(dataDir());
writeFileSync(SEEDS_GOLDEN_PATH, `${JSON.stringify(golden, null, 2)}\n`);
const quantities = golden.articles.reduce((n, a) => n + a.quantities.length, 0);
const times = golden.articles.reduce((n, a) => n + a.times.length, 0);
console.log(
  `wrote ${relative(process.cwd(), SEEDS_GOLDEN_PATH)}: ${golden.articles.length} articles, ${quantities} quantities, ${times} times`,
);
