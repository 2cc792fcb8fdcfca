import type { PosModel } from './pos-model-codec.js';

/** Longest word ending the suffix rules look at. */
export const RULE_SUFFIX = 4;

/**
 * The lemma of a lower-case word with tag index `tag`: the learned exception if there is
 * one, else the rule of its longest known ending (strip some letters, append others),
 * else the word itself.
 */
export function lemmatize(lower: string, tag: number, model: PosModel): string {
  const known = model.lemmas[tag]?.get(lower);
  if (known !== undefined) return known;
  const rules = model.rules[tag];
  if (!rules || rules.size === 0) return lower;
  for (let k = Math.min(RULE_SUFFIX, lower.length - 1); k >= 1; k--) {
    const rule = rules.get(lower.slice(lower.length - k));
    if (rule) return lower.slice(0, lower.length - rule[0]) + rule[1];
  }
  return lower;
}
