import { normalizeSpace } from './normalize-space.js';

/** Elements that start a new paragraph. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text is never prose. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'OBJECT',
  'EMBED',
  'HEAD',
  'BUTTON',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'INPUT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MATH',
]);

interface WalkNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<WalkNode>;
}

/**
 * The paragraphs of an element: each block element's inline text, whitespace collapsed.
 * Text inside scripts, styles and form controls is dropped.
 */
export function toParagraphs(root: Node): string[] {
  const paragraphs: string[] = [];
  let parts: string[] = [];
  const flush = (): void => {
    const paragraph = normalizeSpace(parts.join(''));
    if (paragraph) paragraphs.push(paragraph);
    parts = [];
  };
  const walk = (node: WalkNode): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i] as WalkNode);
    if (block) flush();
  };
  walk(root as unknown as WalkNode);
  flush();
  return paragraphs;
}

/** Paragraphs joined as the model wants them: one blank line between paragraphs. */
export function toParagraphText(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}
