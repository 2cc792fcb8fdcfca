/**
 * compromise's word lexicon in a compact form: each distinct list of tags once, with the
 * words that carry exactly that list. The build writes it to `dist` (tsup.config.ts), so
 * the CLI reads a small table instead of loading compromise, which builds its whole
 * lexicon at import; from source, the same table is made from compromise on first use.
 */
export interface CompactLexicon {
  /**
   * Each list of tags with its words. The words are JSON arrays rather than one joined string:
   * the strings JSON.parse hands back go into the word table faster than the pieces of a
   * split string (expanding the table: 10-12 against 13-17 ms CPU at a cold start, load 13).
   */
  tagged: Array<[tags: string[], words: string[]]>;
  /** Words that head organisation names ("academy", "administration"). */
  orgWords: string[];
  /** Words that head place names ("bay", "basin"). */
  placeWords: string[];
}

/** What lexicon-tags looks words up in. */
export interface LexiconTables {
  /**
   * Tags by word, in an object without prototype rather than a Map: looking a word up
   * as a property interns the word's string, which made the later Set and Map lookups
   * of the same token strings faster; with a Map here the annotate bench's stages
   * other than attributions cost 2.3-2.6 ms/article against 1.5-1.9 (tsx, load 7-11).
   */
  tags: Readonly<Record<string, readonly string[]>>;
  orgWords: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
}

/** The parts of compromise's model that are read (`nlp.model()`). */
export interface CompromiseLexiconModel {
  one: { lexicon: Record<string, string | string[] | undefined> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

export function compactLexicon(model: CompromiseLexiconModel): CompactLexicon {
  const groups = new Map<string, { tags: string[]; words: string[] }>();
  for (const [word, value] of Object.entries(model.one.lexicon)) {
    if (value === undefined) continue;
    const tags = typeof value === 'string' ? [value] : [...value];
    const id = JSON.stringify(tags);
    const group = groups.get(id);
    if (group) group.words.push(word);
    else groups.set(id, { tags, words: [word] });
  }
  return {
    tagged: [...groups.values()].map(({ tags, words }) => [tags, words]),
    orgWords: Object.keys(model.two.orgWords),
    placeWords: Object.keys(model.two.placeWords),
  };
}

export function expandLexicon(compact: CompactLexicon): LexiconTables {
  const tags = Object.create(null) as Record<string, readonly string[]>;
  for (const [list, words] of compact.tagged) {
    const shared = Object.freeze([...list]);
    for (const word of words) tags[word] = shared;
  }
  return {
    tags,
    orgWords: new Set(compact.orgWords),
    placeWords: new Set(compact.placeWords),
  };
}
