import type { Attribution } from '../../../model/annotations.js';
import { ATTRIBUTION_MODEL } from './attribution-model.js';
import { decodeTags } from './decode-tags.js';
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
export function tagAttributions(
  doc: TaggerDocument,
  model: AttributionTagger,
  statics: Int32Array = staticFeatureHashes(doc),
): Uint8Array {
  const first = tagWithModel(model.first, doc, statics);
  if (!model.second) return first;
  return tagWithModel(model.second, doc, statics, stackedFeatureHashes(doc, first), STACKED_FEATURE_COUNT);
}

/** Attributions the tagger finds in a prepared document (top-level only, as PolNeAR is univocal). */
export function modelAttributions(doc: TaggerDocument, model: AttributionTagger): Attribution[] {
  return decodeTags(doc, tagAttributions(doc, model));
}
