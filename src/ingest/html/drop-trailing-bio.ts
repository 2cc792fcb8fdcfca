/**
 * A note about the writer: a name, then "is a/an/the …" or "is <Outlet>'s …" and a
 * writing trade within the sentence.
 */
const BIO =
  /^(?:\p{Lu}[\p{L}.'’-]*\s){1,3}(?:is|was)\s(?:a|an|the|[\p{L}.'’-]+['’]s)\s[^.]{0,160}?\b(?:writer|reporter|editor|journalist|correspondent|contributor|columnist|author|curator|producer|blogger|freelancer|native|photographer)\b/u;

/**
 * Removes author notes from the last paragraphs of an article. Only the end is looked at:
 * the same sentence shape inside an article is usually about someone in the story.
 */
export function dropTrailingBio(paragraphs: string[], lookback = 2): string[] {
  const out = [...paragraphs];
  for (let i = out.length - 1; i >= Math.max(0, out.length - lookback); i--) {
    if (BIO.test(out[i] ?? '') && (out[i] ?? '').length < 600) out.splice(i, 1);
  }
  return out;
}
