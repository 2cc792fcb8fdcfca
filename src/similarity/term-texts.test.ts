import { describe, expect, it } from 'vitest';
import { TermTexts } from './term-texts.js';

describe('TermTexts', () => {
  it('should give back each id its term through growth, forgetting and compaction', () => {
    const texts = new TermTexts();
    const model: string[] = [];
    let seed = 11;
    const random = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let step = 0; step < 40_000; step++) {
      const length = 1 + Math.floor(random() * 30);
      const term = `${step.toString(36)}_${'ab€😀'.repeat(length)}`.slice(0, length + 3);
      if (random() < 0.5) expect(texts.push(term)).toBe(model.length);
      else {
        const text = `<${term}>`;
        expect(texts.pushSlice(text, 1, text.length - 1)).toBe(model.length);
      }
      model.push(term);
      // Forget most of the terms again, as a stream forgets its one-off terms (about two
      // thirds end up forgotten, so compaction runs several times).
      for (let k = 0; k < 2; k++) {
        const id = Math.floor(random() * model.length);
        texts.forget(id);
        model[id] = '';
      }
    }
    expect(texts.size).toBe(model.length);
    expect(texts.list()).toEqual(model);
    model.forEach((term, id) => expect(texts.get(id)).toBe(term));
    // Compaction reclaimed the forgotten terms' characters.
    const live = model.reduce((sum, term) => sum + term.length, 0);
    expect(texts.storedChars).toBeLessThanOrEqual(2 * live + 4096);
  });

  it('should treat an empty term as forgotten and unknown ids as empty', () => {
    const texts = new TermTexts();
    texts.push('');
    texts.push('x'.repeat(10_000));
    expect(texts.get(0)).toBe('');
    expect(texts.get(1)).toBe('x'.repeat(10_000));
    expect(texts.get(2)).toBe('');
    expect(texts.get(-1)).toBe('');
    texts.forget(1);
    texts.forget(1);
    expect(texts.list()).toEqual(['', '']);
  });
});
