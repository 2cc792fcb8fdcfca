/**
 * `npm run bench -- serve [--reads 4000] [--rate 200] [--writes 40] [--write-rate 4] [--basil 30]`:
 * a bounded load test of `corroborate serve` on loopback.
 *
 * Setup: the examples/ articles and the first `--basil` BASIL articles (real reports of the
 * same events by three outlets) are annotated and stored in a temp SQLite file through the
 * server's write path; the server then runs in a child process (so the load client does
 * not share its event loop). Phases, each a fixed number of requests, then it stops:
 * 1. cold: one read of each story's report (computed, then cached by story id + updatedAt);
 * 2. reads: `--reads` GET /v1/stories/:id (accepting gzip, as browsers do), round robin over the stories, sent open-loop at
 *    `--rate` per second over keep-alive connections; latency counts from the scheduled
 *    send time, so a stalled server cannot hide its queue (no coordinated omission);
 * 3. writes: `--writes` POST /v1/articles of one unseen BASIL article each at `--write-rate`;
 * 4. mixed: half the reads again with the writes' rate of writes running alongside.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dataDir } from '../../eval/data-dir.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import { startServer } from '../../src/server/start-server.js';
import { storeArticles } from '../../src/server/store-articles.js';
import { openStore } from '../../src/store/open-store.js';
import { option } from '../../scripts/suite-args.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOKEN = 'bench-token-0123456789abcdef';

interface Sample {
  ms: number;
  status: number;
}

const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summarise(name: string, samples: Sample[], seconds: number): void {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const s of samples) if (s.status !== 200) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  const failed =
    [...statuses].map(([status, n]) => `${n}× ${status || 'connection error'}`).join(', ') || '0';
  console.log(
    `${name}: ${samples.length} requests in ${seconds.toFixed(1)} s = ${(samples.length / seconds).toFixed(1)} req/s; ` +
      `p50 ${percentile(ms, 50).toFixed(1)} ms, p90 ${percentile(ms, 90).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms, ` +
      `max ${(ms.at(-1) ?? 0).toFixed(1)} ms; non-200: ${failed}`,
  );
}

/** One request over the keep-alive agent; resolves with the status once the whole body has arrived. */
function send(agent: Agent, base: URL, method: string, path: string, body?: string): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: body
          ? {
              'Content-Type': 'application/json',
              Authorization: `Bearer ${TOKEN}`,
              'Content-Length': Buffer.byteLength(body),
            }
          : { 'Accept-Encoding': 'gzip' },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', () => resolve(0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Sends `count` requests open-loop at `rate` per second; each latency runs from its scheduled time. */
async function openLoop(
  count: number,
  rate: number,
  next: (i: number) => Promise<number>,
): Promise<{ samples: Sample[]; seconds: number }> {
  const samples: Sample[] = [];
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(next(i).then((status) => void samples.push({ ms: performance.now() - due, status })));
  }
  await Promise.all(inFlight);
  return { samples, seconds: (performance.now() - start) / 1000 };
}

