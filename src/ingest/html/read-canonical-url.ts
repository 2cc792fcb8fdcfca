/** `<link rel=canonical>` resolved against the page URL, else `og:url`; absolute http(s) only. */
export function readCanonicalUrl(
  links: Element[],
  ogUrl: string | null,
  pageUrl: string | null,
): string | null {
  const canonical = links.find((link) => /(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''));
  const href = canonical?.getAttribute('href')?.trim() || ogUrl;
  if (!href) return null;
  try {
    const resolved = pageUrl ? new URL(href, pageUrl) : new URL(href);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}
