import { describe, expect, it } from 'vitest';
import { checkContentType, contentTypeEssence } from './check-content-type.js';

describe('checkContentType', () => {
  it.each([
    'text/html; charset=windows-1251',
    'application/xhtml+xml',
    'text/plain',
    'text/markdown; charset=utf-8',
    'application/rss+xml',
    'application/atom+xml',
    'application/feed+json',
    'application/json',
    'application/x-ndjson',
    'application/jsonl',
    'application/xml',
    'TEXT/XML',
  ])('should accept %s', (header) => {
    expect(checkContentType(header)).toMatchObject({ ok: true, gzip: false });
  });

  it.each([
    'image/png',
    'video/mp4',
    'application/pdf',
    'application/octet-stream',
    'audio/mpeg',
    'application/zip',
  ])('should refuse %s and name it', (header) => {
    expect(checkContentType(header)).toEqual({ ok: false, essence: header });
  });

  it('should accept a missing or empty content type', () => {
    expect(checkContentType(null)).toEqual({ ok: true, essence: null, gzip: false });
    expect(checkContentType('  ')).toEqual({ ok: true, essence: null, gzip: false });
  });

  it('should flag gzip files for unpacking', () => {
    expect(checkContentType('application/gzip')).toEqual({
      ok: true,
      essence: 'application/gzip',
      gzip: true,
    });
    expect(checkContentType('application/x-gzip')).toMatchObject({ gzip: true });
  });

  it('should reduce a header to its lower-case essence', () => {
    expect(contentTypeEssence(' Text/HTML ; charset="utf-8"')).toBe('text/html');
  });
});
