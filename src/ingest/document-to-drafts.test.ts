import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanDraft } from './clean/clean-draft.js';
import { documentToDrafts } from './document-to-drafts.js';

const SAMPLES: Record<string, string> = {
  'page.html':
    '<!doctype html><html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1><p>The council closed the bridge to lorries on Tuesday after engineers found cracks.</p><p>Repairs will take six months, officials said.</p></article></body></html>',
  'feed.xml':
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Post</title><item><title>Bridge closed</title><link>https://example.org/a</link><description>The council closed the bridge to lorries on Tuesday.</description></item></channel></rss>',
  'rows.jsonl':
    '{"id":"a","title":"Bridge closed","text":"The council closed the bridge to lorries on Tuesday."}\n{"id":"b","text":"Repairs will take six months."}\n',
  'story.txt':
    'Bridge Closed\n\nThe council closed the bridge to lorries on Tuesday after engineers found cracks.',
};

/** Runs the whole read of one document: bytes to drafts to articles. */
function readAll(name: string, bytes: Uint8Array): number {
  const result = documentToDrafts({ input: name, id: name, bytes, name }, 1024 * 1024);
  return result.drafts.map((d) => cleanDraft(d)).filter((r) => r.article).length;
}

describe('documentToDrafts', () => {
  it('should read each sample format into articles', () => {
    expect(readAll('page.html', Buffer.from(SAMPLES['page.html']!))).toBe(1);
    expect(readAll('feed.xml', Buffer.from(SAMPLES['feed.xml']!))).toBe(1);
    expect(readAll('rows.jsonl', Buffer.from(SAMPLES['rows.jsonl']!))).toBe(2);
    expect(readAll('story.txt', Buffer.from(SAMPLES['story.txt']!))).toBe(1);
  });

  it('should never throw on any truncation of any sample format', () => {
    for (const [name, text] of Object.entries(SAMPLES)) {
      const bytes = Buffer.from(text);
      for (let cut = 0; cut <= bytes.length; cut += 3) {
        expect(() => readAll(name, bytes.subarray(0, cut))).not.toThrow();
      }
    }
  });

  it('should never throw on random text or bytes under any file name', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(SAMPLES)),
        fc.oneof(
          fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
          fc.uint8Array({ maxLength: 300 }),
        ),
        (name, bytes) => {
          expect(readAll(name, bytes)).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
