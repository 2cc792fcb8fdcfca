import type { Attribution } from '../../../model/annotations.js';
import { ATTRIBUTION_MODEL } from './attribution-model.js';
import { decodeTags } from './decode-tags.js';
import type { TaggerDocument } from './features.js';
import { decodeModel } from './model-codec.js';
import { tagWithModel, type TaggerModel } from './tagger.js';

let shipped: TaggerModel | null | undefined;

/** The tagger trained on PolNeAR `train` that ships with the package (decoded once), or null if absent. */
export function shippedModel(): TaggerModel | null {
  if (shipped === undefined) shipped = ATTRIBUTION_MODEL ? decodeModel(ATTRIBUTION_MODEL) : null;
  return shipped;
}

/** Attributions the tagger finds in a prepared document (top-level only, as PolNeAR is univocal). */
export function modelAttributions(doc: TaggerDocument, model: TaggerModel): Attribution[] {
  return decodeTags(doc, tagWithModel(model, doc));
}
