import { isBoilerplateName } from './is-boilerplate-name.js';

/** Elements that never hold article prose. */
const REMOVE_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'OBJECT',
  'EMBED',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FIGCAPTION',
  'DIALOG',
]);

/** Containers kept whatever their names say: they are the article itself. */
const KEEP_TAGS = new Set(['ARTICLE', 'MAIN', 'BODY', 'HTML']);

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

const HIDING_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

interface ProseLength {
  /** Text inside `<p>` elements. */
  paragraphs: number;
  /** All text. */
  all: number;
}

/** Elements the page hides from readers, by attribute or inline style. */
function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return !!style && HIDING_STYLE.test(style);
}

function isFurniture(element: Element): boolean {
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return true;
  if (isHidden(element)) return true;
  const className = element.getAttribute('class');
  if (className && isBoilerplateName(className)) return true;
  const id = element.getAttribute('id');
  return !!id && isBoilerplateName(id);
}

/** Measures every element's prose bottom-up in one pass, so no subtree is measured twice. */
function measure(element: Element, lengths: Map<Element, ProseLength>): ProseLength {
  const total: ProseLength = { paragraphs: 0, all: 0 };
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) total.all += (node.nodeValue ?? '').length;
    else if (node.nodeType === 1) {
      const child = measure(node as Element, lengths);
      total.paragraphs += child.paragraphs;
      total.all += child.all;
    }
  }
  if (element.tagName === 'P') total.paragraphs = total.all;
  lengths.set(element, total);
  return total;
}

/**
 * Removes page furniture before Readability scores the page: navigation, asides, footers,
 * captions, hidden elements, and elements whose class, id or ARIA role names sharing
 * bars, related links, newsletters, ads and the like. An element that holds a large
 * share of the page's prose is kept whatever its name says: article wrappers are
 * sometimes named after a widget they also contain.
 */
export function stripBoilerplate(document: Document): void {
  const body = document.body;
  if (!body) return;
  const lengths = new Map<Element, ProseLength>();
  const page = measure(body, lengths);
  // Pages that set their prose without `<p>` are measured by all their text.
  const byParagraphs = page.paragraphs >= 500;
  const prose = (element: Element): number => {
    const length = lengths.get(element);
    return length ? (byParagraphs ? length.paragraphs : length.all) : 0;
  };
  const total = prose(body);
  const visit = (element: Element): void => {
    let child = element.firstElementChild;
    while (child) {
      const next = child.nextElementSibling;
      const tag = child.tagName;
      if (REMOVE_TAGS.has(tag)) child.remove();
      else if (!KEEP_TAGS.has(tag) && isFurniture(child) && (total === 0 || prose(child) / total <= 0.4))
        child.remove();
      else visit(child);
      child = next;
    }
  };
  visit(body);
}
