import type { ReadProgress } from '../ingest/read-articles.js';

export interface ProgressReporter {
  update: (progress: ReadProgress) => void;
  finish: () => void;
}

/**
 * Progress on stderr: one line redrawn in place, with rate and ETA, on a terminal; plain
 * lines every few seconds when asked for (`--progress`) and stderr is not a terminal;
 * nothing otherwise, so piping output stays clean.
 */
export function createProgress(
  stream: NodeJS.WriteStream,
  mode: 'auto' | 'always' | 'never',
): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  const enabled = mode === 'always' || (mode === 'auto' && tty);
  const started = Date.now();
  let lastPlain = 0;
  let drawn = false;
  if (!enabled) return { update: () => {}, finish: () => {} };
  return {
    update(p) {
      if (p.total < 2 && !tty) return;
      const seconds = (Date.now() - started) / 1000;
      const rate = seconds > 0 ? p.done / seconds : 0;
      const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : 0;
      const line = `[${p.done}/${p.total}] ${rate.toFixed(1)} inputs/s, ETA ${eta}s — ${p.input}`;
      if (tty) {
        const width = stream.columns ?? 100;
        stream.write(`\r\x1b[K${line.slice(0, width - 1)}`);
        drawn = true;
      } else if (Date.now() - lastPlain > 2000 || p.done === p.total) {
        stream.write(`${line}\n`);
        lastPlain = Date.now();
      }
    },
    finish() {
      if (tty && drawn) stream.write('\r\x1b[K');
    },
  };
}
