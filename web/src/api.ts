import type { Annotations } from '../../src/model/annotations.js';
import type { Article } from '../../src/model/article.js';
import type { Report } from '../../src/model/report.js';

/** One row of GET /v1/stories. */
export interface StorySummary {
  id: string;
  title: string;
  articleCount: number;
  outlets: string[];
  createdAt: string;
  updatedAt: string;
  discrepancyCount: number;
  disputeCount: number;
}

export interface StoryListPage {
  items: StorySummary[];
  nextCursor: string | null;
}

export interface ArticlePage {
  article: Article;
  annotations: Annotations;
  storyId: string | null;
  ingestedAt: string;
}

/** An article pasted into the analyse form. */
export interface PastedArticle {
  text: string;
  title?: string;
}

/** The API's error shape, kept whole so the form can point at the field at fault. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function request(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = isRecord(body) && isRecord(body.error) ? body.error : {};
    throw new ApiError(
      typeof error.message === 'string' ? error.message : `${response.status} ${response.statusText}`,
      response.status,
      typeof error.code === 'string' ? error.code : 'http_error',
      typeof error.field === 'string' ? error.field : null,
    );
  }
  return body;
}

/** Answers are checked for the fields the pages read before they are trusted. */
function expect<T>(body: unknown, ok: (b: Record<string, unknown>) => boolean, what: string): T {
  if (!isRecord(body) || !ok(body))
    throw new ApiError(`The server sent an unexpected ${what}.`, 200, 'bad_response', null);
  return body as T;
}

const isReport = (b: Record<string, unknown>) =>
  b.schema === 'corroborate.report/1' && Array.isArray(b.articles) && Array.isArray(b.stories);

export async function listStories(
  params: { q?: string; outlet?: string; cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<StoryListPage> {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.outlet) query.set('outlet', params.outlet);
  if (params.cursor) query.set('cursor', params.cursor);
  query.set('limit', String(params.limit ?? 50));
  const body = await request(`/v1/stories?${query}`, { signal });
  return expect<StoryListPage>(body, (b) => Array.isArray(b.items), 'story list');
}

export async function getStory(id: string, signal?: AbortSignal): Promise<Report> {
  const body = await request(`/v1/stories/${encodeURIComponent(id)}`, { signal });
  return expect<Report>(body, isReport, 'story report');
}

export async function getArticle(id: string, signal?: AbortSignal): Promise<ArticlePage> {
  const body = await request(`/v1/articles/${encodeURIComponent(id)}`, { signal });
  return expect<ArticlePage>(body, (b) => isRecord(b.article) && isRecord(b.annotations), 'article');
}

export async function analyze(
  input: { articles: PastedArticle[] } | { urls: string[] },
  token: string,
): Promise<Report> {
  const body = await request('/v1/analyze', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify('urls' in input ? { urls: input.urls } : input.articles),
  });
  return expect<Report>(body, isReport, 'report');
}
