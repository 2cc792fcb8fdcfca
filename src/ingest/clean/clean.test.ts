import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchBoilerplate } from './boilerplate-rules.js';
import { cleanDraft } from './clean-draft.js';
import { isHeadlineLike } from './classify-paragraph.js';
import { contentHash } from './content-hash.js';
import { detectLanguage } from './detect-language.js';
import { normalizeText } from './normalize-text.js';
import { parseDateLine } from './parse-date-line.js';
import { readDateline } from './read-dateline.js';
import { splitParagraphs } from './split-paragraphs.js';

const draft = (body: string, extra: Record<string, unknown> = {}) => ({
  id: 'a.txt',
  input: 'a.txt',
  kind: 'text' as const,
  body,
  ...extra,
});

const PROSE =
  'The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers.';
const PROSE2 =
  'Engineers said the repairs would take at least six months, and the council has asked the regional government for help with the cost.';

describe('normalizeText', () => {
  it('should map quote variants one unit to one and collapse spaces', () => {
    expect(normalizeText('\u201CHello\u201D  said\u00A0she \u2018ok\u2019')).toBe('"Hello" said she \'ok\'');
  });
  it('should compose to NFC and drop invisible characters', () => {
    expect(normalizeText('Cafe\u0301\u200B ok')).toBe('Café ok');
  });
  it('should keep line structure and unify line breaks', () => {
    expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc');
  });
});

describe('splitParagraphs', () => {
  it('should split on blank lines and on single newlines between paragraphs', () => {
    expect(splitParagraphs(`${PROSE}\n${PROSE2}\n\nThird.`)).toEqual([PROSE, PROSE2, 'Third.']);
  });
  it('should join hard-wrapped lines of one paragraph', () => {
    const wrapped =
      'The council voted on Tuesday to close the old harbour\nbridge to lorries after engineers found cracks in two\nof its piers, a spokeswoman for the council said.\n\nNext paragraph.';
    expect(splitParagraphs(wrapped)).toEqual([
      'The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its piers, a spokeswoman for the council said.',
      'Next paragraph.',
    ]);
  });
});

describe('matchBoilerplate', () => {
  it.each([
    ['Have something to say? Post your comment', 'comment-prompt'],
    ['Leave a reply', 'comment-prompt'],
    ['Most Read (12)', 'counter'],
    ['Share this article', 'call-to-action'],
    ['Sign up for our daily newsletter', 'call-to-action'],
    ['Read more: the bridge story', 'call-to-action'],
    ['Home > World > Europe', 'navigation-crumbs'],
    ['© 2026 Example Media. All rights reserved.', 'legal'],
  ])('should recognise %j as %s', (line, rule) => {
    expect(matchBoilerplate(line)).toBe(rule);
  });
  it('should leave sentences that only mention such words alone', () => {
    expect(
      matchBoilerplate('Shares in the company fell 4% after the minister said she would read more reports.'),
    ).toBeNull();
    expect(matchBoilerplate(PROSE)).toBeNull();
  });
});

describe('parseDateLine', () => {
  it('should read a lone date line with and without time', () => {
    expect(parseDateLine('Saturday, March 29, 2025')?.date?.value).toBe('2025-03-29');
    expect(parseDateLine('Updated: 27 Apr 2025, 14:05 GMT')?.date?.value).toBe('2025-04-27T14:05Z');
  });
  it('should recognise a lone time without inventing a date', () => {
    expect(parseDateLine('3 hours ago')).toEqual({ date: null });
  });
  it('should reject lines with other content', () => {
    expect(parseDateLine('The war began on February 24, 2022.')).toBeNull();
    expect(parseDateLine('Bridge Closed To Lorries')).toBeNull();
  });
});

describe('readDateline', () => {
  it('should read place, date and agency from a wire dateline', () => {
    const d = readDateline('OSLO, June 3 (Nordwire) — The minister resigned.', 2026);
    expect(d).toMatchObject({
      place: 'OSLO',
      agency: 'Nordwire',
      date: { value: '2026-06-03', where: 'dateline' },
    });
  });
  it('should read a city, country dateline without a date', () => {
    expect(readDateline('Lagos, Nigeria — The port reopened.', null)?.place).toBe('Lagos, Nigeria');
  });
  it('should not take an ordinary opening for a dateline', () => {
    expect(readDateline('The minister resigned — and nobody was surprised.', null)).toBeNull();
  });
});

describe('isHeadlineLike', () => {
  it('should accept title-case and short headlines, reject prose', () => {
    expect(isHeadlineLike('Council Closes Harbour Bridge After Cracks Found')).toBe(true);
    expect(isHeadlineLike('Bridge closed to lorries')).toBe(true);
    expect(isHeadlineLike(PROSE)).toBe(false);
  });
});

