import type { Attribution, Sentence, Span } from '../../model/annotations.js';
import { findQuotes } from './find-quotes.js';
import { prepareDocument } from './model/features.js';
import { modelAttributions, shippedModel, type AttributionTagger } from './model/model-attributions.js';
import { ruleAttributions } from './rule-attributions.js';
import { tagTokens } from './tag-tokens.js';

/**
 * Attributions of `text` (who says, thinks or wants what): direct quotations, reported
 * speech, "according to", nominal and passive cues. A two-pass tagger trained on PolNeAR
 * `train` finds the top-level attributions, with the hand-written rules as its features;
 * the rules' nested attributions are kept inside them and point to their parent through
 * `parent`. `sourceKey` is left null for entity resolution to fill.
 */
export function extractAttributions(text: string, sentences: Sentence[]): Attribution[] {
  if (typeof text !== 'string' || !Array.isArray(sentences)) {
    throw new TypeError(
      'extractAttributions(text, sentences): pass the article text and splitSentences(text)',
    );
  }
  const model = shippedModel();
  const tokens = tagTokens(text);
  const quotes = findQuotes(text);
  const rules = ruleAttributions(text, sentences, tokens, quotes);
  if (!model) return rules;
  return attributionsWithModel(text, sentences, model, rules, tokens, quotes);
}

/**
 * Attributions by a given tagger model, which sees the rules' attributions `rules` as
 * features, plus the rules' nested attributions inside them. The tagger's own spans are
 * kept: replacing them by the rules' for the same cue (`mergeByCue`) scored lower on
 * held-out PolNeAR train articles (whole attributions 0.44 against 0.47).
 */
export function attributionsWithModel(
  text: string,
  sentences: Sentence[],
  model: AttributionTagger,
  rules: Attribution[],
  tokens = tagTokens(text),
  quotes: Span[] = findQuotes(text),
): Attribution[] {
  const doc = prepareDocument(text, sentences, tokens, quotes, rules);
  return mergeFillingSources(text, modelAttributions(doc, model), rules);
}

/**
 * The rules' attributions (with their nesting), plus the tagger's where it found an
 * attribution none of whose spans the rules used: the rules are precise where they
 * fire; the tagger brings the recall.
 */
export function mergeWithRules(tagged: Attribution[], rules: Attribution[]): Attribution[] {
  return unionBy(rules, tagged);
}

/**
 * The tagger's attributions, plus the rules' top-level ones none of whose spans the
 * tagger used, plus the rules' nested ones inside them.
 */
export function mergeModelFirst(tagged: Attribution[], rules: Attribution[]): Attribution[] {
  const top = unionBy(
    tagged,
    rules.filter((r) => r.parent === null),
  );
  return mergeNested(top, rules);
}

/**
 * The tagger's attributions, each replaced by the rules' attribution for the same cue
 * where there is one (the rules' spans and grouping), plus the rules' other top-level
 * attributions that share no span with them, plus the rules' nested ones.
 */
export function mergeByCue(tagged: Attribution[], rules: Attribution[]): Attribution[] {
  const top = rules.filter((r) => r.parent === null);
  const used = new Set<Attribution>();
  const chosen = tagged.map((a) => {
    const rule = top.find((r) => !used.has(r) && r.cue.start < a.cue.end && a.cue.start < r.cue.end);
    if (!rule) return a;
    used.add(rule);
    return rule;
  });
  return mergeNested(
    unionBy(
      chosen,
      top.filter((r) => !used.has(r)),
    ).map((a) => ({ ...a, parent: null })),
    rules,
  );
}

function spansOfAttribution(a: Attribution): Span[] {
  return [a.cue, ...(a.source ? [a.source] : []), ...(a.contentParts ?? [a.content])];
}

/** `first` with its nesting, plus the attributions of `second` that share no span with `first`. */
function unionBy(first: Attribution[], second: Attribution[]): Attribution[] {
  const taken = first.flatMap(spansOfAttribution);
  const added = second.filter(
    (a) => !spansOfAttribution(a).some((s) => taken.some((t) => t.start < s.end && s.start < t.end)),
  );
  const merged = [
    ...first.map((a) => ({ ...a, parent: null as number | null, from: a as Attribution | null })),
    ...added.map((a) => ({ ...a, parent: null as number | null, from: null })),
  ];
  merged.sort((a, b) => a.cue.start - b.cue.start);
  const index = new Map(merged.map((m, i) => [m.from, i]));
  return merged.map(({ from, ...a }) => ({
    ...a,
    parent: from && from.parent !== null ? (index.get(first[from.parent] as Attribution) ?? null) : null,
  }));
}

/**
 * The tagger's attributions, plus the rules' "Speaker: content" ones the tagger left
 * untouched (headlines and lists), each given the source of the rules' attribution for the
 * same cue when the tagger found none ("…, saying …" takes the subject of its clause) and
 * that source is no cue or content of another attribution (two attributions may share a
 * speaker: "X voted against the bill, saying …"); plus the rules' nested ones.
 */
export function mergeFillingSources(
  text: string,
  tagged: Attribution[],
  rules: Attribution[],
): Attribution[] {
  const taken = tagged.flatMap((a) => [a.cue, ...(a.contentParts ?? [a.content])]);
  const filled = tagged.map((a) => {
    if (a.source) return a;
    const rule = rules.find(
      (r) => r.parent === null && r.source && r.cue.start < a.cue.end && a.cue.start < r.cue.end,
    );
    const source = rule?.source;
    if (!source || taken.some((t) => t.start < source.end && source.start < t.end)) return a;
    const start = Math.min(a.start, source.start);
    const end = Math.max(a.end, source.end);
    return { ...a, source, start, end, text: text.slice(start, end) };
  });
  const colons = rules.filter(
    (r) =>
      r.parent === null &&
      r.cue.text === ':' &&
      !tagged.some((a) => spansOfAttribution(a).some((t) => t.start < r.end && r.start < t.end)),
  );
  const top = colons.length ? [...filled, ...colons].sort((a, b) => a.cue.start - b.cue.start) : filled;
  return mergeNested(top, rules);
}

/**
 * The tagger's attributions, plus the rules' nested ones whose cue lies inside one of
 * their contents (with `parent` pointing to it).
 */
export function mergeNested(top: Attribution[], rules: Attribution[]): Attribution[] {
  const result = [...top];
  for (const r of rules) {
    if (r.parent === null) continue;
    const parent = top.findIndex((a) =>
      (a.contentParts ?? [a.content]).some((p) => p.start <= r.cue.start && r.cue.end <= p.end),
    );
    if (parent >= 0) result.push({ ...r, parent });
  }
  return result;
}
