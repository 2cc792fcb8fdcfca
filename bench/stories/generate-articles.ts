import { makeCopy, makeRandom, sentenceList, type CopySources } from '../../eval/stories/make-copies.js';

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
 * stream does, spread evenly over `days` days; `extra` more articles follow at the same
 * pace (the first `count` are the same whatever `extra` is).
 */
export function* generateArticles(
  seeds: readonly { text: string; title: string | null }[],
  count: number,
  seed = 1,
  days = 365,
  extra = 0,
): Generator<GeneratedArticle> {
  const random = makeRandom(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const vocabulary = [
    ...new Set(seeds.flatMap((s) => s.text.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))),
  ];
  // What each article re-derived from its two seeds, derived once per seed: `makeCopy`'s
  // default provenance tags (its sentence lists of both texts) and the other's paragraphs.
  const parsed: (SeedParts | undefined)[] = [];
  const partsOf = (i: number): SeedParts => (parsed[i] ??= seedParts((seeds[i] as { text: string }).text));
  for (let k = 0; k < count + extra; k++) {
    const b = Math.floor(random() * seeds.length);
    const o = Math.floor(random() * seeds.length);
    const base = seeds[b] as { text: string; title: string | null };
    const other = seeds[o] as { text: string; title: string | null };
    const sources: CopySources = { origin: partsOf(b).origin, donor: partsOf(o).donor };
    const copy = makeCopy(base.text, other.text, random, sources);
    const added = partsOf(o).paragraphs.filter(() => random() < 0.2);
    const rate = 0.02 + random() * 0.04;
    const text = replaceWords([copy.text, ...added].join('\n\n'), rate, vocabulary, random);
    yield {
      id: `gen-${k}`,
      title: base.title,
      text,
      published: new Date(start + Math.floor((k / count) * days * 86_400_000)).toISOString(),
      contentHash: `gen-${k}`,
    };
  }
}

/** What `generateArticles` derives from a seed text: `makeCopy`'s default tags of it as origin and as donor, and its paragraphs. */
interface SeedParts extends CopySources {
  paragraphs: readonly string[];
}

function seedParts(text: string): SeedParts {
  const sentences = sentenceList(text);
  return {
    origin: sentences.map((_, i) => `origin#${i}`),
    donor: sentences.map((_, i) => `donor#${i}`),
    paragraphs: text.split(/\n\s*\n/),
  };
}

const WORD = /[\p{L}\p{N}'’-]+/u;

/**
 * Each space-separated piece of `text` (as `text.split(' ')` gives them) has, with
 * probability `rate`, its first word replaced by a word drawn from `vocabulary`: one draw
 * per piece and one more per replaced piece, in order, so the same text as splitting,
 * mapping and joining it, without a string per piece.
 */
function replaceWords(
  text: string,
  rate: number,
  vocabulary: readonly string[],
  random: () => number,
): string {
  let out = '';
  let copied = 0;
  let start = 0;
  for (;;) {
    const space = text.indexOf(' ', start);
    const end = space < 0 ? text.length : space;
    if (random() < rate) {
      const word = vocabulary[Math.floor(random() * vocabulary.length)] as string;
      out += text.slice(copied, start) + text.slice(start, end).replace(WORD, word);
      copied = end;
    }
    if (space < 0) break;
    start = space + 1;
  }
  return out + text.slice(copied);
}
