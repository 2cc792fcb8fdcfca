/**
 * `npm run bench -- analyze [--runs N]`: the whole job, end to end.
 * 1. The seeds from a cold CLI start: `node dist/cli.js analyze <seeds> --format json`,
 *    N runs (needs `npm run build` first), wall-clock median, and the CPU time of those
 *    runs (user + system, from /proc on Linux), which a loaded machine changes less.
 * 2. A 50-article story: the largest ECB+ event (by labels.json), topped up from its topic
 *    and then from other events to 50 articles, annotated once, then `compareStory` timed on them as one story.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { annotateArticles } from '../../src/annotate/annotate-articles.js';
import { compareStory } from '../../src/compare/compare-story.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import { dataDir } from '../../eval/data-dir.js';
import { option, median } from '../../scripts/suite-args.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * CPU milliseconds (user + system) of the child processes this process has waited for,
 * from /proc/self/stat (cutime and cstime, in clock ticks of 10 ms); null where there is no /proc.
 */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which sits in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of the whole line: 14 and 15 after the name.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

function coldStart(runs: number, seeds: string): { wall: number[]; cpu: number[] } {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('bench analyze: dist/cli.js is missing; run `npm run build` first');
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuBefore = childrenCpu();
    const start = performance.now();
    execFileSync(process.execPath, [cli, 'analyze', seeds, '--format', 'json', '--quiet'], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    wall.push(performance.now() - start);
    const cpuAfter = childrenCpu();
    if (cpuBefore !== null && cpuAfter !== null) cpu.push(cpuAfter - cpuBefore);
  }
  return { wall, cpu };
}

/** `size` article ids: the largest ECB+ event, then its topic's other event, then other events. */
function storyIds(labels: Record<string, string>, size: number): string[] {
  const byEvent = new Map<string, string[]>();
  for (const [doc, event] of Object.entries(labels)) byEvent.set(event, [...(byEvent.get(event) ?? []), doc]);
  const events = [...byEvent.entries()].sort((a, b) => b[1].length - a[1].length);
  const [event, docs] = events[0]!;
  const topic = event.split(/[_-]/)[0] ?? '';
  const sameTopic = events.filter(([e]) => e !== event && e.startsWith(`${topic}_`)).flatMap(([, d]) => d);
  const others = events.filter(([e]) => !e.startsWith(`${topic}_`)).flatMap(([, d]) => d);
  return [...docs, ...sameTopic, ...others].slice(0, size);
}

export async function run(args: string[]): Promise<void> {
  const runs = Math.max(1, Number(option(args, '--runs') ?? 5));
  const data = dataDir();
  const seeds = join(data, 'seeds', 'kursk');
  const load = loadavg()[0]!.toFixed(2);
  const cold = coldStart(runs, seeds);
  console.log(`seeds, cold CLI start (node dist/cli.js analyze, ${runs} runs, load ${load})`);
  console.log(`  median ${median(cold.wall).toFixed(0)} ms, min ${Math.min(...cold.wall).toFixed(0)} ms`);
  if (cold.cpu.length > 0) {
    console.log(`  CPU median ${median(cold.cpu).toFixed(0)} ms, min ${Math.min(...cold.cpu).toFixed(0)} ms`);
  }

  const labels = JSON.parse(readFileSync(join(data, 'ecbplus', 'labels.json'), 'utf8')) as Record<
    string,
    string
  >;
  const { articles } = await readArticles([join(data, 'ecbplus', 'articles.jsonl')]);
  const wanted = new Set(storyIds(labels, 50));
  const story = articles.filter((a) => wanted.has(a.id));
  const annotated = annotateArticles(story);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    compareStory({
      articles: story,
      annotations: annotated.map((a) => a.annotations),
      origins: story.map((a) => a.id),
    });
    times.push(performance.now() - start);
  }
  console.log(`a ${story.length}-article story (ECB+), compareStory only (${runs} runs)`);
  console.log(`  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms`);
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
