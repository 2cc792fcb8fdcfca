export { buildReport } from './build-report.js';
export { renderJson } from './render-json.js';
export { renderMarkdown } from './render-markdown.js';
export { renderHtml, escapeHtml } from './render-html.js';
