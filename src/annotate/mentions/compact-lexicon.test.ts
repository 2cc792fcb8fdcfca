import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { compactLexicon, expandLexicon, type CompromiseLexiconModel } from './compact-lexicon.js';

const model = (nlp as unknown as { model: () => CompromiseLexiconModel }).model();

describe('compactLexicon', () => {
  it("gives every word of compromise's lexicon the same tags, in order, and no other word", () => {
    const tables = expandLexicon(JSON.parse(JSON.stringify(compactLexicon(model))));
    const entries = Object.entries(model.one.lexicon).filter(([, v]) => v !== undefined);
    expect(Object.keys(tables.tags).length).toBe(entries.length);
    for (const [word, value] of entries) {
      expect(tables.tags[word]).toEqual(typeof value === 'string' ? [value] : value);
    }
    expect([...tables.orgWords].sort()).toEqual(Object.keys(model.two.orgWords).sort());
    expect([...tables.placeWords].sort()).toEqual(Object.keys(model.two.placeWords).sort());
  });

  it('refuses a word holding the separator', () => {
    expect(() =>
      compactLexicon({ one: { lexicon: { 'a\nb': 'Noun' } }, two: { orgWords: {}, placeWords: {} } }),
    ).toThrow(/separator/);
  });

  it('keeps empty word lists empty', () => {
    const tables = expandLexicon(
      compactLexicon({ one: { lexicon: {} }, two: { orgWords: {}, placeWords: {} } }),
    );
    expect(Object.keys(tables.tags)).toEqual([]);
    expect(tables.orgWords.size).toBe(0);
  });
});
