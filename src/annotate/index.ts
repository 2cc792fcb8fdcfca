export { annotateArticle, annotateArticles } from './annotate-articles.js';
export type { AnnotatedArticle } from './annotate-articles.js';
export { splitSentences } from './sentences/split-sentences.js';
export { findMentions } from './mentions/find-mentions.js';
export { resolveEntityKeys } from './mentions/resolve-entity-keys.js';
export { findQuantities } from './quantities/find-quantities.js';
export { findTimes } from './times/find-times.js';
export { extractAttributions } from './attributions/extract-attributions.js';
export { findHedges } from './hedges/find-hedges.js';
