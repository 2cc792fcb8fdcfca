import type { JsonLdNode } from './read-json-ld.js';
import { decodeEntities } from './decode-entities.js';
import { normalizeSpace } from './normalize-space.js';

export interface JsonLdArticle {
  type: string;
  headline: string | null;
  description: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  articleBody: string | null;
}

const ARTICLE_TYPES = new Set([
  'newsarticle',
  'article',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'backgroundnewsarticle',
  'reviewnewsarticle',
  'blogposting',
  'socialmediaposting',
  'liveblogposting',
  'report',
  'scholarlyarticle',
  'techarticle',
]);

function typesOf(node: JsonLdNode): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^.*[/#:]/, '').toLowerCase());
}

function text(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(decodeEntities(value)) || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return text(value[0]);
  if (value && typeof value === 'object') {
    const record = value as JsonLdNode;
    return text(record['@value'] ?? record.name);
  }
  return null;
}

function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    const name =
      typeof item === 'string'
        ? normalizeSpace(decodeEntities(item))
        : text((item as JsonLdNode | null)?.name);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

function bodyText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.trim() || null;
}

/**
 * The article described by the page's JSON-LD: the first node typed as a kind of
 * article (schema.org `Article` and its news subtypes), read field by field.
 */
export function readJsonLdArticle(nodes: JsonLdNode[]): JsonLdArticle | null {
  const node = nodes.find((candidate) => typesOf(candidate).some((t) => ARTICLE_TYPES.has(t)));
  if (!node) return null;
  return {
    type: typesOf(node).find((t) => ARTICLE_TYPES.has(t)) ?? 'article',
    headline: text(node.headline) ?? text(node.name),
    description: text(node.description),
    datePublished: text(node.datePublished) ?? text(node.dateCreated),
    dateModified: text(node.dateModified),
    authors: names(node.author ?? node.creator),
    publisher: names(node.publisher)[0] ?? null,
    articleBody: bodyText(node.articleBody),
  };
}
