/**
 * `npm run eval -- compare [--limit N] [--seed S] [--verbose]`: the perturbation benchmark
 * for the comparison. For a sample of BASIL events and ECB+ documents, one article is
 * copied and exactly one controlled change of one kind is injected into the copy (number
 * beyond its tolerance, role modifier added or removed, clause negated or reversed, date
 * moved, place swapped). Recall per kind: the comparison of [original, copy] — and of the
 * BASIL triplet plus the copy — finds a discrepancy of that kind that sets the original
 * against the copy. False discrepancies: every discrepancy on unchanged pairs (an exact
 * copy, and a copy with its boilerplate changed), where the goal is none.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { annotateArticle } from '../../src/annotate/annotate-articles.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import type { Annotations } from '../../src/model/annotations.js';
import type { Discrepancy } from '../../src/model/comparison.js';
import { dataDir } from '../data-dir.js';
import { makeRandom } from '../stories/make-copies.js';
import { changeBoilerplate, KINDS, perturb, type Kind, type Perturbation } from '../compare/perturb.js';
import { copyOf, runTrial } from '../compare/run-trial.js';

interface Options {
  limit: number;
  seed: number;
  verbose: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { limit: 20, seed: 7, verbose: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--verbose') options.verbose = true;
    else if (a === '--limit' && args[i + 1]) options.limit = Number(args[++i]);
    else if (a === '--seed' && args[i + 1]) options.seed = Number(args[++i]);
    else {
      console.error(`eval compare: unknown option ${a}; use --limit N, --seed S, --verbose`);
      process.exit(2);
    }
  }
  return options;
}

interface Sample {
  source: 'basil' | 'ecbplus';
  /** The articles of the story (the BASIL triplet; the ECB+ document alone). */
  story: Article[];
}

