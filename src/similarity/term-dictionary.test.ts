import { describe, expect, it } from 'vitest';
import { TermDictionary } from './term-dictionary.js';

describe('TermDictionary', () => {
  it('should behave as a Map of terms through growth, deletions and rebuilds', () => {
    const dictionary = new TermDictionary();
    const map = new Map<string, number>();
    let seed = 5;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 60_000; step++) {
      const term = `t${Math.floor(random() * 20_000).toString(36)}_${step % 3 === 0 ? 'x' : 'é'}`;
      const action = random();
      if (action < 0.6) {
        const id = map.get(term) ?? step;
        map.set(term, id);
        expect(dictionary.getOrSet(term, step)).toBe(id);
      } else if (action < 0.8) expect(dictionary.delete(term)).toBe(map.delete(term));
      else expect(dictionary.get(term)).toBe(map.get(term));
    }
    expect(dictionary.size).toBe(map.size);
    for (const [term, id] of map) expect(dictionary.get(term)).toBe(id);
    expect(dictionary.has('never added')).toBe(false);
  });

  it('should tell apart terms that differ in one character or in length', () => {
    const dictionary = new TermDictionary();
    const terms = ['ab', 'ba', 'a', 'ab_', 'a_b', '', 'aa', 'ab\u0000'];
    terms.forEach((term, id) => dictionary.set(term, id));
    terms.forEach((term, id) => expect(dictionary.get(term)).toBe(id));
    expect(dictionary.size).toBe(terms.length);
  });

  it('should refuse a negative id', () => {
    expect(() => new TermDictionary().set('word', -1)).toThrow(TypeError);
  });
});
