import { useEffect, useState } from 'preact/hooks';
import { listStories, type StorySummary } from '../api.js';
import { Status } from '../components/status.js';
import { formatDate, plural } from '../format.js';
import { navigate, storyPath } from '../router.js';
import { useAsync } from '../use-async.js';

function StoryRow({ story }: { story: StorySummary }) {
  return (
    <li class="story-row" data-story={story.id}>
      <h2 class="story-title">
        <a href={storyPath(story.id)}>{story.title || '(untitled story)'}</a>
      </h2>
      <p class="story-meta">
        <span data-field="articles">{plural(story.articleCount, 'article')}</span>
        {' · '}
        <span data-field="outlets" title={story.outlets.join(', ')}>
          {plural(story.outlets.length, 'outlet')}
        </span>
        {' · '}
        <span>
          updated <time dateTime={story.updatedAt}>{formatDate(story.updatedAt)}</time>
        </span>
      </p>
      <p class="story-badges">
        <span class={`badge${story.discrepancyCount ? ' badge-warn' : ''}`} data-field="discrepancies">
          {plural(story.discrepancyCount, 'discrepancy', 'discrepancies')}
        </span>
        <span class={`badge${story.disputeCount ? ' badge-warn' : ''}`} data-field="disputes">
          {plural(story.disputeCount, 'dispute')}
        </span>
        {story.outlets.length ? <span class="muted outlets">{story.outlets.join(', ')}</span> : null}
      </p>
    </li>
  );
}

/** Every story in the store, newest update first, filtered by text and outlet. */
export function StoryListPage({ q, outlet }: { q: string; outlet: string }) {
  const first = useAsync(`${q}\n${outlet}`, (signal) => listStories({ q, outlet }, signal));
  const [more, setMore] = useState<{
    items: StorySummary[];
    cursor: string | null;
    loading: boolean;
    error?: string;
  }>({ items: [], cursor: null, loading: false });
  useEffect(() => {
    document.title =
      q || outlet
        ? `Stories matching ${[q, outlet].filter(Boolean).join(', ')} · corroborate`
        : 'Stories · corroborate';
  }, [q, outlet]);
  useEffect(() => {
    if (first.status === 'done') setMore({ items: [], cursor: first.value.nextCursor, loading: false });
  }, [first]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const params = new URLSearchParams();
    for (const name of ['q', 'outlet']) {
      const value = String(data.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    navigate(params.toString() ? `/?${params}` : '/');
  };
  const loadMore = async () => {
    if (!more.cursor) return;
    setMore({ ...more, loading: true, error: undefined });
    try {
      const page = await listStories({ q, outlet, cursor: more.cursor });
      setMore({ items: [...more.items, ...page.items], cursor: page.nextCursor, loading: false });
    } catch (error) {
      setMore({ ...more, loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  };

  const items = first.status === 'done' ? [...first.value.items, ...more.items] : [];
  const outlets = [...new Set(items.flatMap((s) => s.outlets))].sort();

  return (
    <>
      <h1>Stories</h1>
      <form class="filters" role="search" onSubmit={onSubmit} action="/" method="get">
        <label>
          Text
          <input
            name="q"
            type="search"
            defaultValue={q}
            key={`q${q}`}
            placeholder="words in the title or text"
          />
        </label>
        <label>
          Outlet
          <input name="outlet" type="search" list="outlet-names" defaultValue={outlet} key={`o${outlet}`} />
          <datalist id="outlet-names">
            {outlets.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </label>
        <button type="submit">Filter</button>
        {q || outlet ? <a href="/">Clear filters</a> : null}
      </form>
      <Status state={first} what="stories" />
      {first.status === 'done' ? (
        <>
          <p class="muted" role="status">
            {items.length ? `${plural(items.length, 'story', 'stories')} shown.` : 'No story matches.'}
          </p>
          <ul class="story-list">
            {items.map((story) => (
              <StoryRow key={story.id} story={story} />
            ))}
          </ul>
          {more.error ? (
            <p class="error" role="alert">
              Could not load more stories: {more.error}
            </p>
          ) : null}
          {more.cursor ? (
            <button type="button" onClick={() => void loadMore()} disabled={more.loading}>
              {more.loading ? 'Loading…' : 'More stories'}
            </button>
          ) : null}
        </>
      ) : null}
    </>
  );
}
