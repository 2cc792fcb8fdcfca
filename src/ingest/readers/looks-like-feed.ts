const SNIFF_CHARS = 2048;
/** XML declaration, processing instructions, comments and doctype may precede the root. */
const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/i;
const ATOM_NS = 'http://www.w3.org/2005/Atom';
const JSON_FEED_VERSION = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;

/**
 * Cheap sniff on the first 2 KB: an RSS, Atom or RDF root element, or a JSON object
 * declaring a JSON Feed version. Parsing decides the rest.
 */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\uFEFF/, '');
  if (/^\s*\{/.test(head)) return JSON_FEED_VERSION.test(head);
  const root = skipProlog(head);
  if (/^<rss[\s>]/i.test(root)) return true;
  if (/^<rdf:RDF[\s>]/.test(root)) return true;
  if (/^<(?:[\w-]+:)?feed[\s>]/.test(root)) return head.includes(ATOM_NS);
  return false;
}

function skipProlog(head: string): string {
  let rest = head;
  for (;;) {
    const match = PROLOG.exec(rest);
    if (!match || match[0].length === 0) return rest;
    rest = rest.slice(match[0].length);
  }
}
