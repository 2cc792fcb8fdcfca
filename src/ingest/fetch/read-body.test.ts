import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';
import { formatBytes } from './fetch-message.js';

function streamOf(
  chunks: Uint8Array[],
  pulled: { count: number } = { count: 0 },
): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      pulled.count += 1;
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

describe('readBody', () => {
  it('should join the chunks of a body under the cap', async () => {
    const result = await readBody(streamOf([Buffer.from('ab'), Buffer.from('cd')]), 4);
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe('abcd');
  });

  it('should stop pulling as soon as the body passes the cap', async () => {
    const pulled = { count: 0 };
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(10));
    const result = await readBody(streamOf(chunks, pulled), 25);
    expect(result).toEqual({ ok: false, bytesRead: 30 });
    expect(pulled.count).toBeLessThan(10);
  });

  it('should give an empty body for a response without one', async () => {
    expect(await readBody(null, 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('should apply the cap to the unpacked bytes of a gzip body', async () => {
    const packed = gzipSync(Buffer.alloc(100_000, 97));
    expect(packed.length).toBeLessThan(1_000);
    expect(await readBody(streamOf([packed]), 50_000, true)).toMatchObject({ ok: false });
    const result = await readBody(streamOf([packed]), 200_000, true);
    expect(result.ok && result.bytes.length).toBe(100_000);
  });

  it('should throw on a corrupt gzip body', async () => {
    await expect(readBody(streamOf([Buffer.from('not gzip at all')]), 100, true)).rejects.toThrow();
  });
});

describe('formatBytes', () => {
  it('should name sizes in binary units', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
