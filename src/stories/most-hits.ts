/**
 * The `count` ids with the most hits (ties to the lower id), most first, in one pass keeping a
 * sorted list of the best so far instead of sorting every id: candidate stories and candidate
 * earlier articles are picked this way from lists that grow with the index.
 */
export function keepMostHits(ids: Iterable<number>, hitOf: (id: number) => number, count: number): number[] {
  const kept: number[] = [];
  const counts: number[] = [];
  if (count <= 0) return kept;
  for (const id of ids) {
    const hit = hitOf(id);
    const full = kept.length === count;
    if (full) {
      const lastHit = counts[count - 1] as number;
      if (hit < lastHit || (hit === lastHit && id > (kept[count - 1] as number))) continue;
    }
    let at = full ? count - 1 : kept.length;
    while (
      at > 0 &&
      (hit > (counts[at - 1] as number) || (hit === counts[at - 1] && id < (kept[at - 1] as number)))
    ) {
      kept[at] = kept[at - 1] as number;
      counts[at] = counts[at - 1] as number;
      at--;
    }
    kept[at] = id;
    counts[at] = hit;
  }
  return kept;
}
