import { makeCopy, makeRandom } from '../../eval/stories/make-copies.js';

export interface GeneratedArticle {
  id: string;
  title: string | null;
  text: string;
  published: string;
  contentHash: string;
}

/**
 * Scales real articles up: each generated article is a varied copy of one real article
 * (edits as in the duplicates benchmark) with paragraphs of a second one recombined into
 * it, so the text differs from every other; dates spread over a year.
 */
export function* generateArticles(
  seeds: readonly { text: string; title: string | null }[],
  count: number,
  seed = 1,
): Generator<GeneratedArticle> {
  const random = makeRandom(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let k = 0; k < count; k++) {
    const base = seeds[Math.floor(random() * seeds.length)] as { text: string; title: string | null };
    const other = seeds[Math.floor(random() * seeds.length)] as { text: string; title: string | null };
    const copy = makeCopy(base.text, other.text, random);
    const extra = other.text.split(/\n\s*\n/).filter(() => random() < 0.2);
    const text = [copy.text, ...extra].join('\n\n');
    yield {
      id: `gen-${k}`,
      title: base.title,
      text,
      published: new Date(start + Math.floor(random() * 365) * 86_400_000).toISOString(),
      contentHash: `gen-${k}`,
    };
  }
}
