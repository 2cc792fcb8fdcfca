/** What `IdRegistry.claim` returns: the id to use and, if it was taken, the id asked for. */
export interface ClaimedId {
  id: string;
  duplicateOf: string | null;
}

export interface IdRegistry {
  /** Returns `wanted` the first time, then `wanted#2`, `wanted#3`, … */
  claim(wanted: string): ClaimedId;
}

/** Keeps ids unique within one input: a later duplicate gets a `#n` suffix. */
export function createIdRegistry(): IdRegistry {
  const taken = new Set<string>();
  // Where to resume counting for each repeated id, so n repeats cost O(n), not O(n²).
  const nextSuffix = new Map<string, number>();
  return {
    claim(wanted) {
      if (!taken.has(wanted)) {
        taken.add(wanted);
        return { id: wanted, duplicateOf: null };
      }
      let n = nextSuffix.get(wanted) ?? 2;
      while (taken.has(`${wanted}#${n}`)) n += 1;
      const id = `${wanted}#${n}`;
      taken.add(id);
      nextSuffix.set(wanted, n + 1);
      return { id, duplicateOf: wanted };
    },
  };
}
