export * from './article.js';
export * from './message.js';
export * from './report.js';
export * from './annotations.js';
export * from './story.js';
export * from './comparison.js';
