import type { Sentence, Span } from '../../model/annotations.js';
import type { AttributionDraft } from './sentence-context.js';

/**
 * A quotation that opens a sentence with no cue of its own, right after a sentence whose
 * attribution quotes someone, continues that quotation ("“…,” she said. “…”").
 */
export function continueQuotes(drafts: AttributionDraft[], sentences: Sentence[], quotes: Span[]): void {
  let previous: AttributionDraft | null = null;
  for (const sentence of sentences) {
    const own = drafts.filter((d) => within(d.cue, sentence));
    if (own.length > 0) {
      previous = own.findLast((d) => d.kind === 'direct') ?? null;
      continue;
    }
    const quote = quotes.find((q) => q.start === sentence.start);
    if (!previous || !quote || partsOf(previous).some((p) => p.start === quote.start)) {
      previous =
        quote && previous && partsOf(previous).some((p) => p.start === quote.start) ? previous : null;
      continue;
    }
    previous.contentParts = [...partsOf(previous), quote];
  }
}

function partsOf(d: AttributionDraft): Span[] {
  return d.contentParts ?? [d.content];
}

function within(span: Span, sentence: Sentence): boolean {
  return span.start >= sentence.start && span.end <= sentence.end;
}
