import { describe, expect, it } from 'vitest';
import { createIdRegistry } from './create-id-registry.js';

describe('createIdRegistry', () => {
  it('should suffix repeated ids and skip suffixes already taken', () => {
    const ids = createIdRegistry();
    const claimed = ['a', 'a#2', 'a', 'a', 'b'].map((id) => ids.claim(id));
    expect(claimed).toEqual([
      { id: 'a', duplicateOf: null },
      { id: 'a#2', duplicateOf: null },
      { id: 'a#3', duplicateOf: 'a' },
      { id: 'a#4', duplicateOf: 'a' },
      { id: 'b', duplicateOf: null },
    ]);
  });

  it('should stay fast when one id repeats many times', () => {
    const ids = createIdRegistry();
    const started = performance.now();
    for (let i = 0; i < 20_000; i += 1) ids.claim('same');
    expect(ids.claim('same').id).toBe('same#20001');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
