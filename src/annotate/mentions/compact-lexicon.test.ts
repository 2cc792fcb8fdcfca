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

  it('keeps words holding line breaks or other separators whole', () => {
    const tables = expandLexicon(
      JSON.parse(
        JSON.stringify(
          compactLexicon({
            one: { lexicon: { 'a\nb': 'Noun', 'c|d': ['Noun', 'Emoticon'] } },
            two: { orgWords: {}, placeWords: {} },
          }),
        ),
      ),
    );
    expect(tables.tags['a\nb']).toEqual(['Noun']);
    expect(tables.tags['c|d']).toEqual(['Noun', 'Emoticon']);
    expect(Object.keys(tables.tags)).toHaveLength(2);
  });

  it('keeps empty word lists empty', () => {
    const tables = expandLexicon(
      compactLexicon({ one: { lexicon: {} }, two: { orgWords: {}, placeWords: {} } }),
    );
    expect(Object.keys(tables.tags)).toEqual([]);
    expect(tables.orgWords.size).toBe(0);
  });
});
