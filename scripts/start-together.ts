import type { ChildProcess, ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/**
 * A start barrier between a parent and the ingester processes it spawned, so that their
 * set-up (loading, annotating, connecting) stays out of the timed part: each child says
 * "ready" on stdout and waits for one line ("go") on stdin; the parent waits for every
 * "ready", then sends "go" to all. After that, children report on stdout line by line.
 */

/** Child side: says "ready", then resolves when the parent's "go" arrives. */
export async function readyThenWaitForGo(): Promise<void> {
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => {
      rl.close();
      process.stdin.destroy();
      resolve();
    });
  });
}

type Child = ChildProcessByStdio<Writable, Readable, null>;

/** Parent side: reads child `i`'s next stdout line; throws if the child exited first. */
export function childLineReader(children: Child[]): (i: number) => Promise<string> {
  const lines = children.map((c) => createInterface({ input: c.stdout })[Symbol.asyncIterator]());
  return async (i) => {
    const next = await lines[i]!.next();
    if (next.done) throw new Error(`ingester ${i} exited early (code ${children[i]!.exitCode})`);
    return next.value as string;
  };
}

/** Parent side: waits for every child's "ready" (read with `nextLine`). */
export async function waitUntilReady(
  children: Child[],
  nextLine: (i: number) => Promise<string>,
): Promise<void> {
  await Promise.all(children.map((_, i) => nextLine(i)));
}

/** Parent side: lets every child start at once. */
export function sendGo(children: Child[]): void {
  for (const c of children) c.stdin.end('go\n');
}

/**
 * Stops the children still running: SIGTERM, then SIGKILL to any that has not exited
 * after `graceMs`; resolves once every one has exited.
 */
export async function stopChildren(children: ChildProcess[], graceMs: number): Promise<void> {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const late = new Promise((r) => setTimeout(() => r('late'), graceMs).unref());
      if ((await Promise.race([exited, late])) === 'late') {
        child.kill('SIGKILL');
        await exited;
      }
    }
}