/** The child: serves the store until its stdin closes, then prints its peak RSS. */
async function serveChild(db: string): Promise<void> {
  const store = await openStore(db);
  const handle = await startServer({ store, port: 0, token: TOKEN, webRoot: null });
  process.stdout.write(`${JSON.stringify({ url: handle.url })}\n`);
  // Each line from the parent asks for the CPU time used so far, so each phase gets its cost per request.
  for await (const line of createInterface({ input: process.stdin })) {
    const used = process.cpuUsage();
    process.stdout.write(`${JSON.stringify({ line, cpuMs: (used.user + used.system) / 1000 })}\n`);
  }
  await handle.close();
  await store.close();
  process.stdout.write(
    `${JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
  );
}

export async function run(args: string[]): Promise<void> {
  const childDb = option(args, '--child');
  if (childDb) return serveChild(childDb);
  const reads = Number(option(args, '--reads') ?? 4000);
  const rate = Number(option(args, '--rate') ?? 200);
  const writes = Number(option(args, '--writes') ?? 40);
  const writeRate = Number(option(args, '--write-rate') ?? 4);
  const basilCount = Number(option(args, '--basil') ?? 30);

  const dir = mkdtempSync(join(tmpdir(), 'corroborate-bench-serve-'));
  const db = join(dir, 'serve.db');
  try {
    const basil = readFileSync(join(dataDir(), 'basil', 'articles.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim());
    const seedRead = await readArticles([join(ROOT, 'examples')]);
    const { articles: basilArticles } = await readArticles(['-'], {
      stdin: (async function* () {
        yield basil.slice(0, basilCount).join('\n');
      })(),
    });
    const store = await openStore(db);
    const setupStart = performance.now();
    await storeArticles(store, [...seedRead.articles, ...basilArticles]);
    const stories = (await store.listStories({ limit: 1000 })).items.map((s) => s.id);
    await store.close();
    console.log(
      `setup: ${seedRead.articles.length} example + ${basilArticles.length} BASIL articles stored in ${((performance.now() - setupStart) / 1000).toFixed(1)} s, ${stories.length} stories`,
    );

    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'bench', 'run.ts'), 'serve', '--child', db],
      {
        cwd: ROOT,
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    );
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await lines.next();
    const base = new URL((JSON.parse(String(first.value)) as { url: string }).url);
    // LIFO reuses the busiest sockets, so the idle ones the server times out are rarely picked at the moment it closes them.
    const agent = new Agent({ keepAlive: true, maxSockets: 64, scheduling: 'lifo' });
    let lastCpu = 0;
    /** The server's CPU time since the last call, per request of the phase. */
    const serverCpu = async (requests: number): Promise<string> => {
      child.stdin!.write('cpu\n');
      const { cpuMs } = JSON.parse(String((await lines.next()).value)) as { cpuMs: number };
      const spent = cpuMs - lastCpu;
      lastCpu = cpuMs;
      return `  server CPU ${(spent / Math.max(1, requests)).toFixed(2)} ms per request`;
    };
    try {
      await serverCpu(1);
      console.log(`load average at start: ${load()}`);
      const cold: Sample[] = [];
      const coldStart = performance.now();
      for (const id of stories) {
        const t = performance.now();
        const status = await send(agent, base, 'GET', `/v1/stories/${encodeURIComponent(id)}`);
        cold.push({ ms: performance.now() - t, status });
      }
      summarise('cold story reports (computed, one at a time)', cold, (performance.now() - coldStart) / 1000);
      console.log(await serverCpu(cold.length));

      const readPath = (i: number) => `/v1/stories/${encodeURIComponent(stories[i % stories.length]!)}`;
      const warm = await openLoop(reads, rate, (i) => send(agent, base, 'GET', readPath(i)));
      summarise(`story reads at ${rate}/s`, warm.samples, warm.seconds);
      console.log(await serverCpu(warm.samples.length));
      console.log(`load average: ${load()}`);

      const fresh = basil.slice(basilCount, basilCount + 2 * writes).map((line) => `[${line}]`);
      const written = await openLoop(writes, writeRate, (i) =>
        send(agent, base, 'POST', '/v1/articles', fresh[i]!),
      );
      summarise(`article writes (1 article each) at ${writeRate}/s`, written.samples, written.seconds);
      console.log(await serverCpu(written.samples.length));

      const mixedReads = Math.floor(reads / 2);
      const mixedWrites = Math.min(writes, Math.ceil((mixedReads / rate) * writeRate));
      const [mixed, mixedWritten] = await Promise.all([
        openLoop(mixedReads, rate, (i) => send(agent, base, 'GET', readPath(i))),
        openLoop(mixedWrites, writeRate, (i) =>
          send(agent, base, 'POST', '/v1/articles', fresh[writes + i]!),
        ),
      ]);
      summarise(`story reads at ${rate}/s while writing`, mixed.samples, mixed.seconds);
      summarise(`  the writes alongside at ${writeRate}/s`, mixedWritten.samples, mixedWritten.seconds);
      console.log(`load average at end: ${load()}`);
    } finally {
      agent.destroy();
      child.stdin!.end();
      const last = await lines.next();
      if (!last.done)
        console.log(
          `server peak RSS ${(JSON.parse(String(last.value)) as { maxRssMb: number }).maxRssMb} MB`,
        );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
