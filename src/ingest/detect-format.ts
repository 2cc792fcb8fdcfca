export type DocumentFormat = 'html' | 'feed' | 'jsonl' | 'text';

const FEED_TYPES = /(?:rss|atom|feed)\+(?:xml|json)|\/rdf\+xml/i;
const HTML_TYPES = /text\/html|application\/xhtml/i;
const JSONL_TYPES = /ndjson|jsonl|json-seq|jsonlines/i;

/**
 * Decides how to read a decoded document, from the content itself first (a file
 * named .txt that holds a page is still a page), then the content type and name.
 */
export function detectFormat(text: string, name: string | null, contentType: string | null): DocumentFormat {
  const head = text.slice(0, 4096).trimStart();
  const lower = head.toLowerCase();
  const ext = name ? /\.([a-z0-9]+)(?:\.gz)?$/i.exec(name)?.[1]?.toLowerCase() : undefined;
  if (/^<\?xml|^<rss\b|^<rdf:rdf\b|^<feed\b/.test(lower) && /<(?:rss|feed|rdf:rdf)\b/.test(lower))
    return 'feed';
  if (head.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version/.test(head)) return 'feed';
  if (contentType && FEED_TYPES.test(contentType)) return 'feed';
  if (ext === 'jsonl' || ext === 'ndjson' || (contentType && JSONL_TYPES.test(contentType))) return 'jsonl';
  if (head.startsWith('{') && /^\{.*\}\s*$/m.test(head.split('\n')[0] ?? '')) return 'jsonl';
  if (/^<!doctype html|^<html\b|^<head\b|^<body\b/.test(lower)) return 'html';
  if (contentType && HTML_TYPES.test(contentType)) return 'html';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (/^<(?:div|article|section|main|p|meta|title|!--)\b/.test(lower) && /<\/(?:p|div|article)>/.test(lower))
    return 'html';
  return 'text';
}
