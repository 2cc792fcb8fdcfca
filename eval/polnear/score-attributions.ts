import type { GoldAttribution, GoldSpan } from './read-brat.js';

export type Role = 'cue' | 'source' | 'content';
export const ROLES: readonly Role[] = ['cue', 'source', 'content'];

export interface Counts {
  tp: number;
  predicted: number;
  gold: number;
}

export interface DocumentScore {
  roles: Record<Role, Counts>;
  whole: Counts;
}

/** Token start offsets, so that spans can be compared by the tokens they cover. */
export function tokenOffsets(text: string): Array<[number, number]> {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

/** Indexes of the tokens a span covers (a token counts when its middle lies inside a piece). */
export function tokensOf(span: GoldSpan | null, tokens: Array<[number, number]>): Set<number> {
  const out = new Set<number>();
  if (!span) return out;
  tokens.forEach(([a, b], i) => {
    const mid = (a + b) / 2;
    if (span.pieces.some(([s, e]) => s <= mid && mid < e)) out.add(i);
  });
  return out;
}

/** Two token sets match when their overlap is at least half of each. */
export function matches(a: Set<number>, b: Set<number>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let overlap = 0;
  for (const x of a) if (b.has(x)) overlap++;
  return overlap * 2 >= a.size && overlap * 2 >= b.size;
}

/** One-to-one greedy matching in order; returns the number of matched pairs. */
export function matchOneToOne<P, G>(pred: P[], gold: G[], ok: (p: P, g: G) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const p of pred) {
    const g = gold.findIndex((x, i) => !used.has(i) && ok(p, x));
    if (g >= 0) {
      used.add(g);
      tp++;
    }
  }
  return tp;
}

type Tokenized = Record<Role, Set<number>>;

/** Scores predicted against gold attributions of one document. */
export function scoreDocument(
  text: string,
  predicted: GoldAttribution[],
  gold: GoldAttribution[],
): DocumentScore {
  const tokens = tokenOffsets(text);
  const tok = (a: GoldAttribution): Tokenized => ({
    cue: tokensOf(a.cue, tokens),
    source: tokensOf(a.source, tokens),
    content: tokensOf(a.content, tokens),
  });
  const p = predicted.map(tok);
  const g = gold.map(tok);
  const roles = Object.fromEntries(
    ROLES.map((role) => {
      const ps = p.map((x) => x[role]).filter((s) => s.size > 0);
      const gs = g.map((x) => x[role]).filter((s) => s.size > 0);
      return [role, { tp: matchOneToOne(ps, gs, matches), predicted: ps.length, gold: gs.length }];
    }),
  ) as Record<Role, Counts>;
  const wholeOk = (a: Tokenized, b: Tokenized): boolean =>
    matches(a.cue, b.cue) &&
    (b.source.size === 0 || matches(a.source, b.source)) &&
    (b.content.size === 0 || matches(a.content, b.content));
  return { roles, whole: { tp: matchOneToOne(p, g, wholeOk), predicted: p.length, gold: g.length } };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, predicted: a.predicted + b.predicted, gold: a.gold + b.gold };
}

export function prf(c: Counts): { p: number; r: number; f: number } {
  const p = c.predicted ? c.tp / c.predicted : 0;
  const r = c.gold ? c.tp / c.gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
