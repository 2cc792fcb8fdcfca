import { makeCopy, makeRandom } from '../../eval/stories/make-copies.js';

export interface GeneratedArticle {
  id: string;
  title: string | null;
  text: string;
  published: string;
  contentHash: string;
}

/**
 * Scales real articles up, one at a time (a stream: nothing is kept between articles):
 * each generated article is a varied copy of one real article (edits as in the duplicates
 * benchmark) with paragraphs of a second one recombined into it, and 2–6% of its words
 * replaced by words drawn from all the real articles, so the text (its shingles, bigrams
 * and vocabulary) differs from every other. Articles come in publication order, as a
 * stream does, spread evenly over `days` days.
 */
export function* generateArticles(
  seeds: readonly { text: string; title: string | null }[],
  count: number,
  seed = 1,
  days = 365,
): Generator<GeneratedArticle> {
  const random = makeRandom(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const vocabulary = [
    ...new Set(seeds.flatMap((s) => s.text.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))),
  ];
  for (let k = 0; k < count; k++) {
    const base = seeds[Math.floor(random() * seeds.length)] as { text: string; title: string | null };
    const other = seeds[Math.floor(random() * seeds.length)] as { text: string; title: string | null };
    const copy = makeCopy(base.text, other.text, random);
    const extra = other.text.split(/\n\s*\n/).filter(() => random() < 0.2);
    const rate = 0.02 + random() * 0.04;
    const text = [copy.text, ...extra]
      .join('\n\n')
      .split(' ')
      .map((w) =>
        random() < rate
          ? w.replace(/[\p{L}\p{N}'’-]+/u, vocabulary[Math.floor(random() * vocabulary.length)] as string)
          : w,
      )
      .join(' ');
    yield {
      id: `gen-${k}`,
      title: base.title,
      text,
      published: new Date(start + Math.floor((k / count) * days * 86_400_000)).toISOString(),
      contentHash: `gen-${k}`,
    };
  }
}
