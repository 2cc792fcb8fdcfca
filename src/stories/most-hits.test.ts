import { describe, expect, it } from 'vitest';
import { keepMostHits } from './most-hits.js';

describe('keepMostHits', () => {
  it('should pick the ids a full sort by hits, then id, puts first', () => {
    let seed = 3;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let round = 0; round < 50; round++) {
      const hits = new Map<number, number>();
      const size = 1 + Math.floor(random() * 60);
      while (hits.size < size) hits.set(Math.floor(random() * 500), 1 + Math.floor(random() * 4));
      const bySort = [...hits]
        .sort((x, y) => y[1] - x[1] || x[0] - y[0])
        .slice(0, 16)
        .map((e) => e[0]);
      expect(keepMostHits(hits.keys(), (id) => hits.get(id) as number, 16)).toEqual(bySort);
    }
  });
});