interface Tally {
  n: number;
  found: number;
  /** Discrepancies of other kinds that set the original against the copy. */
  stray: number;
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function loadSamples(limit: number, random: () => number): Promise<Sample[]> {
  const dir = dataDir();
  const samples: Sample[] = [];
  for (const source of ['basil', 'ecbplus'] as const) {
    const { articles } = await readArticles([join(dir, source, 'articles.jsonl')]);
    const labels = JSON.parse(readFileSync(join(dir, source, 'labels.json'), 'utf8')) as Record<
      string,
      string
    >;
    const usable = articles.filter((a) => a.text.split(/\s+/).length >= 80);
    if (source === 'basil') {
      const byEvent = new Map<string, Article[]>();
      for (const a of usable) {
        const event = labels[a.id];
        if (event) byEvent.set(event, [...(byEvent.get(event) ?? []), a]);
      }
      const events = [...byEvent.keys()].sort();
      for (const e of shuffle(events, random).slice(0, limit))
        samples.push({ source, story: byEvent.get(e)! });
    } else {
      const ids = usable.map((a) => a.id).sort();
      const byId = new Map(usable.map((a) => [a.id, a]));
      for (const id of shuffle(ids, random).slice(0, limit)) samples.push({ source, story: [byId.get(id)!] });
    }
  }
  return samples;
}

const pct = (found: number, n: number): string => (n === 0 ? '  -  ' : (found / n).toFixed(3));

function describe(d: Discrepancy): string {
  return `[${d.kind}] ${d.subject.slice(0, 80)} :: ${d.variants.map((v) => v.value.slice(0, 40)).join(' | ')}`;
}

export async function run(args: string[]): Promise<void> {
  const options = parseArgs(args);
  const random = makeRandom(options.seed);
  const started = performance.now();
  const samples = await loadSamples(options.limit, random);
  const placePool = new Set<string>();
  const own = new Map<string, Annotations>();
  for (const s of samples)
    for (const a of s.story) {
      const ann = annotateArticle(a);
      own.set(a.id, ann);
      for (const m of ann.mentions)
        if (m.type === 'place' && !m.demonym && /^\p{Lu}\p{Ll}{3,}(?: \p{Lu}\p{Ll}+)?$/u.test(m.name))
          placePool.add(m.name);
    }
  const pool = [...placePool].sort();

  const settings = ['pair', 'story'] as const;
  const tallies = new Map<string, Tally>();
  const tally = (key: string): Tally => {
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { n: 0, found: 0, stray: 0 }));
    return t;
  };
  let skipped = 0;
  const misses: string[] = [];
  let unchangedPairs = 0;
  let falsePairs = 0;
  let falseCount = 0;
  const falseSeen: string[] = [];

  for (const sample of samples) {
    for (const kind of KINDS) {
      // The first article of the story (in a random order) that has a site for this kind.
      let chosen: { original: Article; p: Perturbation } | null = null;
      for (const original of shuffle(sample.story, random)) {
        const p = perturb(kind, original.text, own.get(original.id)!, random, pool);
        if (p) {
          chosen = { original, p };
          break;
        }
      }
      if (!chosen) {
        skipped++;
        continue;
      }
      const { original, p } = chosen;
      const copy = copyOf(original, p.text, `perturbed-${kind}`);
      for (const setting of settings) {
        if (setting === 'story' && sample.story.length < 2) continue;
        const story = setting === 'pair' ? [original] : sample.story;
        const result = runTrial(story, original, copy);
        const hit = result.separating.some((d) => d.kind === kind);
        for (const key of [`${kind}/${setting}`, `${kind}/${sample.source}-${setting}`]) {
          const t = tally(key);
          t.n++;
          if (hit) t.found++;
          t.stray += result.separating.filter((d) => d.kind !== kind).length;
        }
        if (!hit)
          misses.push(
            `MISS ${kind} (${sample.source} ${setting}) ${original.id}: ${p.change}\n    sentence: ${p.sentence.slice(0, 240)}\n${result.separating.map((d) => `    found ${describe(d)}`).join('\n')}`,
          );
      }
    }
    // Unchanged pairs: an exact copy and a copy with its boilerplate changed, of every article of the story.
    for (const original of sample.story) {
      for (const [suffix, text] of [
        ['exact', original.text],
        ['boilerplate', changeBoilerplate(original.text, random)],
      ] as const) {
        const result = runTrial([original], original, copyOf(original, text, suffix));
        unchangedPairs++;
        if (result.discrepancies.length > 0) falsePairs++;
        falseCount += result.discrepancies.length;
        for (const d of result.discrepancies)
          falseSeen.push(`FALSE (${suffix}) ${original.id}: ${describe(d)}`);
      }
    }
  }

  const basil = samples.filter((s) => s.source === 'basil').length;
  console.log(
    `compare benchmark: ${basil} BASIL events, ${samples.length - basil} ECB+ documents (seed ${options.seed}); ${skipped} kind×story without a site`,
  );
  console.log('kind      setting         n  found  recall  stray');
  for (const kind of KINDS as Kind[]) {
    for (const setting of ['pair', 'basil-pair', 'ecbplus-pair', 'story']) {
      const t = tallies.get(`${kind}/${setting}`);
      if (!t) continue;
      console.log(
        `${kind.padEnd(9)} ${setting.padEnd(13)} ${String(t.n).padStart(4)} ${String(t.found).padStart(6)}  ${pct(t.found, t.n).padStart(6)} ${String(t.stray).padStart(6)}`,
      );
    }
  }
  const all = [...tallies.entries()].filter(([k]) => k.endsWith('/pair') || k.endsWith('/story'));
  const n = all.reduce((s, [, t]) => s + t.n, 0);
  const found = all.reduce((s, [, t]) => s + t.found, 0);
  console.log(
    `all       ${''.padEnd(13)} ${String(n).padStart(4)} ${String(found).padStart(6)}  ${pct(found, n).padStart(6)}`,
  );
  console.log(
    `unchanged pairs: ${unchangedPairs}; with any discrepancy: ${falsePairs}; false discrepancies: ${falseCount}`,
  );
  console.log(`time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (options.verbose) {
    for (const m of misses) console.log(m);
    for (const f of falseSeen) console.log(f);
  }
}
