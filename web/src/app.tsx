import { useEffect, useRef } from 'preact/hooks';
import { AnalyzePage } from './pages/analyze-page.js';
import { ArticlePage } from './pages/article-page.js';
import { StoryListPage } from './pages/story-list-page.js';
import { StoryPage } from './pages/story-page.js';
import { parseRoute, useLocation } from './router.js';

export function App() {
  const url = useLocation();
  const route = parseRoute(url);
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After a navigation inside the app, start reading the new page from its top, as a page load would.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!url.hash) {
      window.scrollTo(0, 0);
      main.current?.focus();
    }
  }, [url.pathname, url.search]);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          corroborate
        </a>
        <nav aria-label="Main">
          <ul>
            <li>
              <a href="/" aria-current={route.page === 'stories' ? 'page' : undefined}>
                Stories
              </a>
            </li>
            <li>
              <a href="/analyze" aria-current={route.page === 'analyze' ? 'page' : undefined}>
                Analyse articles
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'stories' ? <StoryListPage q={route.q} outlet={route.outlet} /> : null}
        {route.page === 'story' ? <StoryPage id={route.id} /> : null}
        {route.page === 'article' ? <ArticlePage id={route.id} /> : null}
        {route.page === 'analyze' ? <AnalyzePage /> : null}
        {route.page === 'not-found' ? (
          <>
            <h1>Not found</h1>
            <p>
              There is no page at this address. <a href="/">See all stories</a>.
            </p>
          </>
        ) : null}
      </main>
    </>
  );
}
