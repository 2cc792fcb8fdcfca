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

export interface Paragraph {
  text: string;
  /** Characters of `text` that sit inside links (before whitespace is collapsed). */
  linkChars: number;
  /** Name of the block element the text came from (`P`, `LI`, `H2`, …). */
  tag: string;
}

/**
 * The paragraphs of an element: each block element's inline text, whitespace collapsed,
 * with how much of it is link text. Text inside scripts, styles and form controls is dropped.
 */
export function toParagraphs(root: Node): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let linkDepth = 0;
  const blocks: string[] = [];
  const flush = (): void => {
    const text = normalizeSpace(parts.join(''));
    if (text)
      paragraphs.push({ text, linkChars: Math.min(linkChars, text.length), tag: blocks.at(-1) ?? 'DIV' });
    parts = [];
    linkChars = 0;
  };
  const walk = (node: WalkNode): void => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      parts.push(value);
      if (linkDepth > 0) linkChars += value.trim().length;
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    const link = tag === 'A';
    if (block) {
      flush();
      blocks.push(tag);
    }
    if (link) linkDepth++;
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i] as WalkNode);
    if (link) linkDepth--;
    if (block) {
      flush();
      blocks.pop();
    }
  };
  walk(root as unknown as WalkNode);
  flush();
  return paragraphs;
}

/** Paragraphs joined as the model wants them: one blank line between paragraphs. */
export function toParagraphText(paragraphs: string[]): string {
  return paragraphs.join('\n\n');
}
