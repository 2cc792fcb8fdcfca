import { describe, expect, it } from 'vitest';
import { PostingStore } from './posting-store.js';

/** The plain form the store replaces: per term, its entries (one per run of a story), as a list. */
class PlainLists {
  readonly lists = new Map<number, number[]>();
  constructor(readonly cap: number) {}
  add(term: number, story: number): void {
    const list = this.lists.get(term);
    if (!list) this.lists.set(term, [story]);
    else if (list[list.length - 1] !== story && list.length <= this.cap) list.push(story);
  }
  /** Stories in first-come order with their entry counts; none when saturated. */
  stories(term: number): [number, number][] {
    const list = this.lists.get(term) ?? [];
    if (list.length > this.cap) return [];
    const counts = new Map<number, number>();
    for (const story of list) counts.set(story, (counts.get(story) ?? 0) + 1);
    return [...counts];
  }
}

const read = (store: PostingStore, term: number): [number, number][] => {
  const { at, count } = store.stories(term);
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++)
    out.push([store.pairs[at + 2 * i] as number, store.pairs[at + 2 * i + 1] as number]);
  return out;
};

describe('PostingStore', () => {
  it('should hold what plain lists hold through growth, saturation, deletion and saved entries', () => {
    const cap = 1000;
    const store = new PostingStore(cap);
    const plain = new PlainLists(cap);
    let seed = 7;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 60_000; step++) {
      // Terms 0-3 get long lists (past 64 stories, under the cap), 4-5 longer ones (past the
      // cap), most stay short.
      const pick = random();
      const term =
        pick < 0.05
          ? Math.floor(random() * 4)
          : pick < 0.55
            ? 4 + Math.floor(random() * 2)
            : Math.floor(random() * 3000);
      const story = Math.floor(random() * (term < 6 ? 300 : 6));
      store.add(term, story);
      plain.add(term, story);
      if (random() < 0.02) {
        const gone = Math.floor(random() * 3000);
        store.delete(gone);
        plain.lists.delete(gone);
      }
    }
    expect(store.size).toBe(plain.lists.size);
    expect([...store.terms()]).toEqual([...plain.lists.keys()].sort((a, b) => a - b));
    expect([0, 1, 2, 3].map((term) => read(store, term).length > 64)).toEqual([true, true, true, true]);
    expect(store.isSaturated(4) && store.isSaturated(5)).toBe(true);
    for (const term of plain.lists.keys()) {
      expect(read(store, term)).toEqual(plain.stories(term));
      expect(store.isSaturated(term)).toBe((plain.lists.get(term) as number[]).length > cap);
    }
    // Saved and restored, each list gives the same stories, counts and next behaviour.
    const again = new PostingStore(cap);
    for (const term of store.terms())
      if (store.isSaturated(term)) again.restoreSaturated(term);
      else again.restore(term, store.entries(term));
    for (const term of plain.lists.keys()) {
      expect(read(again, term)).toEqual(read(store, term));
      const last = (plain.lists.get(term) as number[]).at(-1) as number;
      again.add(term, last);
      store.add(term, last);
      expect(read(again, term)).toEqual(read(store, term));
      again.add(term, last + 1);
      store.add(term, last + 1);
      expect(read(again, term)).toEqual(read(store, term));
    }
  });

  it('should give nothing for unknown terms and keep a saturated list saturated', () => {
    const store = new PostingStore(2);
    expect(store.stories(5)).toEqual({ at: 0, count: 0 });
    expect(store.has(5)).toBe(false);
    for (const story of [1, 2, 1, 3]) store.add(9, story);
    expect(store.isSaturated(9)).toBe(true);
    expect(read(store, 9)).toEqual([]);
    store.add(9, 4);
    expect(store.isSaturated(9)).toBe(true);
    store.delete(9);
    expect(store.has(9)).toBe(false);
    store.add(9, 4);
    expect(read(store, 9)).toEqual([[4, 1]]);
  });
});
