import type { Annotations } from '../../src/model/annotations.js';

export type AnnotationKind = 'mention' | 'quantity' | 'time' | 'source' | 'cue' | 'quote' | 'hedge';

export const ANNOTATION_KINDS: readonly { kind: AnnotationKind; label: string }[] = [
  { kind: 'mention', label: 'Mentions' },
  { kind: 'quantity', label: 'Quantities' },
  { kind: 'time', label: 'Times' },
  { kind: 'source', label: 'Speakers' },
  { kind: 'cue', label: 'Attribution cues' },
  { kind: 'quote', label: 'Attributed content' },
  { kind: 'hedge', label: 'Hedges' },
];

export interface AnnotationSpan {
  start: number;
  end: number;
  kind: AnnotationKind;
  /** What the annotation says, shown as the span's title. */
  note: string;
}

/** Every annotation of an article as a flat list of labelled spans. */
export function annotationSpans(a: Annotations): AnnotationSpan[] {
  const spans: AnnotationSpan[] = [];
  for (const m of a.mentions) {
    spans.push({
      start: m.start,
      end: m.end,
      kind: 'mention',
      note: `${m.type}: ${m.name}${m.role ? ` (${m.role})` : ''}`,
    });
  }
  for (const q of a.quantities) {
    const value = q.upper === null ? `${q.value}` : `${q.value}–${q.upper}`;
    const counted = q.counted ? ` ${q.counted.text}` : '';
    spans.push({
      start: q.start,
      end: q.end,
      kind: 'quantity',
      note: `quantity ${q.qualifier} ${value}${q.unit ? ` ${q.unit}` : ''}${counted}`,
    });
  }
  for (const t of a.times) {
    spans.push({
      start: t.start,
      end: t.end,
      kind: 'time',
      note: `time ${t.value ?? 'unresolved'} (${t.grain}, ${t.resolution})`,
    });
  }
  for (const at of a.attributions) {
    if (at.source)
      spans.push({
        start: at.source.start,
        end: at.source.end,
        kind: 'source',
        note: `speaker of a ${at.kind} attribution`,
      });
    spans.push({ start: at.cue.start, end: at.cue.end, kind: 'cue', note: `cue: ${at.cueClass}` });
    for (const part of at.contentParts ?? [at.content]) {
      spans.push({
        start: part.start,
        end: part.end,
        kind: 'quote',
        note: `${at.kind} speech, ${at.cueClass}`,
      });
    }
  }
  for (const h of a.hedges) spans.push({ start: h.start, end: h.end, kind: 'hedge', note: h.kind });
  return spans;
}

export interface Segment {
  start: number;
  end: number;
  spans: AnnotationSpan[];
}

/**
 * Cuts `[from, to)` at every span boundary, so overlapping annotations of different kinds
 * become flat runs of text, each with the spans covering it. Spans outside the text are dropped.
 */
export function segments(spans: readonly AnnotationSpan[], from: number, to: number): Segment[] {
  const inside = spans.filter((s) => s.start < s.end && s.start < to && s.end > from);
  const cuts = new Set<number>([from, to]);
  for (const s of inside) {
    cuts.add(Math.max(from, s.start));
    cuts.add(Math.min(to, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    out.push({ start, end, spans: inside.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

/** Paragraph ranges of a clean article text (paragraphs are separated by a blank line). */
export function paragraphs(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (;;) {
    const gap = text.indexOf('\n\n', start);
    const end = gap === -1 ? text.length : gap;
    if (end > start) out.push({ start, end });
    if (gap === -1) return out;
    start = gap + 2;
  }
}
