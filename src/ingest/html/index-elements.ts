/** Elements of a page grouped by upper-case tag name, in document order. */
export type ElementIndex = Map<string, Element[]>;

/**
 * Collects the elements with the given tag names in one walk of the tree. One walk is
 * much cheaper than one selector query per tag on large pages.
 */
export function indexElements(root: Document | Element, tags: readonly string[]): ElementIndex {
  const wanted = new Set(tags.map((t) => t.toUpperCase()));
  const index: ElementIndex = new Map([...wanted].map((t) => [t, []]));
  const start = 'documentElement' in root ? root.documentElement : root;
  if (!start) return index;
  const stack: Element[] = [start];
  while (stack.length) {
    const element = stack.pop() as Element;
    if (wanted.has(element.tagName)) index.get(element.tagName)?.push(element);
    // Push children last-to-first so they pop in document order.
    for (let child = element.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return index;
}

export function elementsOf(index: ElementIndex, tag: string): Element[] {
  return index.get(tag.toUpperCase()) ?? [];
}
