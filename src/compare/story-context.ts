import type { Annotations, Mention, Sentence } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { BuiltFact } from './build-facts.js';
import { findUnverifiedSentences } from './find-unverified-sentences.js';

/** What every rule may look up about the story: articles, annotations, facts and where things sit. */
export interface StoryContext {
  articles: Article[];
  annotations: Annotations[];
  origins: string[];
  facts: BuiltFact[];
  unverified: Set<number>[];
}

export function buildStoryContext(
  articles: Article[],
  annotations: Annotations[],
  origins: string[],
  facts: BuiltFact[],
): StoryContext {
  return { articles, annotations, origins, facts, unverified: annotations.map(findUnverifiedSentences) };
}

/** Index of the sentence holding an offset, or -1. */
export function sentenceIndexAt(sentences: Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentence holding an offset, or null. */
export function sentenceAt(ctx: StoryContext, articleIndex: number, offset: number): Sentence | null {
  const sentences = ctx.annotations[articleIndex]!.sentences;
  return sentences[sentenceIndexAt(sentences, offset)] ?? null;
}

/** The id of the fact whose unit holds an offset of an article, or null. */
export function factIdAt(ctx: StoryContext, articleIndex: number, offset: number): string | null {
  for (const { fact, units } of ctx.facts) {
    for (const u of units)
      if (u.articleIndex === articleIndex && offset >= u.start && offset < u.end) return fact.id;
  }
  return null;
}

/** True when the article marks the sentence holding an offset as unverified. */
export function isUnverifiedAt(ctx: StoryContext, articleIndex: number, offset: number): boolean {
  const i = sentenceIndexAt(ctx.annotations[articleIndex]!.sentences, offset);
  return i >= 0 && ctx.unverified[articleIndex]!.has(i);
}

/** Distinct values in first-seen order. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Entity keys of the people named within [start, end) of an article. */
export function peopleIn(mentions: readonly Mention[], start: number, end: number): Set<string> {
  return new Set(
    mentions.filter((m) => m.type === 'person' && m.start >= start && m.end <= end).map((m) => m.key),
  );
}
