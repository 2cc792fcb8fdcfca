/** Attributes that extraction, metadata reading or Readability look at; all others are dropped. */
const KEPT = new Set([
  'class',
  'id',
  'role',
  'hidden',
  'aria-hidden',
  'href',
  'rel',
  'itemprop',
  'itemscope',
  'itemtype',
  'content',
  'property',
  'name',
  'datetime',
  'pubdate',
  'lang',
  'type',
  'charset',
  'http-equiv',
  'dir',
]);

const START_TAG =
  /<([a-zA-Z][^\s/>]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function keepAttributes(attributes: string): string {
  let kept = '';
  for (const match of attributes.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2];
    // An inline style only matters when it hides the element.
    if (KEPT.has(name) || (name === 'style' && value && HIDING_STYLE.test(value))) kept += ` ${match[0]}`;
  }
  return kept;
}

/**
 * Rewrites start tags to keep only the attributes extraction reads. Pages carry many
 * `data-*`, `srcset`, `style` and event attributes; every one becomes a DOM node when
 * parsed, so dropping them first makes parsing and every later DOM walk cheaper.
 * Tags the pattern does not recognise are left as they are.
 */
export function dropUnusedAttributes(html: string): string {
  return html.replace(START_TAG, (match: string, tag: string, attributes: string, selfClosing: string) =>
    attributes ? `<${tag}${keepAttributes(attributes)}${selfClosing ? ' /' : ''}>` : match,
  );
}
