import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeDocument } from './decode-document.js';
import { detectFormat } from './detect-format.js';

const doc = (bytes: Uint8Array, contentType: string | null = null) => ({
  input: 'x',
  id: 'x',
  bytes,
  contentType,
});
const MAX = { maxBytes: 1024 * 1024 };

describe('decodeDocument', () => {
  it('should decode UTF-8 and strip a BOM', () => {
    expect(decodeDocument(doc(Buffer.from('\uFEFFcafé', 'utf8')), MAX).text).toBe('café');
  });
  it('should decode UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('hello', 'utf16le')]);
    expect(decodeDocument(doc(bytes), MAX).text).toBe('hello');
  });
  it('should honour a charset declared in the content type or a meta tag', () => {
    const latin = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(decodeDocument(doc(latin, 'text/plain; charset=iso-8859-1'), MAX).text).toBe('café');
    const page = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>caf'), Buffer.from([0xe9])]);
    expect(decodeDocument(doc(page), MAX).text).toContain('café');
  });
  it('should fall back to Windows-1252 with a message for invalid UTF-8', () => {
    const result = decodeDocument(doc(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])), MAX);
    expect(result.text).toBe('café ok');
    expect(result.messages[0]?.ruleId).toBe('ingest:invalid-encoding');
  });
  it('should gunzip gzip data', () => {
    expect(decodeDocument(doc(gzipSync(Buffer.from('zipped text'))), MAX).text).toBe('zipped text');
  });
  it('should refuse corrupt gzip, empty input, binary and oversized input with fatal messages', () => {
    const cases: [Uint8Array, string][] = [
      [gzipSync(Buffer.from('zipped text')).subarray(0, 12), 'ingest:bad-gzip'],
      [new Uint8Array(0), 'ingest:empty'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'ingest:binary'],
      [Buffer.from([0x41, 0x00, 0x42, 0x43]), 'ingest:binary'],
      [gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x61)), 'ingest:too-large'],
    ];
    for (const [bytes, ruleId] of cases) {
      const result = decodeDocument(doc(bytes), MAX);
      expect(result.text).toBeNull();
      expect(result.messages.at(-1)).toMatchObject({ ruleId, fatal: true, place: 'x' });
    }
  });
  it('should never throw on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const result = decodeDocument(doc(bytes), MAX);
        expect(result.text === null || typeof result.text === 'string').toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('detectFormat', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>x</p></body></html>', 'a.txt', null, 'html'],
    ['<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', 'feed', null, 'feed'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"></feed>', null, null, 'feed'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'f.json', null, 'feed'],
    ['{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}', 'a.jsonl', null, 'jsonl'],
    ['{"id": "1", "text": "x"}', 'export', null, 'jsonl'],
    ['Plain headline\n\nPlain text.', 'a.txt', null, 'text'],
    ['Some words', 'page', 'text/html; charset=utf-8', 'html'],
  ])('should detect %j as %s', (text, name, type, format) => {
    expect(detectFormat(text, name, type)).toBe(format);
  });
});
