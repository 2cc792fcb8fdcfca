import { describe, expect, it } from 'vitest';
import { paragraphs, segments, type AnnotationSpan } from './annotation-spans.js';

const span = (start: number, end: number, kind: AnnotationSpan['kind']): AnnotationSpan => ({
  start,
  end,
  kind,
  note: kind,
});

describe('segments', () => {
  it('should cut overlapping spans into flat runs that cover the whole range', () => {
    const runs = segments([span(2, 6, 'quote'), span(4, 8, 'time')], 0, 10);
    expect(runs.map((r) => [r.start, r.end, r.spans.map((s) => s.kind)])).toEqual([
      [0, 2, []],
      [2, 4, ['quote']],
      [4, 6, ['quote', 'time']],
      [6, 8, ['time']],
      [8, 10, []],
    ]);
  });

  it('should clip spans to the range and drop empty ones', () => {
    const runs = segments([span(0, 20, 'mention'), span(3, 3, 'hedge')], 5, 9);
    expect(runs).toEqual([{ start: 5, end: 9, spans: [span(0, 20, 'mention')] }]);
  });
});

describe('paragraphs', () => {
  it('should split at blank lines and keep offsets into the text', () => {
    const text = 'One.\n\nTwo\nlines.\n\nThree.';
    expect(paragraphs(text).map((p) => text.slice(p.start, p.end))).toEqual([
      'One.',
      'Two\nlines.',
      'Three.',
    ]);
  });
});
