import type { Discrepancy, DiscrepancyVariant } from '../model/comparison.js';
import { conceptOf } from './news-synonyms.js';
import { readPolarity, type PolarityReading } from './read-polarity.js';
import type { FactUnit } from './split-fact-units.js';
import { stemWord } from './stem-word.js';
import { unique, type StoryContext } from './story-context.js';
import { weighConcepts } from './weigh-concepts.js';

interface Reading {
  unit: FactUnit;
  reading: PolarityReading;
  proposition: Set<string>;
}

const SAY = conceptOf(stemWord('say'));
const MIN_SHARED_WORDS = 2;
const MIN_OVERLAP = 0.35;
// How close an affirmed and a negated clause of one article must be for it to report both sides.
const BOTH_SIDES_OVERLAP = 0.5;

function propositionOf(unit: FactUnit, reading: PolarityReading): Set<string> {
  return new Set(
    [...unit.concepts].filter(
      (c) => c !== SAY && !reading.triggers.has(c) && c !== `E:${reading.holder?.key}`,
    ),
  );
}

/** Weighted share of the smaller proposition found in the other, and how many plain words they share. */
function overlap(
  a: Set<string>,
  b: Set<string>,
  weights: Map<string, number>,
): { score: number; words: number } {
  let shared = 0;
  let words = 0;
  let wa = 0;
  let wb = 0;
  for (const c of a) {
    const w = weights.get(c) ?? 1;
    wa += w;
    if (b.has(c)) {
      shared += w;
      if (!c.includes(':')) words++;
    }
  }
  for (const c of b) wb += weights.get(c) ?? 1;
  const smaller = Math.min(wa, wb);
  return { score: smaller === 0 ? 0 : shared / smaller, words };
}

function alike(a: Reading, b: Reading, weights: Map<string, number>): boolean {
  const o = overlap(a.proposition, b.proposition, weights);
  return o.words >= MIN_SHARED_WORDS && o.score >= MIN_OVERLAP;
}

// Two actors of the same kind taking opposite sides is a dispute between them, which claims report.
function holdersClash(a: PolarityReading, b: PolarityReading): boolean {
  return (
    a.holder !== null && b.holder !== null && a.holder.type === b.holder.type && a.holder.key !== b.holder.key
  );
}

/**
 * Polarity discrepancies: one proposition that some articles affirm and others negate or
 * reject. An article that carries both sides reports a dispute and is left out; so is a
 * merely urged or wished proposition ("pressure to consider …").
 */
export function findPolarityDiscrepancies(ctx: StoryContext, units: FactUnit[]): Omit<Discrepancy, 'id'>[] {
  const readings: Reading[] = [];
  for (const unit of units) {
    const reading = readPolarity(unit.text, unit.start, ctx.annotations[unit.articleIndex]!);
    if (reading === null || reading.irrealis) continue;
    readings.push({ unit, reading, proposition: propositionOf(unit, reading) });
  }
  const weights = weighConcepts(readings.map((r) => r.proposition));
  const out: Omit<Discrepancy, 'id'>[] = [];
  const used = new Set<Reading>();
  for (const neg of readings) {
    if (neg.reading.polarity !== 'negated' || used.has(neg)) continue;
    const related = readings.filter((r) => r === neg || alike(neg, r, weights));
    // An article that carries both sides of the clause (an affirmed and a negated reading close to
    // each other) reports a dispute and stands on neither; a looser neighbour does not count.
    const pos: Reading[] = [];
    const negs: Reading[] = [];
    for (const articleIndex of unique(related.map((r) => r.unit.articleIndex))) {
      const own = related.filter((r) => r.unit.articleIndex === articleIndex);
      const affirmed = own.filter((r) => r.reading.polarity === 'affirmed');
      const negated = own.filter((r) => r.reading.polarity === 'negated');
      const both = affirmed.some((a) =>
        negated.some((n) => {
          const o = overlap(a.proposition, n.proposition, weights);
          return o.words >= MIN_SHARED_WORDS && o.score >= BOTH_SIDES_OVERLAP;
        }),
      );
      if (both) continue;
      // An article that negates the clause stands on that side; its looser affirmed neighbours do not move it.
      if (negated.length > 0) negs.push(...negated);
      else pos.push(...affirmed.filter((r) => !holdersClash(r.reading, neg.reading)));
    }
    if (pos.length === 0 || negs.length === 0) continue;
    for (const r of [...pos, ...negs]) used.add(r);
    out.push({
      kind: 'polarity',
      subject: subjectOf(neg, pos[0]!),
      variants: [
        {
          value: 'affirmed',
          articleIds: unique(pos.map((r) => r.unit.articleId)),
          quotes: unique(pos.map((r) => r.unit.text)),
        },
        {
          value: 'negated',
          articleIds: unique(negs.map((r) => r.unit.articleId)),
          quotes: unique(negs.map((r) => r.unit.text)),
        },
      ],
    });
  }
  return mergeSharingQuotes(out);
}

/** Discrepancies that share a quoted clause are one disagreement seen from two clauses. */
function mergeSharingQuotes(found: Omit<Discrepancy, 'id'>[]): Omit<Discrepancy, 'id'>[] {
  const merged: Omit<Discrepancy, 'id'>[] = [];
  for (const d of found) {
    const quotes = new Set(d.variants.flatMap((v) => v.quotes));
    const home = merged.find((m) => m.variants.some((v) => v.quotes.some((q) => quotes.has(q))));
    if (!home) {
      merged.push(d);
      continue;
    }
    for (const v of d.variants) {
      const target = home.variants.find((h) => h.value === v.value)!;
      target.articleIds = unique([...target.articleIds, ...v.articleIds]);
      target.quotes = unique([...target.quotes, ...v.quotes]);
    }
  }
  // An article merged onto both sides reports both: it no longer stands on either.
  return merged.filter((m) => {
    const [pos, neg] = m.variants as [DiscrepancyVariant, DiscrepancyVariant];
    const both = pos.articleIds.filter((a) => neg.articleIds.includes(a));
    pos.articleIds = pos.articleIds.filter((a) => !both.includes(a));
    neg.articleIds = neg.articleIds.filter((a) => !both.includes(a));
    return pos.articleIds.length > 0 && neg.articleIds.length > 0;
  });
}

/** The words of the negated clause that both sides share, in its order ("tax rises … pensions"). */
function subjectOf(neg: Reading, pos: Reading): string {
  const words = neg.unit.text.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const shared = words.filter((w) => {
    const c = conceptOf(stemWord(w.toLowerCase()));
    return pos.proposition.has(c) && neg.proposition.has(c);
  });
  const entities = [...neg.proposition].filter((c) => c.startsWith('E:') && pos.proposition.has(c));
  const names = neg.unit.text.length > 0 ? entities.map((e) => e.slice(2)) : [];
  return unique([...shared, ...names]).join(' ') || neg.unit.text;
}
