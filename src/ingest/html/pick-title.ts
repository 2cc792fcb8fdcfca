import { normalizeSpace } from './normalize-space.js';

export interface TitleSources {
  jsonLdHeadline: string | null;
  ogTitle: string | null;
  documentTitle: string | null;
  /** Text of the page's first `<h1>` elements. */
  headings: string[];
  /** Names the site goes by (og:site_name, publisher, host), to strip from titles. */
  siteNames: string[];
}

function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const SEPARATOR = /\s+[-|–—•·»]\s+|:\s+/;

/** Removes a leading or trailing `Site Name |` / `| Site Name` part naming the site. */
export function stripSiteName(title: string, siteNames: string[]): string {
  const names = siteNames.map(key).filter(Boolean);
  if (!names.length) return title;
  const parts = title.split(SEPARATOR);
  if (parts.length < 2) return title;
  const isSite = (part: string): boolean => {
    const k = key(part);
    return names.some((n) => k === n || k.replace(/ /g, '') === n.replace(/ /g, '') || n.startsWith(`${k} `));
  };
  let start = 0;
  let end = parts.length;
  while (end - start > 1 && isSite(parts[end - 1] ?? '')) end--;
  while (end - start > 1 && isSite(parts[start] ?? '')) start++;
  if (start === 0 && end === parts.length) return title;
  // Rebuild from the original text so separators inside the headline survive.
  const kept = parts.slice(start, end);
  const first = title.indexOf(kept[0] ?? '');
  const last = kept.at(-1) ?? '';
  return title.slice(first, title.lastIndexOf(last) + last.length).trim();
}

/**
 * The headline: the visible `<h1>` when the page's metadata confirms it (some title
 * starts with it), else the JSON-LD headline, og:title or `<title>`, without the site name.
 */
export function pickTitle(sources: TitleSources): string | null {
  const declared = [sources.jsonLdHeadline, sources.ogTitle, sources.documentTitle]
    .map((t) => normalizeSpace(t))
    .filter(Boolean);
  const declaredKeys = declared.map(key);
  const siteKeys = new Set(sources.siteNames.map(key));
  for (const heading of sources.headings.map((h) => normalizeSpace(h))) {
    const k = key(heading);
    // A site's logo is often its only <h1>, and titles end with the site name.
    if (siteKeys.has(k)) continue;
    if (k.length >= 8 && declaredKeys.some((d) => d === k || d.startsWith(`${k} `) || d.endsWith(` ${k}`)))
      return heading;
  }
  const best = declared[0];
  return best ? stripSiteName(best, sources.siteNames) || best : null;
}
