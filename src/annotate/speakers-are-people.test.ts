import { describe, expect, it } from 'vitest';
import { cleanDraft } from '../ingest/clean/clean-draft.js';
import type { Attribution, Mention } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import { annotateArticle } from './annotate-articles.js';
import { speakersArePeople } from './speakers-are-people.js';

function article(body: string): Article {
  const { article } = cleanDraft({
    id: 'a',
    input: 'a',
    kind: 'jsonl',
    body,
    title: 'Headline',
    published: null,
  });
  if (!article) throw new Error('fixture did not clean');
  return article;
}

const mention = (text: string, start: number, type: Mention['type'], key: string): Mention => ({
  text,
  start,
  end: start + text.length,
  type,
  key,
  name: text,
  role: null,
});

const saidBy = (start: number, end: number, text: string): Attribution => ({
  text,
  start,
  end,
  source: { text, start, end },
  sourceKey: null,
  cue: { text: 'said', start: end + 1, end: end + 5 },
  cueClass: 'assert',
  content: { text: 'it', start: end + 6, end: end + 8 },
  kind: 'reported',
  parent: null,
});

describe('speakersArePeople', () => {
  it('makes a person of a speaker typed a place by the look of a surname, in every mention of it', () => {
    const { mentions } = annotateArticle(
      article(
        'The council met on Tuesday to discuss the budget. Anna Rose and Tom Field spoke to reporters. ' +
          'Tom Field said the vote was close.',
      ),
    );
    const field = mentions.filter((m) => m.name === 'Tom Field');
    expect(field).toHaveLength(2);
    expect(field.every((m) => m.type === 'person')).toBe(true);
  });

  it('leaves a place that is only named in the source, a place head and a known place alone', () => {
    const hill = mention('Mark Hill', 13, 'place', 'mark-hill');
    expect(speakersArePeople([hill], [saidBy(0, 22, 'Residents of Mark Hill')])[0]!.type).toBe('place');
    const county = mention('Marion County', 0, 'place', 'marion');
    expect(speakersArePeople([county], [saidBy(0, 13, 'Marion County')])[0]!.type).toBe('place');
    const person = mention('Dale Pond', 0, 'place', 'dale-pond');
    expect(speakersArePeople([person], [saidBy(0, 9, 'Dale Pond')])[0]!.type).toBe('person');
  });

  it('joins the surname alone to the speaker once the speaker is a person', () => {
    const full = mention('Dale Pond', 0, 'place', 'dale-pond');
    const surname = mention('Pond', 30, 'other', 'pond');
    const out = speakersArePeople([full, surname], [saidBy(0, 9, 'Dale Pond')]);
    expect(out.map((m) => m.key)).toEqual(['dale-pond', 'dale-pond']);
  });

  it('returns the same mentions when no attribution has a source', () => {
    const mentions = [mention('Dale Pond', 0, 'place', 'dale-pond')];
    expect(speakersArePeople(mentions, [])).toBe(mentions);
  });
});
