import { describe, expect, it } from 'vitest';
import { IntCounts, IntMultiMap } from './int-tables.js';

/** A seeded generator of numbers in [0, 1). */
function randomOf(start: number): () => number {
  let seed = start;
  return () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('IntMultiMap', () => {
  it('should behave as a Map of value lists through growth, removals and rebuilds', () => {
    const table = new IntMultiMap();
    const lists = new Map<number, number[]>();
    const random = randomOf(7);
    for (let step = 0; step < 60_000; step++) {
      // Keys over the whole unsigned range (hashes), values small so that repeats happen.
      const key = (Math.floor(random() * 3_000) * 0x9e3779b1) >>> 0;
      const value = Math.floor(random() * 50);
      const list = lists.get(key) ?? [];
      const action = random();
      if (action < 0.55) {
        table.add(key, value);
        lists.set(key, [...list, value]);
      } else if (action < 0.85) {
        const at = list.indexOf(value);
        expect(table.remove(key, value)).toBe(at >= 0);
        if (at >= 0)
          lists.set(
            key,
            list.filter((_, i) => i !== at),
          );
      } else expect(table.count(key)).toBe(list.length);
    }
    let size = 0;
    for (const [key, list] of lists) {
      const found: number[] = [];
      table.forEach(key, (value) => found.push(value));
      expect(found.sort((a, b) => a - b)).toEqual([...list].sort((a, b) => a - b));
      size += list.length;
    }
    expect(table.size).toBe(size);
    expect(table.count(12345)).toBe(lists.get(12345)?.length ?? 0);
  });

  it('should keep finding the values of one key behind many removed ones (tombstones)', () => {
    const table = new IntMultiMap();
    for (let i = 0; i < 1000; i++) table.add(1, i);
    table.add(2, 7);
    for (let i = 0; i < 1000; i++) expect(table.remove(1, i)).toBe(true);
    expect(table.count(1)).toBe(0);
    expect(table.count(2)).toBe(1);
    expect(table.remove(1, 0)).toBe(false);
    expect(table.size).toBe(1);
  });

  it('should refuse a negative value', () => {
    expect(() => new IntMultiMap().add(1, -1)).toThrow(TypeError);
  });
});

describe('IntCounts', () => {
  it('should behave as a Map of counts that drops a key at 0', () => {
    const counts = new IntCounts();
    const map = new Map<number, number>();
    const random = randomOf(11);
    for (let step = 0; step < 60_000; step++) {
      const key = (Math.floor(random() * 5_000) * 0x85ebca6b) >>> 0;
      const have = map.get(key) ?? 0;
      const delta = have > 0 && random() < 0.45 ? -1 : 1;
      expect(counts.add(key, delta)).toBe(have + delta);
      if (have + delta > 0) map.set(key, have + delta);
      else map.delete(key);
    }
    expect(counts.size).toBe(map.size);
    for (const [key, count] of map) expect(counts.get(key)).toBe(count);
    expect(counts.get(0xffffffff)).toBe(map.get(0xffffffff) ?? 0);
  });

  it('should refuse a count below 0', () => {
    expect(() => new IntCounts().add(3, -1)).toThrow(RangeError);
  });
});
