import type { Annotations } from '../model/annotations.js';
import type { Article } from '../model/article.js';

/** One story's articles with their annotations and the independence group (origin) of each, in the same order. */
export interface CompareInput {
  articles: Article[];
  annotations: Annotations[];
  origins: string[];
}

/** Throws a TypeError naming the call and the fix when the three arrays do not line up. */
export function checkCompareInput(input: CompareInput): void {
  if (
    !input ||
    !Array.isArray(input.articles) ||
    !Array.isArray(input.annotations) ||
    !Array.isArray(input.origins)
  ) {
    throw new TypeError(
      'compareStory(input): expected { articles: Article[], annotations: Annotations[], origins: string[] }',
    );
  }
  const n = input.articles.length;
  if (input.annotations.length !== n || input.origins.length !== n) {
    throw new TypeError(
      `compareStory(input): articles (${n}), annotations (${input.annotations.length}) and origins (${input.origins.length}) must have the same length and order`,
    );
  }
}
