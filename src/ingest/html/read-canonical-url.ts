/** `<link rel=canonical>` resolved against the page URL, else `og:url`; absolute http(s) only. */
export function readCanonicalUrl(
  document: Document,
  ogUrl: string | null,
  pageUrl: string | null,
): string | null {
  const href = document.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim() || ogUrl;
  if (!href) return null;
  try {
    const resolved = pageUrl ? new URL(href, pageUrl) : new URL(href);
    return /^https?:$/.test(resolved.protocol) ? resolved.href : null;
  } catch {
    return null;
  }
}
