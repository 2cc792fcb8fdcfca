import type { Attribution } from '../../../model/annotations.js';
import { ATTRIBUTION_MODEL } from './attribution-model.js';
import { decodeTags } from './decode-tags.js';
import { CUE_NOUNS, CUE_VERBS, PASSIVE_CUES } from '../../lexicon/cue-verbs.js';
import type { Token } from '../tag-tokens.js';
import type { TaggerDocument } from './features.js';
import { staticFeatureHashes } from './hashed-features.js';
import { decodeModel } from './model-codec.js';
import { STACKED_FEATURE_COUNT, stackedFeatureHashes } from './stacked-features.js';
import { tagWithModel, type TaggerModel } from './tagger.js';

/**
 * The attribution tagger: a first pass over the static features, and optionally a second
 * pass that also sees the first pass's labels on both sides of each token (stacking).
 */
export interface AttributionTagger {
  first: TaggerModel;
  second: TaggerModel | null;
}

let shipped: AttributionTagger | null | undefined;

/** The tagger trained on PolNeAR `train` that ships with the package (decoded once), or null if absent. */
export function shippedModel(): AttributionTagger | null {
  if (shipped === undefined) {
    shipped = ATTRIBUTION_MODEL
      ? {
          first: decodeModel(ATTRIBUTION_MODEL.first),
          second: ATTRIBUTION_MODEL.second ? decodeModel(ATTRIBUTION_MODEL.second) : null,
        }
      : null;
  }
  return shipped;
}

/** BIO labels of every token of `doc`: the first pass, then the stacked pass when there is one. */
export function tagAttributions(doc: TaggerDocument, model: AttributionTagger): Uint8Array {
  const quiet = quietSentences(doc);
  const statics = staticFeatureHashes(doc, quiet);
  const first = tagWithModel(model.first, doc, statics, null, 0, quiet);
  if (!model.second) return first;
  const empty = emptySentences(doc, first);
  return tagWithModel(
    model.second,
    doc,
    statics,
    stackedFeatureHashes(doc, first, empty),
    STACKED_FEATURE_COUNT,
    empty,
  );
}

/**
 * Sentences with no sign of an attribution: no word of the cue lexicon, no rule span, no
 * quotation and no colon. The tagger leaves them empty without scoring them.
 */
export function quietSentences(doc: TaggerDocument): Uint8Array {
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
      CUE_VERBS.has(t.lemma) ||
      CUE_VERBS.has(t.lower) ||
      CUE_NOUNS.has(t.lower) ||
      PASSIVE_CUES.has(t.lower)
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
export function modelAttributions(doc: TaggerDocument, model: AttributionTagger): Attribution[] {
  return decodeTags(doc, tagAttributions(doc, model));
}
