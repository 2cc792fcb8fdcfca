export { readArticles, DEFAULT_MAX_BYTES } from './read-articles.js';
export type { ReadOptions, ReadProgress, ReadResult } from './read-articles.js';
export { extractArticle } from './extract-article.js';
export type { ExtractResult } from './extract-article.js';
export { cleanDraft } from './clean/clean-draft.js';
export { extractHtml } from './html/extract-html.js';
export type { HtmlExtraction, RawDocument, ReaderResult } from './types.js';
