import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../model/article.js';
import { readArticles, type ReadResult } from './read-articles.js';

// The bundled demo set (examples/README.md says what is planted in it). Ids and
// inputs are the path as given, so they are built from the same directory argument.
const dir = fileURLToPath(new URL('../../examples', import.meta.url));
const file = (name: string): string => join(dir, name);

const WIRE = 'wire/harbor-wire-tarnby-viaduct.txt';
const COURIER = 'wire/vellmark-courier-viaduct-collapse.txt';
const NEWSMINT = 'newsmint-oskerby-bridge-disaster.txt';
const HERALD = 'brenmoor-herald-union-inspections.txt';
const MERIDIAN = 'meridian-times-oskerby-rescue.html';
const LAKESIDE = 'lakeside-dispatch-inspection-dispute.md';
const FEED = 'feeds/northline-radio-news.xml';

const FEED_OWN = 'Oskerby mayor calls for survey of every rail bridge in Vellmark';
const FEED_WIRE = 'Two dead as viaduct section collapses onto freight train in Oskerby';
// A feed item's input is the feed's path with the item's number.
const FEED_OWN_ITEM = `${FEED}#1`;
const FEED_WIRE_ITEM = `${FEED}#2`;

/** Every article the set should yield: file, title (null when the file has none), byline. */
const EXPECTED: { input: string; title: string | null; byline: string | null }[] = [
  {
    input: WIRE,
    title: 'Viaduct section collapses onto freight train in Oskerby, two dead',
    byline: 'Tomas Reyle',
  },
  { input: COURIER, title: null, byline: null },
  {
    input: NEWSMINT,
    title: 'Oskerby Bridge Disaster: Two Dead After Viaduct Crashes Onto Train',
    byline: null,
  },
  {
    input: HERALD,
    title: 'Union says Tarnby Viaduct checks were skipped as investigators reach Oskerby',
    byline: 'Ingrid Sallow',
  },
  {
    input: MERIDIAN,
    title: 'Hours under the concrete: how rescuers reached the survivors of the Tarnby Viaduct collapse',
    byline: 'Selma Varga',
  },
  {
    input: LAKESIDE,
    title: 'Who inspected the Tarnby Viaduct? Owner and union give opposite answers',
    byline: 'Pieter Lund',
  },
  { input: FEED_OWN_ITEM, title: FEED_OWN, byline: 'Amara Quist' },
  { input: FEED_WIRE_ITEM, title: FEED_WIRE, byline: 'Harbor Wire' },
];

/** Page furniture planted around the texts; none of it may reach an article's `text`. */
const PLANTED_BOILERPLATE = [
  // plain-text exports
  'Share this story',
  'Most Read (12)',
  'Home > News > Vellmark > Oskerby',
  'News | Vellmark | Transport',
  'Subscribe to our newsletter for daily updates from Vellmark',
  'Have something to say? Post your comment',
  '3 min read',
  'Read more: Rail unions set out plans for April strike',
  'Follow us on social media for the latest updates',
  'Join the conversation',
  'What do you think? Leave a comment below',
  // header lines that belong in metadata, not in the body
  'By Tomas Reyle',
  'By Ingrid Sallow',
  'Published March 13, 2026 11:20 GMT',
  'March 13, 2026',
  'Saturday, 14 March 2026',
  'Published: 13 March 2026, 21:15 CET',
  // the HTML page's nav, share bar, related links and footer
  'Share on Facebook',
  'Share on X',
  'Email this article',
  'Copy link',
  'Subscribe',
  'Hundreds of bridges overdue for checks',
  'Calloway Freight posts record year',
  'About us',
  'Privacy policy',
  'Terms of use',
  'All rights reserved',
];

const paragraphs = (article: Article): string[] => article.text.split('\n\n');

const README = 'README.md';

let result: ReadResult;
// The set's README.md sits in the walked directory and is read like any text file (see
// the expected failure at the end); the checks on the reports leave it aside.
let articles: Article[];

const find = (input: string): Article => {
  const found = articles.filter((a) => a.input === file(input));
  expect(found, input).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  result = await readArticles([dir]);
  articles = result.articles.filter((a) => a.input !== file(README));
});

