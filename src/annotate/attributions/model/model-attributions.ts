import type { Attribution } from '../../../model/annotations.js';
import { ATTRIBUTION_MODEL } from './attribution-model.js';
import { decodeTags } from './decode-tags.js';
import { CUE_NOUNS, CUE_VERBS, PASSIVE_CUES } from '../../lexicon/cue-verbs.js';
import type { Token } from '../tag-tokens.js';
import type { TaggerDocument } from './features.js';
import { staticFeatureHashes } from './hashed-features.js';
import { cueRates, decodeVocabulary, LEARNED_CUE_CLASS, type CueVocabulary } from './extra-features.js';
import { decodeModel } from './model-codec.js';
import {
  addSentenceRoles,
  STACKED_FEATURE_COUNT,
  stackedFeatureHashes,
  stackedRange,
} from './stacked-features.js';
import {
  interleavedRows,
  LABEL_COUNT,
  tagRange,
  tagWithBeam,
  tagWithModel,
  type TagPass,
  type TaggerModel,
} from './tagger.js';

/**
 * The attribution tagger: a first pass over the static features, and optionally a second
 * pass that also sees the first pass's labels on both sides of each token (stacking).
 */
export interface AttributionTagger {
  first: TaggerModel;
  second: TaggerModel | null;
  /** Cue rates of lemmas learned from the training split (features and busy sentences). */
  vocabulary: CueVocabulary | null;
}

let shipped: AttributionTagger | null | undefined;

/** The tagger trained on PolNeAR `train` that ships with the package (decoded once), or null if absent. */
export function shippedModel(): AttributionTagger | null {
  if (shipped === undefined) {
    shipped = ATTRIBUTION_MODEL
      ? {
          first: decodeModel(ATTRIBUTION_MODEL.first),
          second: ATTRIBUTION_MODEL.second ? decodeModel(ATTRIBUTION_MODEL.second) : null,
          vocabulary: ATTRIBUTION_MODEL.vocabulary ? decodeVocabulary(ATTRIBUTION_MODEL.vocabulary) : null,
        }
      : null;
  }
  return shipped;
}

/** How the tagger is run (the defaults are what ships; other values are for measuring). */
export interface TagOptions {
  /** Beam width of the decoding (1: greedy). */
  beam?: number;
  /** Learned cue-rate class from which a word makes its sentence worth tagging (5: none does). */
  busyClass?: number;
  /** Whether a word of the hand-written cue lexicon makes its sentence worth tagging. */
  lexicon?: boolean;
}

/*
 * Chosen on the held-out fifth of PolNeAR train (fold 0 of 5; `eval/train/score-fold.ts`),
 * whole-attribution F1 with cue / source / content F1: tagging sentences with a lexicon word
 * or a learned cue word of class ≥ 2 (92.7% of the tokens of dev) 0.499 (0.728 / 0.694 /
 * 0.692); every sentence 0.498 (same roles); only sentences with a learned cue word of class
 * ≥ 3, a quotation, a colon or a rule span (79.4% of the tokens) 0.505 (0.727 / 0.692 /
 * 0.694), kept; class ≥ 4 (73.4%) 0.507 but cue 0.720 and content 0.685. A beam of 2 or 4
 * sequences instead of greedy labels: 0.501 and 0.499, content 0.686 and 0.677, not used.
 */
export const TAG_DEFAULTS: Required<TagOptions> = { beam: 1, busyClass: 3, lexicon: false };

/** BIO labels of every token of `doc`: the first pass, then the stacked pass when there is one. */
export function tagAttributions(
  doc: TaggerDocument,
  model: AttributionTagger,
  options: TagOptions = {},
): Uint8Array {
  const { beam, busyClass, lexicon } = { ...TAG_DEFAULTS, ...options };
  doc = withCueRates(doc, model.vocabulary);
  const quiet = quietSentences(doc, busyClass, lexicon);
  const statics = staticFeatureHashes(doc, quiet);
  const tag = (m: TaggerModel, extra: Int32Array | null, count: number, keep: Uint8Array): Uint8Array =>
    beam > 1
      ? tagWithBeam(m, doc, beam, statics, extra, count, keep)
      : tagWithModel(m, doc, statics, extra, count, keep);
  if (beam === 1 && model.second && model.second.bits === model.first.bits && LABEL_COUNT === 7) {
    return tagInterleaved(doc, model.first, model.second, statics, quiet);
  }
  const first = tag(model.first, null, 0, quiet);
  if (!model.second) return first;
  const empty = emptySentences(doc, first);
  return tag(model.second, stackedFeatureHashes(doc, first, empty), STACKED_FEATURE_COUNT, empty);
}

/**
 * The two greedy passes of `tagAttributions`, sentence by sentence: the first pass on a
 * sentence, then the second on the sentence before it (its stacked features look one
 * sentence ahead), with the two models' rows interleaved, so that the second pass finds
 * most of its rows in the cache lines the first pass has just read. The same labels as
 * running each pass over the whole document.
 */
