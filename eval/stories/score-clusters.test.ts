import { describe, expect, it } from 'vitest';
import { scoreClusters } from './score-clusters.js';

const map = (o: Record<string, string>) => new Map(Object.entries(o));

describe('scoreClusters', () => {
  it('should give 1 for a perfect clustering whatever the cluster names', () => {
    const s = scoreClusters(map({ a: 'x', b: 'x', c: 'y' }), map({ a: '1', b: '1', c: '2' }));
    expect(s).toEqual({ precision: 1, recall: 1, f1: 1, ari: 1 });
  });

  it('should compute B-cubed for one merged cluster', () => {
    const s = scoreClusters(map({ a: 'x', b: 'x', c: 'x' }), map({ a: '1', b: '1', c: '2' }));
    expect(s.precision).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3) / 3);
    expect(s.recall).toBe(1);
    expect(s.ari).toBeCloseTo(0);
  });
});
