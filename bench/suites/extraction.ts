/**
 * `npm run bench -- extraction [--passes N]`: HTML extraction throughput on the
 * article-extraction-benchmark pages. Pages are decompressed and decoded before timing;
 * one warm-up pass, then N timed passes on one thread. Reports pages per second (wall
 * clock, and by process CPU time, which is steadier on a shared machine) and the peak
 * resident set size.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { extractHtml } from '../../src/ingest/html/extract-html.js';
import { dataDir } from '../../eval/data-dir.js';
import { option, median } from '../../scripts/suite-args.js';

export async function run(args: string[]): Promise<void> {
  const passes = Math.max(1, Number(option(args, '--passes') ?? 5));
  const dir = join(dataDir(), 'aeb', 'html');
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => ({ name: f, html: gunzipSync(readFileSync(join(dir, f))).toString('utf8') }));
  const megabytes = pages.reduce((sum, p) => sum + Buffer.byteLength(p.html), 0) / 1e6;

  let sink = 0;
  const cpuTimes: number[] = [];
  const pass = (): number => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const page of pages) sink += extractHtml(page.html, { input: page.name }).text.length;
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
    return performance.now() - start;
  };

  pass(); // warm-up: JIT and module caches
  cpuTimes.length = 0;
  const times: number[] = [];
  let slowest = { name: '', ms: 0 };
  for (let i = 0; i < passes; i++) times.push(pass());
  for (const page of pages) {
    const start = performance.now();
    extractHtml(page.html, { input: page.name });
    const ms = performance.now() - start;
    if (ms > slowest.ms) slowest = { name: page.name, ms };
  }

  const best = Math.min(...times);
  const mid = median(times);
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `extraction: ${pages.length} pages (${megabytes.toFixed(1)} MB of HTML), ${passes} timed passes after 1 warm-up`,
  );
  console.log('');
  console.log('measure                 value');
  console.log('----------------------  --------');
  console.log(`pages/s (median pass)   ${((pages.length * 1000) / mid).toFixed(1)}`);
  console.log(`pages/s (best pass)     ${((pages.length * 1000) / best).toFixed(1)}`);
  console.log(`pages/s (CPU time)      ${((pages.length * 1000) / median(cpuTimes)).toFixed(1)}`);
  console.log(`ms/page (median pass)   ${(mid / pages.length).toFixed(2)}`);
  console.log(`MB/s (median pass)      ${((megabytes * 1000) / mid).toFixed(2)}`);
  console.log(`slowest page            ${slowest.ms.toFixed(1)} ms (${slowest.name.slice(0, 12)})`);
  console.log(`peak RSS                ${peakRssMb.toFixed(0)} MB`);
  console.log(`heap used now           ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
  if (sink < 0) console.log(sink);
}
