import { paragraphs, segments, type AnnotationSpan } from '../annotation-spans.js';

/**
 * The article text with its annotations as nested runs. Every piece of article text is a
 * text node: nothing from the article is ever parsed as markup.
 */
export function AnnotatedText({ text, spans }: { text: string; spans: readonly AnnotationSpan[] }) {
  return (
    <div class="annotated-text">
      {paragraphs(text).map((p) => (
        <p key={p.start}>
          {segments(spans, p.start, p.end).map((s) => {
            const piece = text.slice(s.start, s.end);
            if (!s.spans.length) return piece;
            const kinds = [...new Set(s.spans.map((x) => x.kind))];
            return (
              <span
                key={s.start}
                class={kinds.map((k) => `ann ann-${k}`).join(' ')}
                title={s.spans.map((x) => x.note).join('\n')}
              >
                {piece}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