describe('cleanDraft', () => {
  it('should find the title, drop its repetition and keep a teaser paragraph in the body', () => {
    const body = `${PROSE}\nHarbour Bridge Closed To Lorries After Cracks Found\n\nHarbour Bridge Closed To Lorries After Cracks Found\n${PROSE2}\nA third paragraph of reporting that carries the rest of the story in full.`;
    const { article } = cleanDraft(draft(body));
    expect(article?.title).toBe('Harbour Bridge Closed To Lorries After Cracks Found');
    expect(article?.text.split('\n\n')).toEqual([
      PROSE,
      PROSE2,
      'A third paragraph of reporting that carries the rest of the story in full.',
    ]);
    expect(article?.subtitle).toBe(PROSE2);
  });
  it('should invent no title when the text starts with prose', () => {
    const { article } = cleanDraft(draft(`${PROSE}\n\n${PROSE2}\n\nShort Heading Later\n\nMore text here.`));
    expect(article?.title).toBeNull();
  });
  it('should remove header dates, counters, bylines and comment prompts, and report conflicting dates', () => {
    const body = `Saturday, March 29, 2025\n\nBridge Closed To Lorries\n\nApril 27, 2025 12:22 PM\nMost Read (46)\n\nBy Jane Example\n\n${PROSE}\n\n${PROSE2}\n\nHave something to say? Post your comment`;
    const { article, messages } = cleanDraft(draft(body));
    expect(article?.title).toBe('Bridge Closed To Lorries');
    expect(article?.byline).toBe('Jane Example');
    expect(article?.text).toBe(`${PROSE}\n\n${PROSE2}`);
    expect(article?.dates.map((d) => d.value)).toEqual(['2025-03-29', '2025-04-27T12:22']);
    expect(article?.published).toBe('2025-04-27T12:22');
    expect(messages.map((m) => m.ruleId)).toContain('clean:conflicting-dates');
  });
  it('should not report dates that agree on the day', () => {
    const body = `Bridge Closed To Lorries\n\nApril 27, 2025\n\nApril 27, 2025 12:22 PM\n\n${PROSE}\n\n${PROSE2}`;
    expect(cleanDraft(draft(body)).messages).toEqual([]);
  });
  it('should keep every paragraph once', () => {
    const { article } = cleanDraft(draft(`${PROSE}\n\n${PROSE2}\n\n${PROSE}`));
    expect(article?.text).toBe(`${PROSE}\n\n${PROSE2}`);
  });
  it('should give a fatal message and no article for an empty or all-boilerplate body', () => {
    const { article, messages } = cleanDraft(draft('Share this article\n\nLeave a reply\n'));
    expect(article).toBeNull();
    expect(messages[0]).toMatchObject({ ruleId: 'clean:empty-body', fatal: true, place: 'a.txt' });
  });
  it('should keep a very short text with a warning naming the input and its length', () => {
    const { article, messages } = cleanDraft(draft('Breaking'));
    expect(article?.text).toBe('Breaking');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ ruleId: 'clean:short-body', fatal: false, place: 'a.txt' });
    expect(messages[0]!.reason).toContain('only 1 word long');
    expect(article?.messages.map((m) => m.ruleId)).toEqual(['clean:short-body']);
  });
  it('should not warn about a one-sentence item of real length', () => {
    expect(cleanDraft(draft('The parliament election is over in the capital.')).messages).toEqual([]);
  });
  it('should remove a known title repeated at the top of the body', () => {
    const { article } = cleanDraft(
      draft(`Bridge Closed\n\n${PROSE}`, { kind: 'jsonl', title: 'Bridge Closed' }),
    );
    expect(article?.text).toBe(PROSE);
    expect(article?.title).toBe('Bridge Closed');
  });
  it('should take the outlet from the URL host when none is given', () => {
    const { article } = cleanDraft(draft(PROSE, { url: 'https://www.example-news.org/a/1' }));
    expect(article?.outlet).toBe('example-news.org');
  });
  it('should never throw and keep text free of blank runs on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (body) => {
        const { article } = cleanDraft(draft(body));
        if (article) {
          expect(article.text).not.toMatch(/\n{3,}/);
          expect(article.text.trim()).toBe(article.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('detectLanguage and contentHash', () => {
  it('should detect English and give und for short text', () => {
    expect(detectLanguage(`${PROSE} ${PROSE2}`)).toBe('eng');
    expect(detectLanguage('Too short.')).toBe('und');
  });
  it('should hash the same content the same whatever its spacing and case', () => {
    expect(contentHash('Hello,  World')).toBe(contentHash('hello world'));
    expect(contentHash('hello world')).not.toBe(contentHash('hello there'));
  });
});
