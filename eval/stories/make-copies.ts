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

/** One copy of `text` with two to four random edits; `donor` supplies added sentences. */
export function makeCopy(text: string, donor: string, random: () => number): Copy {
  const all: Edit[] = ['boilerplate', 'truncate', 'reorder', 'drop', 'add', 'substitute'];
  const edits = all.filter(() => random() < 0.45);
  if (edits.length === 0) edits.push(all[Math.floor(random() * all.length)] as Edit);
  let paragraphs = sentencesOf(text);
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
      [paragraphs[i], paragraphs[j]] = [paragraphs[j] as string[], paragraphs[i] as string[]];
    }
  }
  if (edits.includes('add')) {
    const extra = sentencesOf(donor).flat();
    const count = Math.max(1, Math.round(total * (0.1 + random() * 0.2)));
    for (let k = 0; k < count && extra.length > 0; k++) {
      const sentence = extra[Math.floor(random() * extra.length)] as string;
      const p = paragraphs[Math.floor(random() * paragraphs.length)];
      p?.splice(Math.floor(random() * (p.length + 1)), 0, sentence);
    }
  }
  let out = paragraphs.map((p) => p.join(' ')).join('\n\n');
  if (edits.includes('substitute')) {
    const words = out.split(' ');
    const vocabulary = donor.split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w));
    const rate = 0.03 + random() * 0.05;
    out = words
      .map((w) =>
        vocabulary.length > 0 && random() < rate
          ? (vocabulary[Math.floor(random() * vocabulary.length)] as string)
          : w,
      )
      .join(' ');
  }
  if (edits.includes('boilerplate')) {
    const line = (BOILERPLATE[Math.floor(random() * BOILERPLATE.length)] as string).replace(
      '{n}',
      String(2000 + Math.floor(random() * 25)),
    );
    out = random() < 0.5 ? `${line}\n\n${out}` : `${out}\n\n${line}`;
  }
  return { text: out, edits, kept };
}
