import type { Article } from '../model/article.js';
import type { Annotations } from '../model/annotations.js';
import { extractAttributions } from './attributions/extract-attributions.js';
import { findHedges } from './hedges/find-hedges.js';
import { findMentions } from './mentions/find-mentions.js';
import { resolveJoinedEntityKeys } from './mentions/resolve-entity-keys.js';
import { tokenizeWords } from './mentions/tokenize-words.js';
import { findQuantities } from './quantities/find-quantities.js';
import { resolveSourceKeys } from './resolve-source-keys.js';
import { speakersArePeople } from './speakers-are-people.js';
import { splitSentences } from './sentences/split-sentences.js';
import { findTimes } from './times/find-times.js';

export interface AnnotatedArticle {
  article: Article;
  annotations: Annotations;
}

/** Annotates one article on its own (entity keys joined within the article only). */
export function annotateArticle(article: Article): Annotations {
  if (!article || typeof article.text !== 'string') {
    throw new TypeError('annotateArticle(article): expected an Article with a string `text`');
  }
  const { text } = article;
  const sentences = splitSentences(text);
  const words = tokenizeWords(text);
  const found = extractAttributions(text, sentences);
  const mentions = speakersArePeople(findMentions(text, words), found);
  const attributions = resolveSourceKeys(found, mentions);
  return {
    sentences,
    mentions,
    quantities: findQuantities(text, words),
    times: findTimes(text, article.published),
    attributions,
    hedges: findHedges(text, sentences, attributions),
  };
}

/**
 * Annotates articles that are read together, so an entity gets one key across all of
 * them ("Lindqvist" in one, "Maria Lindqvist" in another); attribution sources are
 * linked to those keys afterwards.
 */
export function annotateArticles(articles: Article[]): AnnotatedArticle[] {
  if (!Array.isArray(articles))
    throw new TypeError('annotateArticles(articles): expected an array of Articles');
  const own = articles.map((article) => annotateArticle(article));
  // findMentions has joined each article's own mentions already.
  const joined = resolveJoinedEntityKeys(own.map((a) => a.mentions));
  return articles.map((article, i) => {
    const annotations = own[i]!;
    const mentions = joined[i] ?? annotations.mentions;
    return {
      article,
      annotations: {
        ...annotations,
        mentions,
        attributions: resolveSourceKeys(annotations.attributions, mentions),
      },
    };
  });
}