describe('the bundled examples', () => {
  it('should read every example into articles with no fatal message', () => {
    expect(result.skipped).toEqual([]);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(articles).toHaveLength(EXPECTED.length);
    expect(articles.map((a) => a.input).sort()).toEqual(EXPECTED.map(({ input }) => file(input)).sort());
  });

  it('should give files their path as id and feed items their link', () => {
    for (const name of [WIRE, COURIER, NEWSMINT, HERALD, MERIDIAN, LAKESIDE]) {
      expect(find(name).id).toBe(file(name));
    }
    expect(find(FEED_WIRE_ITEM).id).toBe('https://northlineradio.example/news/wire/oskerby-viaduct-collapse');
  });

  it.each(EXPECTED)('should find the title of $input', ({ input, title }) => {
    expect(find(input).title).toBe(title);
  });

  it('should not invent a title for the scraped copy that has none', () => {
    expect(find(COURIER).title).toBeNull();
  });

  it('should take the headline after a teaser paragraph and keep the teaser as body', () => {
    const article = find(NEWSMINT);
    expect(paragraphs(article)[0]).toMatch(/^A busy road bridge in Oskerby gave way/);
    expect(article.subtitle).toBe(
      'Questions are growing over whether the ageing Tarnby Viaduct was checked before it fell.',
    );
  });

  it('should leave the title out of the text', () => {
    for (const article of articles) {
      if (!article.title) continue;
      expect(paragraphs(article), article.id).not.toContain(article.title);
      expect(article.text.startsWith(article.title), article.id).toBe(false);
    }
  });

  it('should leave none of the planted boilerplate lines in any text', () => {
    for (const article of articles) {
      for (const line of PLANTED_BOILERPLATE) {
        expect(article.text.includes(line), `${article.id}: "${line}"`).toBe(false);
      }
    }
  });

  it('should keep every paragraph once', () => {
    for (const article of articles) {
      const list = paragraphs(article);
      expect(new Set(list).size, article.id).toBe(list.length);
      expect(
        list.every((p) => p.trim() !== ''),
        article.id,
      ).toBe(true);
    }
  });

  it.each(EXPECTED)('should read the byline of $input', ({ input, byline }) => {
    expect(find(input).byline).toBe(byline);
  });

  it('should report the two disagreeing header dates of the Brenmoor Herald and of no other file', () => {
    const conflicts = result.messages.filter((m) => m.ruleId === 'clean:conflicting-dates');
    expect(conflicts.map((m) => m.articleId)).toEqual([file(HERALD)]);
    const herald = find(HERALD);
    expect(herald.messages.map((m) => m.ruleId)).toContain('clean:conflicting-dates');
    expect(conflicts[0]!.reason).toContain('Saturday, 14 March 2026');
    expect(conflicts[0]!.reason).toContain('13 March 2026, 21:15 CET');
    expect(conflicts[0]!.fatal).toBe(false);
    for (const article of articles.filter((a) => a !== herald)) {
      expect(
        article.messages.map((m) => m.ruleId),
        article.id,
      ).not.toContain('clean:conflicting-dates');
    }
  });

  it('should take the outlet from the HTML page, the feed and the front matter', () => {
    expect(find(MERIDIAN).outlet).toBe('The Meridian Times');
    expect(find(LAKESIDE).outlet).toBe('Lakeside Dispatch');
    expect(find(FEED_OWN_ITEM).outlet).toBe('Northline Radio News');
    expect(find(FEED_WIRE_ITEM).outlet).toBe('Northline Radio News');
  });

  it('should read the publication date wherever the input gives one', () => {
    const instant = (article: Article): number => Date.parse(article.published ?? '');
    expect(instant(find(WIRE))).toBe(Date.parse('2026-03-13T11:20:00Z'));
    expect(find(COURIER).published).toBe('2026-03-13');
    // The timestamped line wins over the bare date at the top of the page.
    expect(instant(find(HERALD))).toBe(Date.parse('2026-03-13T21:15:00+01:00'));
    expect(instant(find(MERIDIAN))).toBe(Date.parse('2026-03-13T17:05:00+01:00'));
    expect(instant(find(LAKESIDE))).toBe(Date.parse('2026-03-16T08:30:00+01:00'));
    expect(instant(find(FEED_OWN_ITEM))).toBe(Date.parse('2026-03-14T09:30:00+01:00'));
    expect(instant(find(FEED_WIRE_ITEM))).toBe(Date.parse('2026-03-13T12:02:00Z'));
    expect(find(NEWSMINT).published).toBeNull();
  });

  it('should keep the wire dateline in the text and read its date', () => {
    for (const article of [find(WIRE), find(COURIER), find(FEED_WIRE_ITEM)]) {
      expect(article.text.startsWith('OSKERBY, March 13 (Harbor Wire) — '), article.id).toBe(true);
      expect(article.dates, article.id).toContainEqual(
        expect.objectContaining({ value: '2026-03-13', where: 'dateline' }),
      );
    }
  });

  it('should keep the planted differences in the text', () => {
    expect(find(MERIDIAN).text).toContain('19 had been treated for injuries');
    expect(find(LAKESIDE).text).toContain('about 60 metres long');
    expect(find(NEWSMINT).text).toContain('Former mayor Hilde Marstrand');
    expect(find(WIRE).text).toContain('could not independently verify');
  });

  it('should detect English in every article', () => {
    for (const article of articles) expect(article.language, article.id).toBe('eng');
  });

  it('should not take a lead paragraph that opens with a dateline for a standfirst', () => {
    expect(find(WIRE).subtitle).toBeNull();
  });

  it('should not read the README.md that documents the set as an article', () => {
    expect(result.articles.map((a) => a.input)).not.toContain(file(README));
  });
});
