function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Removes the headline when the body repeats it in its first paragraphs: the model keeps
 * the title in its own field. A `<title>` often carries a site suffix, so a leading
 * paragraph that the title starts with also counts.
 */
export function dropTitleParagraphs(paragraphs: string[], titles: (string | null)[]): string[] {
  const keys = titles
    .filter((t): t is string => !!t)
    .map(key)
    .filter(Boolean);
  if (!keys.length) return paragraphs;
  const isTitle = (paragraph: string): boolean => {
    const k = key(paragraph);
    return k.length > 0 && keys.some((t) => t === k || (k.length >= 20 && t.startsWith(k)));
  };
  const out = [...paragraphs];
  for (let i = 0; i < Math.min(2, out.length); i++) {
    if (isTitle(out[i] ?? '')) {
      out.splice(i, 1);
      break;
    }
  }
  return out;
}
