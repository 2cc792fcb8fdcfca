import { looksLikeFeed } from './looks-like-feed.js';

/** Lines longer than this are judged by their opening alone rather than parsed. */
const MAX_PARSED_LINE = 65_536;

/**
 * Cheap sniff: the first non-blank line is a JSON object on its own (and the document is
 * not a one-line JSON Feed). A pretty-printed JSON document fails because its first line
 * is just `{`.
 */
export function looksLikeJsonl(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').search(/\S/);
  if (start < 0) return false;
  const rest = text.replace(/^\uFEFF/, '').slice(start);
  if (!rest.startsWith('{') || looksLikeFeed(rest)) return false;
  const newline = rest.indexOf('\n');
  const firstLine = newline < 0 ? rest : rest.slice(0, newline);
  if (firstLine.length > MAX_PARSED_LINE) return /^\{\s*"/.test(firstLine);
  try {
    const value: unknown = JSON.parse(firstLine);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
