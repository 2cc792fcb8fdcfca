/**
 * Synthetic copies of real articles for the duplicate-and-rewrite benchmark: each copy
 * applies a random mix of the edits syndication and content farms make.
 */
import { splitSentences } from '../../src/similarity/sentence-hashes.js';

export type Edit = 'boilerplate' | 'truncate' | 'reorder' | 'drop' | 'add' | 'substitute';

export interface Copy {
  text: string;
  edits: Edit[];
  /** Share of the original's sentences the copy keeps (before substitutions). */
  kept: number;
  /**
   * Where each sentence of the copy came from, in order (before substitutions): the
   * provenance tag of the origin or donor sentence, or null for an added boilerplate line.
   * Lets the benchmark tell real reuse (a copy made half of another text's sentences)
   * from a false match.
   */
  sources: (string | null)[];
}

/** Provenance tags of the origin's and the donor's sentences, in `sentencesOf` order. */
export interface CopySources {
  origin: readonly (string | null)[];
  donor: readonly (string | null)[];
}

interface Tagged {
  text: string;
  source: string | null;
}

/** A small deterministic generator (LCG); `next()` is uniform in [0, 1). */
export function makeRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

const BOILERPLATE = [
  'Copyright {n} News Service. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.',
  'Follow us for more breaking news and updates throughout the day.',
  'Sign up for our daily newsletter to get the top stories delivered to your inbox.',
  'This article originally appeared on a partner site and is republished with permission.',
];

function sentencesOf(text: string): string[][] {
  return text.split(/\n\s*\n/).map((p) => splitSentences(p).map((s) => p.slice(s.start, s.end)));
}

/** The sentences of a text, in `sentencesOf` order: what `sources` tags line up with. */
export function sentenceList(text: string): string[] {
  return sentencesOf(text).flat();
}

/**
 * Sentences tagged with their provenance. When the tags given do not line up with the
 * sentences (a substitution merged two sentences of an earlier copy), every sentence is
 * tagged with the nearest earlier tag: close enough for a share of reused sentences.
 */
function tagged(paragraphs: string[][], tags: readonly (string | null)[]): Tagged[][] {
  let k = 0;
  return paragraphs.map((p) =>
    p.map((text) => {
      const source = tags[Math.min(k, tags.length - 1)] ?? null;
      k++;
      return { text, source };
    }),
  );
}

/**
 * One copy of `text` with one or more random edits; `donor` supplies added sentences.
 * `sources` tags the origin's and donor's sentences (default: `origin#i` and `donor#i`).
 */
export function makeCopy(
  text: string,
  donor: string,
  random: () => number,
  sources: CopySources = {
    origin: sentenceList(text).map((_, i) => `origin#${i}`),
    donor: sentenceList(donor).map((_, i) => `donor#${i}`),
  },
): Copy {
  const all: Edit[] = ['boilerplate', 'truncate', 'reorder', 'drop', 'add', 'substitute'];
  const edits = all.filter(() => random() < 0.45);
  if (edits.length === 0) edits.push(all[Math.floor(random() * all.length)] as Edit);
  let paragraphs = tagged(sentencesOf(text), sources.origin);
  const total = paragraphs.reduce((n, p) => n + p.length, 0);
  if (edits.includes('truncate')) {
    const keep = 0.4 + random() * 0.5;
    let budget = Math.max(1, Math.round(total * keep));
    paragraphs = paragraphs
      .map((p) => {
        const taken = p.slice(0, Math.max(0, budget));
        budget -= taken.length;
        return taken;
      })
      .filter((p) => p.length > 0);
  }
  if (edits.includes('drop')) {
    const share = 0.1 + random() * 0.25;
    paragraphs = paragraphs.map((p) => p.filter(() => random() >= share)).filter((p) => p.length > 0);
  }
  const kept = paragraphs.reduce((n, p) => n + p.length, 0) / Math.max(1, total);
  if (edits.includes('reorder')) {
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [paragraphs[i], paragraphs[j]] = [paragraphs[j] as Tagged[], paragraphs[i] as Tagged[]];
    }
  }
  if (edits.includes('add')) {
    const extra = tagged(sentencesOf(donor), sources.donor).flat();
    const count = Math.max(1, Math.round(total * (0.1 + random() * 0.2)));
    for (let k = 0; k < count && extra.length > 0; k++) {
      const sentence = extra[Math.floor(random() * extra.length)] as Tagged;
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      p?.splice(Math.floor(random() * (p.length + 1)), 0, sentence);
    }
  }
  const tags = paragraphs.flat().map((t) => t.source);
  let out = paragraphs.map((p) => p.map((t) => t.text).join(' ')).join('\n\n');
  if (edits.includes('substitute')) {
    const words = out.split(' ');
    const vocabulary = donor.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w));
    const rate = 0.03 + random() * 0.05;
    // The substitute takes the word's letters only: punctuation and line breaks around it
    // stay, so sentence boundaries (and the provenance tags that follow them) stay in place.
    out = words
      .map((w) =>
        vocabulary.length > 0 && random() < rate
          ? w.replace(/[\p{L}\p{N}'’-]+/u, vocabulary[Math.floor(random() * vocabulary.length)] as string)
          : w,
      )
      .join(' ');
  }
  if (edits.includes('boilerplate')) {
    const line = (BOILERPLATE[Math.floor(random() * BOILERPLATE.length)] as string).replace(
      '{n}',
      String(2000 + Math.floor(random() * 25)),
    );
    const lineTags = sentenceList(line).map(() => null);
    if (random() < 0.5) {
      out = `${line}\n\n${out}`;
      tags.unshift(...lineTags);
    } else {
      out = `${out}\n\n${line}`;
      tags.push(...lineTags);
    }
  }
  return { text: out, edits, kept, sources: tags };
}
