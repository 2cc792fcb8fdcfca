import { createHash } from 'node:crypto';
import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { ArticleRecord } from './store.js';

export interface RecordInit {
  id?: string;
  text?: string;
  outlet?: string | null;
  title?: string | null;
  published?: string | null;
}

/** A complete article record with every annotation kind filled, for store tests and benches. */
export function makeRecord(n: number, init: RecordInit = {}): ArticleRecord {
  const text = init.text ?? `Report number ${n} says 70,000 troops moved.\n\nOfficials denied it on Monday.`;
  const article: Article = {
    id: init.id ?? `article-${n}`,
    input: `test.jsonl:${n}`,
    outlet: init.outlet === undefined ? `Outlet ${n % 3}` : init.outlet,
    url: `https://example.org/${n}`,
    title: init.title === undefined ? `Title ${n}` : init.title,
    subtitle: null,
    byline: 'A. Writer',
    published:
      init.published === undefined ? new Date(Date.UTC(2025, 3, 1, 0, n % 60)).toISOString() : init.published,
    dates: [{ value: '2025-04-01', raw: 'April 1, 2025', where: 'header' }],
    language: 'eng',
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    metadata: { n, tags: ['a', 'b'], nested: { ok: true } },
    messages: [
      { reason: 'two dates', source: 'clean', ruleId: 'clean:conflicting-dates', place: null, fatal: false },
    ],
  };
  const span = (start: number, end: number) => ({ text: text.slice(start, end), start, end });
  const annotations: Annotations = {
    sentences: [span(0, 10)],
    mentions: [{ ...span(0, 6), type: 'person', key: 'report', name: 'Report', role: null, demonym: false }],
    quantities: [
      { ...span(2, 8), value: 70000, upper: null, qualifier: 'exact', unit: null, counted: span(9, 12) },
    ],
    times: [{ ...span(1, 4), value: '2025-03-31', grain: 'day', resolution: 'relative' }],
    attributions: [
      {
        ...span(0, 12),
        source: span(0, 3),
        sourceKey: null,
        cue: span(4, 6),
        cueClass: 'deny',
        content: span(7, 12),
        kind: 'reported',
        parent: null,
      },
    ],
    hedges: [{ ...span(3, 5), kind: 'unverified', scope: span(0, 10) }],
  };
  return { article, annotations };
}
