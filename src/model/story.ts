/** How one article derives from another. */
export type DerivationKind = 'duplicate' | 'rewrite' | 'shared-source';

/**
 * A derivation edge between two articles of a story. When `directed`, `from` is the
 * origin and `to` the copy; otherwise the order is by id and says nothing.
 */
export interface Derivation {
  from: string;
  to: string;
  kind: DerivationKind;
  /** The overlap behind the edge, 0..1: shingle Jaccard for duplicates, containment for rewrites, share of aligned sentences for a shared source. */
  similarity: number;
  directed: boolean;
  /** What the direction rests on, or null when undirected. */
  directionBasis: 'published' | 'containment' | null;
  /** How many sentences of `to` are copied or lightly rewritten from `from`. */
  alignedSentences: number;
}

/** The articles about one event, with the derivation edges between them. */
export interface Story {
  id: string;
  title: string;
  articleIds: string[];
  derivations: Derivation[];
  /** Articles that are copies or rewrites of one origin, as groups of ids: support is counted once per group. */
  independentGroups: string[][];
  facts: unknown[];
  discrepancies: unknown[];
  claims: unknown[];
  brief: unknown[];
}
