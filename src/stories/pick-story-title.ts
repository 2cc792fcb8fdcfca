import { isContentWord } from '../similarity/stopwords.js';
import { tokenize } from '../similarity/tokenize.js';

/**
 * The title of the story's most central article: the one whose title words are shared
 * most by the other titles (ties go to the earlier article, then the smaller id). Falls
 * back to the opening words of the most central text when no article has a title.
 */
export function pickStoryTitle(
  articles: readonly { id: string; title: string | null; text: string; published: string | null }[],
): string {
  const titled = articles.filter((a) => a.title && a.title.trim().length > 0);
  if (titled.length === 0) {
    const first = articles[0];
    const words = (first?.text ?? '').split(/\s+/).filter(Boolean);
    return words.slice(0, 12).join(' ') + (words.length > 12 ? ' …' : '');
  }
  const wordSets = titled.map((a) => new Set(tokenize(a.title ?? '').filter(isContentWord)));
  const documentFrequency = new Map<string, number>();
  for (const set of wordSets)
    for (const w of set) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const scored = titled.map((article, i) => {
    const set = wordSets[i] as Set<string>;
    let shared = 0;
    for (const w of set) shared += (documentFrequency.get(w) ?? 1) - 1;
    return { article, score: set.size === 0 ? 0 : shared / Math.sqrt(set.size) };
  });
  scored.sort(
    (x, y) =>
      y.score - x.score ||
      (x.article.published ?? '\uffff').localeCompare(y.article.published ?? '\uffff') ||
      x.article.id.localeCompare(y.article.id),
  );
  return (scored[0]?.article.title ?? '').trim();
}
