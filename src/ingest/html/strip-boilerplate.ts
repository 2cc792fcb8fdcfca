import { isBoilerplateName } from './is-boilerplate-name.js';

/** Elements that never hold article prose. */
const REMOVE_TAGS =
  'script, style, noscript, template, iframe, svg, object, embed, form button, select, textarea, nav, aside, footer, figcaption, dialog';

const FURNITURE_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
]);

/** Elements the page hides from readers, by attribute or inline style. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function isFurniture(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (isHidden(element)) return true;
  return (
    isBoilerplateName(element.getAttribute('class') ?? '') ||
    isBoilerplateName(element.getAttribute('id') ?? '')
  );
}

/** Text in `<p>` elements; pages that set prose without `<p>` are measured by all their text. */
function proseLength(element: Element, byParagraphs: boolean): number {
  if (!byParagraphs) return (element.textContent ?? '').length;
  let length = 0;
  for (const p of Array.from(element.querySelectorAll('p'))) length += (p.textContent ?? '').length;
  return length;
}

/**
 * Removes page furniture before Readability scores the page: navigation, asides, footers,
 * captions, hidden elements, and elements whose class, id or ARIA role name sharing
 * bars, related links, newsletters, ads and the like. An element that holds most of
 * the page's paragraph text is kept whatever its name says: wrappers are sometimes
 * named after a widget they also contain.
 */
export function stripBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  for (const element of Array.from(body.querySelectorAll(REMOVE_TAGS))) element.remove();
  const byParagraphs = proseLength(body, true) >= 500;
  const total = proseLength(body, byParagraphs);
  const candidates = Array.from(
    body.querySelectorAll('[class], [id], [role], [hidden], [aria-hidden], [style]'),
  );
  for (const element of candidates) {
    if (!element.parentNode || !body.contains(element)) continue;
    if (element.tagName === 'ARTICLE' || element.tagName === 'MAIN') continue;
    if (!isFurniture(element)) continue;
    const own = proseLength(element, byParagraphs);
    if (total > 0 && own / total > 0.4) continue;
    element.remove();
  }
}
