import { useEffect, useState } from 'preact/hooks';

/** Routes of the app; every page has its own address so it can be linked and reloaded. */
export type Route =
  | { page: 'stories'; q: string; outlet: string }
  | { page: 'story'; id: string }
  | { page: 'article'; id: string }
  | { page: 'analyze' }
  | { page: 'not-found'; path: string };

export function parseRoute(url: URL): Route {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) {
    return {
      page: 'stories',
      q: url.searchParams.get('q') ?? '',
      outlet: url.searchParams.get('outlet') ?? '',
    };
  }
  if (parts.length === 2 && parts[0] === 'stories')
    return { page: 'story', id: decodeURIComponent(parts[1]!) };
  const articleId = url.searchParams.get('id');
  if (parts.length === 1 && parts[0] === 'article' && articleId) return { page: 'article', id: articleId };
  if (parts.length === 1 && parts[0] === 'analyze') return { page: 'analyze' };
  return { page: 'not-found', path: url.pathname };
}

export const storyPath = (id: string): string => `/stories/${encodeURIComponent(id)}`;
/**
 * Article ids are paths and URLs ("examples/wire/report.txt"): in the query they never look
 * like a file name to the server's static file handler, so a reload of the page works.
 */
export const articlePath = (id: string): string => `/article?${new URLSearchParams({ id })}`;

const NAVIGATE = 'corroborate:navigate';

export function navigate(to: string): void {
  history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
}

/** The current address, updated on link clicks handled by the app and on back/forward. */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(location.href));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return url;
}

/**
 * Plain links stay plain links (they open in new tabs, work without the app); a left
 * click on a same-origin link to another page of the app is handled here without a reload.
 * Links within the page (the skip link, section anchors) are left to the browser.
 */
export function interceptLinks(root: Document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || anchor.target || anchor.hasAttribute('download') || !anchor.href) return;
    const url = new URL(anchor.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/v1/')) return;
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}
