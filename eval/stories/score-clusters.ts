/** Clustering scores against gold labels: B-cubed precision, recall, F1 and the adjusted Rand index. */
export interface ClusterScores {
  precision: number;
  recall: number;
  f1: number;
  ari: number;
}

/**
 * Scores a predicted clustering (item → cluster) against gold labels (item → class).
 * Only items present in both are scored.
 */
export function scoreClusters(
  predicted: ReadonlyMap<string, string>,
  gold: ReadonlyMap<string, string>,
): ClusterScores {
  const items = [...gold.keys()].filter((id) => predicted.has(id));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0, ari: 0 };
  const predictedSize = new Map<string, number>();
  const goldSize = new Map<string, number>();
  const joint = new Map<string, number>();
  for (const id of items) {
    const p = predicted.get(id) as string;
    const g = gold.get(id) as string;
    predictedSize.set(p, (predictedSize.get(p) ?? 0) + 1);
    goldSize.set(g, (goldSize.get(g) ?? 0) + 1);
    const key = JSON.stringify([p, g]);
    joint.set(key, (joint.get(key) ?? 0) + 1);
  }
  let precision = 0;
  let recall = 0;
  for (const id of items) {
    const p = predicted.get(id) as string;
    const g = gold.get(id) as string;
    const both = joint.get(JSON.stringify([p, g])) as number;
    precision += both / (predictedSize.get(p) as number);
    recall += both / (goldSize.get(g) as number);
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision,
    recall,
    f1,
    ari: adjustedRand([...joint.values()], [...predictedSize.values()], [...goldSize.values()], items.length),
  };
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

function adjustedRand(joint: number[], rows: number[], columns: number[], n: number): number {
  const index = joint.reduce((s, x) => s + pairs(x), 0);
  const a = rows.reduce((s, x) => s + pairs(x), 0);
  const b = columns.reduce((s, x) => s + pairs(x), 0);
  const expected = (a * b) / pairs(n);
  const max = (a + b) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
