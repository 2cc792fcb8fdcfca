/** The outlet name: `og:site_name`, else the JSON-LD publisher, else the URL host without `www.`. */
export function readOutlet(
  siteName: string | null,
  publisher: string | null,
  url: string | null,
): string | null {
  if (siteName) return siteName;
  if (publisher) return publisher;
  if (!url) return null;
  try {
    const host = new URL(url).hostname.replace(/^www\d*\./i, '');
    return host || null;
  } catch {
    return null;
  }
}
