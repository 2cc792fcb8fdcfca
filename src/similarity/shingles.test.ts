import { describe, expect, it } from 'vitest';
import { makeRandom } from '../../eval/stories/make-copies.js';
import { sortUint32, uniqueSorted } from './shingles.js';

/** `count` unsigned 32-bit values from a seeded generator, with repeats and both extremes. */
function values(count: number, seed: number): Uint32Array {
  const random = makeRandom(seed);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const r = random();
    out[i] =
      r < 0.05
        ? 0
        : r < 0.1
          ? 0xffffffff
          : r < 0.3
            ? Math.floor(random() * 300)
            : Math.floor(random() * 2 ** 32);
  }
  return out;
}

const byValue = (a: number, b: number): number => a - b;

describe('sortUint32', () => {
  it('should sort as the typed array sort does, below and above the radix threshold', () => {
    for (const count of [0, 1, 2, 127, 128, 129, 700, 5000])
      for (const seed of [1, 2, 3]) {
        const input = values(count, seed + count);
        const expected = [...input].sort(byValue);
        expect([...sortUint32(input)]).toEqual(expected);
      }
  });

  it('should sort a view in place and leave the rest of its buffer as it was', () => {
    const all = values(3000, 9);
    const before = all.slice();
    sortUint32(all.subarray(500, 2500));
    expect([...all.subarray(500, 2500)]).toEqual([...before.subarray(500, 2500)].sort(byValue));
    expect([...all.subarray(0, 500)]).toEqual([...before.subarray(0, 500)]);
    expect([...all.subarray(2500)]).toEqual([...before.subarray(2500)]);
  });
});

describe('uniqueSorted', () => {
  it('should give the distinct values in order and leave its input as it was', () => {
    const input = values(1000, 4);
    const before = input.slice();
    expect([...uniqueSorted(input)]).toEqual([...new Set(input)].sort(byValue));
    expect(input).toEqual(before);
  });
});
