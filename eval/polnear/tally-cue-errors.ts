import type { GoldAttribution } from './read-brat.js';
import { matches, tokenOffsets, tokensOf } from './score-attributions.js';

/** Counts missed gold cues and spurious predicted cues by their lowercased text. */
export function tallyCueErrors(
  text: string,
  predicted: GoldAttribution[],
  gold: GoldAttribution[],
  into: Map<string, number>,
): void {
  const tokens = tokenOffsets(text);
  const p = predicted.map((a) => tokensOf(a.cue, tokens));
  const g = gold.map((a) => tokensOf(a.cue, tokens));
  const cueText = (a: GoldAttribution) =>
    (a.cue?.pieces ?? [])
      .map(([s, e]) => text.slice(s, e))
      .join(' ')
      .toLowerCase();
  gold.forEach((a, i) => {
    if (!p.some((x) => matches(x, g[i] ?? new Set()))) bump(into, `missed: ${cueText(a)}`);
  });
  predicted.forEach((a, i) => {
    if (!g.some((x) => matches(x, p[i] ?? new Set()))) bump(into, `spurious: ${cueText(a)}`);
  });
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
