import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestIntoStore } from '../../src/cli/commands/ingest.js';
import { cleanDraft } from '../../src/ingest/clean/clean-draft.js';
import { readArticles } from '../../src/ingest/read-articles.js';
import type { Article } from '../../src/model/article.js';
import type { Annotations } from '../../src/model/annotations.js';
import type { Report } from '../../src/model/report.js';
import type { AnalyzedStory } from '../../src/report/analyze-articles.js';
import { startServer, type ServerHandle } from '../../src/server/start-server.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/**
 * The web interface in a real browser: Debian's chromium driven by playwright-core against
 * the real server over a temporary SQLite store holding the bundled examples and one
 * hostile article. CI installs chromium (.ci/run); there a missing browser fails the run.
 */
const CHROMIUM = '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const SKIP = !HAVE_CHROMIUM && !IN_CI;
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = join(ROOT, 'test-output', 'browser');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const HOSTILE_ID = 'hostile-article';
const HOSTILE_TITLE = 'Harbour crane <script>window.__pwned = "title"</script> inspection';
const HOSTILE_TEXT = [
  'Port officials closed the northern quay on Monday after inspectors found cracks in a crane, the harbour authority said.',
  'A note in the report read <script>window.__pwned = "script"; alert("script")</script> and then <img src=x onerror="window.__pwned = \'img\'; alert(\'img\')">.',
  'Readers were told to see <a href="javascript:window.__pwned=\'link\'">the findings</a> or to paste javascript:alert(document.domain) into the address bar.',
].join('\n\n');

function hostileArticle(): Article {
  const { article } = cleanDraft({
    id: HOSTILE_ID,
    input: HOSTILE_ID,
    kind: 'jsonl',
    body: HOSTILE_TEXT,
    title: HOSTILE_TITLE,
    outlet: 'Quay <b onmouseover="window.__pwned=1">Gazette</b>',
    url: 'javascript:window.__pwned="url"',
    published: '2026-03-16T08:00:00Z',
  });
  if (!article) throw new Error('the hostile fixture did not clean');
  return article;
}

/** Builds the UI from source into a temporary folder, so the test sees the current code. */
async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

interface StoryRow {
  id: string;
  title: string;
  articleCount: number;
  outlets: string[];
  discrepancyCount: number;
  disputeCount: number;
}

