/** A span of `Article.text` (UTF-16 offsets, end exclusive) with the text it covers. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type Sentence = Span;

export type MentionType = 'person' | 'organization' | 'place' | 'other';

export interface Mention extends Span {
  type: MentionType;
  /** Canonical entity key shared by every mention of the same entity, across articles ("maria-lindqvist"). */
  key: string;
  /** The name without title or role ("Maria Lindqvist"). */
  name: string;
  /** Title or role that came with the mention ("General", "former US President"), or null. */
  role: string | null;
  /** True when the mention is a demonym or adjective standing for its place ("Ukrainian forces"). */
  demonym?: boolean;
}

export type QuantityQualifier =
  'exact' | 'about' | 'at-least' | 'more-than' | 'at-most' | 'less-than' | 'range';

export interface Quantity extends Span {
  value: number;
  /** Upper bound for ranges ("between 10 and 20"), else null. */
  upper: number | null;
  qualifier: QuantityQualifier;
  /** `percent`, `USD`, `EUR`, `km`, …, or null for a plain count. */
  unit: string | null;
  /** The noun phrase counted ("Russian troops"), or null. */
  counted: Span | null;
}

export type TimeGrain = 'instant' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'duration';

export interface TimeRef extends Span {
  /** ISO 8601 date (or date-time) the expression resolves to; a duration in ISO 8601 (`P8M`) for durations. */
  value: string | null;
  grain: TimeGrain;
  /** `resolved`: fully specified in the text; `relative`: resolved against the publication date; `implied`: guessed (e.g. missing year). */
  resolution: 'resolved' | 'relative' | 'implied' | 'unresolved';
}

export type CueClass = 'assert' | 'deny' | 'acknowledge' | 'allege' | 'estimate' | 'evaluate';

export interface Attribution extends Span {
  /** Who speaks, or null for sourceless/passive attributions. */
  source: Span | null;
  /** Entity key of the source when it resolves to a mention. */
  sourceKey: string | null;
  cue: Span;
  cueClass: CueClass;
  content: Span;
  /** The pieces of a discontinuous content in text order ("“…,” she said. “…”"), when there is more than one; `content` is the first. */
  contentParts?: Span[];
  /** `direct` for quotations, `reported` for reported speech. */
  kind: 'direct' | 'reported';
  /** Index of the attribution this one is nested in, if any. */
  parent: number | null;
}

export interface Hedge extends Span {
  kind: 'hedge' | 'unverified' | 'negation';
  /** The span it qualifies (sentence or attribution content). */
  scope: Span;
}

export interface Annotations {
  sentences: Sentence[];
  mentions: Mention[];
  quantities: Quantity[];
  times: TimeRef[];
  attributions: Attribution[];
  hedges: Hedge[];
}
