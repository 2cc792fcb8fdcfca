export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; bytesRead: number };

/**
 * Reads a response body into memory, refusing it as soon as it grows past `maxBytes`
 * so a huge or endless body is never buffered. With `gunzip`, the cap applies to the
 * decompressed bytes, which is what ends up in memory. Stream errors (a broken
 * connection, an abort, corrupt gzip) are thrown for the caller to turn into a message.
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  gunzip = false,
): Promise<BodyRead> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const stream = gunzip ? body.pipeThrough(gunzipStream()) : body;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, bytesRead: total };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

function gunzipStream(): ReadableWritablePair<Uint8Array, Uint8Array> {
  // DOM typings describe DecompressionStream over BufferSource; at run time it maps bytes to bytes.
  return new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