describe.skipIf(SKIP)(
  `web interface in chromium${SKIP ? ` (skipped: no ${CHROMIUM}; CI=true makes this fail)` : ''}`,
  () => {
    let dir: string;
    let store: Store;
    let server: ServerHandle;
    let browser: Browser;
    let context: BrowserContext;
    const problems: string[] = [];
    const dialogs: string[] = [];

    const api = async <T>(path: string): Promise<T> => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      return (await response.json()) as T;
    };

    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.text().includes('Content Security Policy'))
          problems.push(`${path}: console ${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${path}: page error: ${error.message}`));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${server.url}${path}`);
      return page;
    };

    const shot = (page: Page, name: string) =>
      page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

    beforeAll(async () => {
      if (!HAVE_CHROMIUM)
        throw new Error(`CI=true and ${CHROMIUM} is missing: install Debian's chromium (see .ci/run)`);
      dir = await mkdtemp(join(tmpdir(), 'corroborate-browser-'));
      await mkdir(SHOTS, { recursive: true });
      const webRoot = join(dir, 'web');
      const read = await readArticles([join(ROOT, 'examples')]);
      expect(read.articles.length).toBeGreaterThanOrEqual(5);
      store = await openStore(join(dir, 'store.db'));
      await Promise.all([
        buildWeb(webRoot),
        ingestIntoStore(store, [...read.articles, hostileArticle()], 200),
      ]);
      server = await startServer({ store, port: 0, webRoot });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
      // Each context starts from a fresh, empty profile.
      context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    }, 240_000);

    afterAll(async () => {
      await context?.close();
      await browser?.close();
      await server?.close();
      await store?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('should list every story with its counts, and filter by outlet and by text', async () => {
      const { items } = await api<{ items: StoryRow[] }>('/v1/stories?limit=100');
      expect(items.length).toBeGreaterThanOrEqual(2);
      const page = await open('/');
      await page.locator('.story-row').first().waitFor();
      const rows = page.locator('.story-row');
      expect(await rows.count()).toBe(items.length);
      for (const item of items) {
        const row = page.locator(`.story-row[data-story="${item.id}"]`);
        expect(await row.locator('.story-title').textContent()).toBe(item.title);
        expect(await row.locator('[data-field="articles"]').textContent()).toBe(
          `${item.articleCount} article${item.articleCount === 1 ? '' : 's'}`,
        );
        expect(await row.locator('[data-field="discrepancies"]').textContent()).toMatch(
          new RegExp(`^${item.discrepancyCount} discrepanc`),
        );
        expect(await row.locator('[data-field="disputes"]').textContent()).toMatch(
          new RegExp(`^${item.disputeCount} dispute`),
        );
      }
      await shot(page, 'story-list');

      const outlet = items.flatMap((i) => i.outlets).find((o) => !o.includes('<'))!;
      const byOutlet = await api<{ items: StoryRow[] }>(
        `/v1/stories?limit=100&outlet=${encodeURIComponent(outlet)}`,
      );
      await page.getByLabel('Outlet').fill(outlet);
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/\?outlet=/);
      await expect.poll(() => rows.count()).toBe(byOutlet.items.length);
      await page.getByRole('link', { name: 'Clear filters' }).click();
      await expect.poll(() => rows.count()).toBe(items.length);

      await page.getByLabel('Text').fill('crane');
      await page.getByRole('button', { name: 'Filter' }).click();
      await page.waitForURL(/\?q=crane/);
      await expect.poll(() => rows.count()).toBe(1);
      expect(await rows.first().locator('.story-title').textContent()).toBe(HOSTILE_TITLE);
      await page.close();
    });

    it('should show the brief, fact matrix and discrepancy cards the report JSON holds', async () => {
      const { items } = await api<{ items: StoryRow[] }>('/v1/stories?limit=100');
      const biggest = [...items].sort((a, b) => b.articleCount - a.articleCount)[0]!;
      const report = await api<Report>(`/v1/stories/${encodeURIComponent(biggest.id)}`);
      const story = report.stories[0] as AnalyzedStory;
      expect(story.brief.length).toBeGreaterThan(0);
      expect(story.facts.length).toBeGreaterThan(0);
      expect(story.discrepancies.length).toBeGreaterThan(0);

      const page = await open('/');
      await page.getByRole('link', { name: biggest.title }).click();
      // The report's first story is the page's first part (the only one when the comparison keeps the story whole).
      const part = page.locator('.story-part[data-story-part="0"]');
      await part.locator('.brief li').first().waitFor();
      expect(await page.locator('h1').textContent()).toBe(story.title);

      expect(await part.locator('.brief .brief-text').allTextContents()).toEqual(
        story.brief.map((b) => b.text),
      );

      const columns = await part
        .locator('.fact-matrix thead th[data-article]')
        .evaluateAll((ths) => ths.map((th) => th.getAttribute('data-article')));
      expect(columns).toEqual(story.articleIds);
      expect(await part.locator('.fact-matrix th.fact-text').allTextContents()).toEqual(
        story.facts.map((f) => f.text),
      );
      for (const fact of story.facts) {
        const cells = await part
          .locator(`.fact-matrix tr[data-fact="${fact.id}"] td[data-cell]`)
          .evaluateAll((tds) => tds.map((td) => td.getAttribute('data-cell')));
        const reporting = new Set(fact.support.map((s) => s.articleId));
        expect(cells.map((c) => c === 'reported')).toEqual(story.articleIds.map((id) => reporting.has(id)));
      }

      const cards = part.locator('.card.discrepancy');
      expect(await cards.count()).toBe(story.discrepancies.length);
      for (const discrepancy of story.discrepancies) {
        const card = part.locator(`.card[data-discrepancy="${discrepancy.id}"]`);
        expect(await card.locator('.card-subject').textContent()).toBe(discrepancy.subject);
        expect(await card.locator('.variant-value').allTextContents()).toEqual(
          discrepancy.variants.map((v) => v.value),
        );
        const firstQuotes = discrepancy.variants.map((v) => v.quotes[0]).filter((q) => q !== undefined);
        const shown = await card.locator('blockquote').allTextContents();
        for (const quote of firstQuotes) expect(shown).toContain(quote);
      }

      // A citation shows the sentence it rests on, on hover and on keyboard focus.
      const item = story.brief[0]!;
      const cite = part.locator('.brief li').first().locator('.cite').first();
      const articleId = await cite.getAttribute('data-article');
      const sentence = story.facts
        .filter((f) => item.factIds.includes(f.id))
        .flatMap((f) => f.support)
        .find((s) => s.articleId === articleId)?.text;
      await cite.hover();
      await expect.poll(() => cite.locator('.cite-tip').isVisible()).toBe(true);
      if (sentence) expect(await cite.locator('.cite-sentence').textContent()).toBe(sentence);
      await page.mouse.move(0, 0);
      await cite.focus();
      await expect.poll(() => cite.locator('.cite-tip').isVisible()).toBe(true);

      if (story.derivations.length) await part.locator('.derivation-graph canvas').first().waitFor();
      expect(await page.locator('.timeline-item').count()).toBe(report.articles.length);
      await page.waitForTimeout(300); // the graph layout settles before the picture
      await shot(page, 'story');
      await page.setViewportSize({ width: 390, height: 844 });
      await shot(page, 'story-phone');
      await page.close();
    });

    it('should show an article with its annotations highlighted over the exact text', async () => {
      const { items } = await api<{ items: StoryRow[] }>('/v1/stories?limit=100');
      const biggest = [...items].sort((a, b) => b.articleCount - a.articleCount)[0]!;
      const page = await open(`/stories/${encodeURIComponent(biggest.id)}`);
      const link = page.locator('.sources a').first();
      await link.waitFor();
      await link.click();
      await page.locator('.annotated-text').waitFor();
      const id = new URL(page.url()).searchParams.get('id')!;
      const { article, annotations } = await api<{ article: Article; annotations: Annotations }>(
        `/v1/articles/${encodeURIComponent(id)}`,
      );
      expect(await page.locator('h1').textContent()).toBe(article.title);
      const paragraphs = await page.locator('.annotated-text p').allTextContents();
      expect(paragraphs.join('\n\n')).toBe(article.text);
      expect(await page.locator('.annotated-text .ann-mention').count()).toBeGreaterThan(0);
      if (annotations.quantities.length)
        expect(await page.locator('.annotated-text .ann-quantity').count()).toBeGreaterThan(0);
      if (annotations.attributions.length)
        expect(await page.locator('.annotated-text .ann-quote').count()).toBeGreaterThan(0);
      await shot(page, 'article');

      // Switching a kind off removes its highlight; a reload of the address shows the same page.
      await page.getByRole('checkbox', { name: /Mentions/ }).uncheck();
      expect(await page.locator('.annotated-text .ann-mention').count()).toBe(0);
      await page.reload();
      await page.locator('.annotated-text').waitFor();
      expect(await page.locator('h1').textContent()).toBe(article.title);
      await page.close();
    });

    it('should show hostile article content as text and run none of it', async () => {
      const before = problems.length;
      const { article } = await api<{ article: Article; storyId: string }>(`/v1/articles/${HOSTILE_ID}`);
      // The page is served under a policy that forbids inline script and style.
      const served = await fetch(`${server.url}/article?id=${HOSTILE_ID}`);
      expect(served.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
      expect(await served.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|style=/i);
      const page = await open(`/article?id=${HOSTILE_ID}`);
      await page.locator('.annotated-text').waitFor();
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
      expect((await page.locator('.annotated-text p').allTextContents()).join('\n\n')).toBe(article.text);
      expect(await page.locator('.annotated-text').textContent()).toContain('<img src=x onerror=');
      expect(await page.locator('.article-meta').textContent()).toContain('<b onmouseover=');
      expect(await page.locator('main script, main img, main [onerror], main [onmouseover]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await page.locator('.article-meta').hover();

      await page.getByRole('link', { name: 'Story' }).click();
      await page.locator('h1').waitFor();
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_TITLE);
      await shot(page, 'hostile-story');
      expect(await page.locator('main script, main img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(problems.slice(before)).toEqual([]);
      await page.close();
    });

    it('should be usable from the keyboard, starting with the skip link', async () => {
      const page = await open('/');
      await page.locator('.story-row').first().waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.tagName);
      expect(['INPUT', 'BUTTON', 'A']).toContain(focused);
      await page.close();
    });

    it('should analyse pasted articles through the form', async () => {
      const page = await open('/analyze');
      const first =
        'Bridge closed after cracks found\n\nThe council closed the Elm Street bridge on Tuesday after engineers found cracks in two piers, the mayor said. Repairs will take six weeks.';
      const second =
        'Elm Street bridge shut\n\nThe Elm Street bridge was closed on Tuesday when engineers found cracks in three piers, officials said. Repairs are expected to take six weeks.';
      await page.getByLabel('Articles').fill(`${first}\n---\n${second}`);
      await page.getByRole('button', { name: 'Analyse' }).click();
      await page.locator('.analysis').waitFor({ timeout: 25_000 });
      expect(await page.locator('.analysis h2').textContent()).toMatch(/2 articles/);
      expect(await page.locator('.analysis .brief li').count()).toBeGreaterThan(0);
      await shot(page, 'analyze');
      await page.close();
    });

    it('should have logged no script error and no policy violation on any page', () => {
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
    });
  },
);
