import type { Quantity } from '../model/annotations.js';

/** The values a quantity allows, as a closed interval [low, high]. */
export function quantityInterval(q: Pick<Quantity, 'value' | 'upper' | 'qualifier'>): [number, number] {
  const v = q.value;
  const spread = Math.abs(v);
  switch (q.qualifier) {
    case 'about':
      // "around 70,000" allows a rounding's worth either side.
      return [v - 0.1 * spread, v + 0.1 * spread];
    case 'at-least':
      return [v, Infinity];
    case 'more-than':
      return [v + Number.EPSILON * spread, Infinity];
    case 'at-most':
      return [-Infinity, v];
    case 'less-than':
      return [-Infinity, v - Number.EPSILON * spread];
    case 'range': {
      // "396-9" is a tally read as a range: its bounds in either order.
      const upper = q.upper ?? v;
      return [Math.min(v, upper), Math.max(v, upper)];
    }
    default: {
      // A round figure ("70,000") is itself approximate to its last significant digit's half.
      const tolerance = roundness(v) / 2;
      return [v - tolerance, v + tolerance];
    }
  }
}

/** The place value of a number's last non-zero digit when it has trailing zeros (70,000 → 10,000), capped at 1% of it; 0 otherwise. */
function roundness(v: number): number {
  if (!Number.isInteger(v) || v === 0) return 0;
  let place = 1;
  let n = Math.abs(v);
  while (n % 10 === 0) {
    n /= 10;
    place *= 10;
  }
  return place === 1 ? 0 : Math.min(place, Math.abs(v) * 0.01);
}

/** True when two quantities can both be right about one thing: their intervals meet. */
export function quantitiesFit(
  a: Pick<Quantity, 'value' | 'upper' | 'qualifier' | 'unit'>,
  b: Pick<Quantity, 'value' | 'upper' | 'qualifier' | 'unit'>,
): boolean {
  if ((a.unit ?? null) !== (b.unit ?? null)) return false;
  const [al, ah] = quantityInterval(a);
  const [bl, bh] = quantityInterval(b);
  return al <= bh && bl <= ah;
}
