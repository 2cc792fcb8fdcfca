/**
 * Token-shingle matching as used by the public article-extraction benchmark: texts are
 * split into word tokens (runs of letters, digits, marks and underscores), overlapping
 * 4-token shingles are counted as multisets, and true/false positives are the overlap
 * and the excess on either side. Each document's counts are normalised to sum to one so
 * long articles do not outweigh short ones.
 */

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ShingleOptions {
  /** Shingle length in tokens (benchmark: 4). */
  size?: number;
  /** Fold case before comparing (the benchmark compares case-sensitively). */
  lowerCase?: boolean;
}

const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;

export function tokenize(text: string, lowerCase = false): string[] {
  const source = lowerCase ? text.toLowerCase() : text;
  return source.match(TOKEN) ?? [];
}

export function countShingles(text: string, options: ShingleOptions = {}): Map<string, number> {
  const size = options.size ?? 4;
  const tokens = tokenize(text, options.lowerCase ?? false);
  const counts = new Map<string, number>();
  // A text shorter than one shingle still yields its few tokens as a single shingle.
  const last = Math.max(1, tokens.length - size + 1);
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + size).join(' ');
    if (shingle) counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

export function matchShingles(gold: string, predicted: string, options: ShingleOptions = {}): ShingleCounts {
  const goldCounts = countShingles(gold, options);
  const predCounts = countShingles(predicted, options);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, g] of goldCounts) {
    const p = predCounts.get(key) ?? 0;
    tp += Math.min(g, p);
    fn += Math.max(0, g - p);
  }
  for (const [key, p] of predCounts) {
    fp += Math.max(0, p - (goldCounts.get(key) ?? 0));
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

export function f1Of(counts: ShingleCounts): number {
  const p = precisionOf(counts);
  const r = recallOf(counts);
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export interface ShingleSummary {
  documents: number;
  /** Mean of per-document precision over documents with any predicted shingle. */
  precision: number;
  /** Mean of per-document recall over documents with any gold shingle. */
  recall: number;
  /** Harmonic mean of the mean precision and mean recall: the benchmark's headline F1. */
  f1: number;
  /** Mean of the per-document F1 scores. */
  meanDocumentF1: number;
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

export function summarizeShingles(all: ShingleCounts[]): ShingleSummary {
  const precision = mean(all.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(all.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { documents: all.length, precision, recall, f1, meanDocumentF1: mean(all.map(f1Of)) };
}