function tagInterleaved(
  doc: TaggerDocument,
  first: TaggerModel,
  second: TaggerModel,
  statics: Int32Array,
  quiet: Uint8Array,
): Uint8Array {
  const n = doc.tokens.length;
  const { sentenceOf } = doc;
  const rows = interleavedRows(first, second);
  const mask = (1 << first.bits) - 1;
  const one: TagPass = {
    rows,
    stride: 1,
    lane: 0,
    mask,
    extra: null,
    extraCount: 0,
    keep: quiet,
    labels: new Uint8Array(n),
    state: { seen: 0 },
  };
  const empty = new Uint8Array(n > 0 ? (sentenceOf[n - 1] as number) + 1 : 0).fill(1);
  const extra = new Int32Array(n * STACKED_FEATURE_COUNT);
  const two: TagPass = {
    rows,
    stride: 1,
    lane: 1,
    mask,
    extra,
    extraCount: STACKED_FEATURE_COUNT,
    keep: empty,
    labels: new Uint8Array(n),
    state: { seen: 0 },
  };
  const roles = new Uint8Array(n > 0 ? (sentenceOf[n - 1] as number) + 3 : 2);
  // Tokens from..to are one sentence; the previous sentence (back..from) waits for the second pass.
  let back = 0;
  let from = 0;
  while (from < n) {
    let to = from + 1;
    while (to < n && sentenceOf[to] === sentenceOf[from]) to++;
    tagRange(one, doc, statics, from, to);
    addSentenceRoles(doc, one.labels, roles, from, to);
    for (let i = from; i < to; i++) if (one.labels[i] !== 0) empty[sentenceOf[i] as number] = 0;
    if (from > 0) secondPass(two, doc, statics, one.labels, roles, back, from);
    back = from;
    from = to;
  }
  if (n > 0) secondPass(two, doc, statics, one.labels, roles, back, n);
  return two.labels;
}

/** The second pass over tokens `from..to` (one sentence), its stacked features made first. */
function secondPass(
  pass: TagPass,
  doc: TaggerDocument,
  statics: Int32Array,
  firstLabels: Uint8Array,
  roles: Uint8Array,
  from: number,
  to: number,
): void {
  stackedRange(doc, firstLabels, roles, pass.keep, pass.extra as Int32Array, from, to);
  tagRange(pass, doc, statics, from, to);
}

/** `doc` with the cue rates of its tokens under `vocabulary` (the same document when it has them). */
export function withCueRates(doc: TaggerDocument, vocabulary: CueVocabulary | null): TaggerDocument {
  if (!vocabulary || doc.cueRates) return doc;
  return { ...doc, cueRates: cueRates(doc, vocabulary) };
}

/**
 * Sentences with no sign of an attribution: no word of the cue lexicon or learned cue
 * word, no rule span, no quotation and no colon. The tagger leaves them empty without
 * scoring them.
 */
export function quietSentences(
  doc: TaggerDocument,
  busyClass: number = LEARNED_CUE_CLASS,
  lexicon = true,
): Uint8Array {
  const { tokens, sentenceOf } = doc;
  const n = tokens.length;
  const quiet = new Uint8Array(n > 0 ? (sentenceOf[n - 1] as number) + 1 : 0).fill(1);
  for (let i = 0; i < n; i++) {
    const s = sentenceOf[i] as number;
    if (!quiet[s]) continue;
    const t = tokens[i] as Token;
    if (
      doc.quoted[i] ||
      doc.ruleLabel[i] ||
      doc.nestedLabel[i] ||
      t.text === ':' ||
      (doc.cueRates && (doc.cueRates[i] as number) >= busyClass) ||
      (lexicon &&
        (CUE_VERBS.has(t.lemma) ||
          CUE_VERBS.has(t.lower) ||
          CUE_NOUNS.has(t.lower) ||
          PASSIVE_CUES.has(t.lower)))
    ) {
      quiet[s] = 0;
    }
  }
  return quiet;
}

/**
 * Sentences where the first pass found no span: the second pass leaves them empty
 * without scoring them (on held-out PolNeAR train articles it changed no score, and
 * most sentences of most articles hold no attribution).
 */
function emptySentences(doc: TaggerDocument, labels: Uint8Array): Uint8Array {
  const n = doc.tokens.length;
  const empty = new Uint8Array(n > 0 ? (doc.sentenceOf[n - 1] as number) + 1 : 0).fill(1);
  for (let i = 0; i < n; i++) if (labels[i] !== 0) empty[doc.sentenceOf[i] as number] = 0;
  return empty;
}

/** Attributions the tagger finds in a prepared document (top-level only, as PolNeAR is univocal). */
export function modelAttributions(
  doc: TaggerDocument,
  model: AttributionTagger,
  options: TagOptions = {},
): Attribution[] {
  return decodeTags(doc, tagAttributions(doc, model, options));
}
