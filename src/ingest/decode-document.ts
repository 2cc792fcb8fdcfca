import { gunzipSync } from 'node:zlib';
import { createMessage, type Message } from '../model/message.js';
import type { RawDocument } from './types.js';

export interface DecodeOptions {
  /** Largest decompressed size accepted, in bytes. */
  maxBytes: number;
}

export interface Decoded {
  text: string | null;
  messages: Message[];
}

const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['WebP/RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65]],
];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

/**
 * Bytes to text: gunzips gzip data, refuses binary formats, honours a BOM, then the
 * declared charset (HTTP header, `<meta charset>`, XML declaration), and falls back
 * to Windows-1252 with a message when bytes declared (or assumed) UTF-8 are not.
 */
export function decodeDocument(doc: RawDocument, options: DecodeOptions): Decoded {
  const messages: Message[] = [];
  const fail = (ruleId: string, reason: string): Decoded => ({
    text: null,
    messages: [
      ...messages,
      createMessage({
        reason: `${doc.input}: ${reason}`,
        source: 'ingest',
        ruleId,
        place: doc.input,
        fatal: true,
      }),
    ],
  });
  let bytes = doc.bytes;
  if (bytes.length === 0) return fail('ingest:empty', 'the input is empty; skipped');
  if (startsWith(bytes, [0x1f, 0x8b])) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: options.maxBytes });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return tooLarge
        ? fail(
            'ingest:too-large',
            `decompressed content is larger than ${formatBytes(options.maxBytes)}; skipped (raise --max-size)`,
          )
        : fail(
            'ingest:bad-gzip',
            `the gzip data is corrupt or truncated (${(error as Error).message}); skipped`,
          );
    }
    if (bytes.length === 0) return fail('ingest:empty', 'the compressed input holds nothing; skipped');
  }
  if (bytes.length > options.maxBytes) {
    return fail(
      'ingest:too-large',
      `${formatBytes(bytes.length)} is over the ${formatBytes(options.maxBytes)} limit; skipped (raise --max-size)`,
    );
  }
  for (const [name, magic] of MAGIC) {
    if (startsWith(bytes, magic)) return fail('ingest:binary', `this is a ${name}, not an article; skipped`);
  }

  const bom = readBom(bytes);
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length)), messages };
  if (looksBinary(bytes))
    return fail('ingest:binary', 'the content is binary (it holds NUL or control bytes), not text; skipped');

  const declared = declaredCharset(doc.contentType ?? null, bytes);
  let encoding = 'utf-8';
  if (declared) {
    try {
      encoding = new TextDecoder(declared).encoding;
    } catch {
      messages.push(
        createMessage({
          reason: `${doc.input}: unknown charset "${declared}" declared; read as UTF-8`,
          source: 'ingest',
          ruleId: 'ingest:unknown-charset',
          place: doc.input,
        }),
      );
    }
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), messages };
  } catch {
    messages.push(
      createMessage({
        reason: `${doc.input}: the bytes are not valid ${encoding}${declared ? ' as declared' : ''}; read as Windows-1252 instead (check the declared charset)`,
        source: 'ingest',
        ruleId: 'ingest:invalid-encoding',
        place: doc.input,
      }),
    );
    return { text: new TextDecoder('windows-1252').decode(bytes), messages };
  }
}

function readBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** Text formats never hold NUL; a few stray control bytes are tolerated, many are not. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) controls += 1;
  }
  return controls / sample.length > 0.02;
}

/** The charset an HTTP header, a `<meta>` tag or an XML declaration announces. */
export function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const fromHeader = contentType ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
  if (fromHeader) return fromHeader.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const fromMeta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  return fromMeta ? fromMeta.toLowerCase() : null;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}
