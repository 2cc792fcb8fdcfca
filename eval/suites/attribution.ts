/**
 * `npm run eval -- attribution [--split train|dev] [--verbose] [--limit N]`: attribution
 * extraction scored on PolNeAR (brat standoff). PolNeAR gives each token at most one
 * attribution, so a nested attribution inside another's content is not scored.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitSentences } from '../../src/annotate/sentences/split-sentences.js';
import { extractAttributions } from '../../src/annotate/attributions/extract-attributions.js';
import type { Attribution, Span } from '../../src/model/annotations.js';
import { dataDir } from '../data-dir.js';
import { readBrat, type GoldAttribution } from '../polnear/read-brat.js';
import {
  addCounts,
  prf,
  ROLES,
  scoreDocument,
  type Counts,
  type Role,
} from '../polnear/score-attributions.js';
import { tallyCueErrors } from '../polnear/tally-cue-errors.js';

interface Options {
  split: 'train' | 'dev';
  verbose: boolean;
  limit: number;
}

function parseArgs(args: string[]): Options {
  const options: Options = { split: 'dev', verbose: false, limit: Infinity };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--verbose') options.verbose = true;
    else if (a === '--split' && (args[i + 1] === 'train' || args[i + 1] === 'dev'))
      options.split = args[++i] as 'train' | 'dev';
    else if (a === '--limit') options.limit = Number(args[++i]);
    else {
      console.error(`eval attribution: unknown option ${a}; use --split train|dev, --verbose, --limit N`);
      process.exit(2);
    }
  }
  return options;
}

function pieces(span: Span): Array<[number, number]> {
  return [[span.start, span.end]];
}

export function toGold(a: Attribution): GoldAttribution {
  return {
    source: a.source ? { pieces: pieces(a.source) } : null,
    cue: { pieces: pieces(a.cue) },
    content: { pieces: (a.contentParts ?? [a.content]).flatMap(pieces) },
  };
}

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  const dir = join(dataDir(), 'polnear', options.split);
  const annFiles = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann'));
  const texts = readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, options.limit);
  const zero = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
  const totals: Record<Role | 'whole', Counts> = {
    cue: zero(),
    source: zero(),
    content: zero(),
    whole: zero(),
  };
  const errors = new Map<string, number>();
  let elapsed = 0;
  for (const file of texts) {
    const base = file.slice(0, -4);
    const ann = annFiles.find((f) => f.startsWith(`${base}_`) || f === `${base}.ann`);
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const gold = readBrat(readFileSync(join(dir, 'attributions', ann), 'utf8'));
    const t0 = performance.now();
    const attributions = extractAttributions(text, splitSentences(text));
    elapsed += performance.now() - t0;
    const predicted = attributions.filter((a) => a.parent === null).map(toGold);
    const score = scoreDocument(text, predicted, gold);
    for (const role of ROLES) totals[role] = addCounts(totals[role], score.roles[role]);
    totals.whole = addCounts(totals.whole, score.whole);
    if (options.verbose) tallyCueErrors(text, predicted, gold, errors);
  }
  console.log(`PolNeAR ${options.split}: ${texts.length} articles`);
  console.log('role      precision  recall  F1      (tp / predicted / gold)');
  for (const role of [...ROLES, 'whole'] as const) {
    const c = totals[role];
    const { p, r, f } = prf(c);
    console.log(
      `${role.padEnd(9)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${f.toFixed(3)}   (${c.tp} / ${c.predicted} / ${c.gold})`,
    );
  }
  console.log(`speed: ${((texts.length * 1000) / elapsed).toFixed(1)} articles/s (sentences + attributions)`);
  if (options.verbose) {
    const top = [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60);
    console.log('\nmost frequent cue errors (kind: lowercased cue):');
    for (const [key, n] of top) console.log(`${String(n).padStart(5)}  ${key}`);
  }
}
