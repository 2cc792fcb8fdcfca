export * from './model/index.js';
export * from './ingest/index.js';
export * from './report/index.js';
export * from './annotate/index.js';
