/**
 * `npx tsx eval/train/score-fold.ts <model.ts> [--cv K] [--fold F] [--beam W]`: scores a
 * tagger written by `npm run train -- attribution --cv K --fold F --out <model.ts>` on the
 * fold of PolNeAR `train` it did not see, as the package extracts attributions
 * (`mergeFillingSources`), so that decoding choices can be compared without training again.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { mergeFillingSources } from '../../src/annotate/attributions/extract-attributions.js';
import { decodeVocabulary } from '../../src/annotate/attributions/model/extra-features.js';
import { decodeModel, type EncodedTagger } from '../../src/annotate/attributions/model/model-codec.js';
import {
  modelAttributions,
  type AttributionTagger,
  type TagOptions,
} from '../../src/annotate/attributions/model/model-attributions.js';
import { add, report, toExample, zero } from './attribution.js';
import { readPolnear } from './polnear-docs.js';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: npx tsx eval/train/score-fold.ts <model.ts> [--cv K] [--fold F] [--beam W]');
  process.exit(2);
}
const option = (name: string, fallback: number): number => {
  const at = rest.indexOf(name);
  return at >= 0 ? Number(rest[at + 1]) : fallback;
};
const cv = option('--cv', 5);
const fold = option('--fold', 0);
const variants: Array<[string, TagOptions]> = rest.includes('--gates')
  ? [
      ['no lexicon, busy 3', { busyClass: 3, lexicon: false }],
      ['no lexicon, busy 4', { busyClass: 4, lexicon: false }],
    ]
  : rest.includes('--beam')
    ? [[`beam ${option('--beam', 1)}`, { beam: option('--beam', 1) }]]
    : [
        ['shipped', {}],
        ['beam 2', { beam: 2 }],
        ['beam 4', { beam: 4 }],
        ['busy 1', { busyClass: 1 }],
        ['busy 3', { busyClass: 3 }],
        ['no lexicon, busy 1', { busyClass: 1, lexicon: false }],
        ['no lexicon, busy 2', { busyClass: 2, lexicon: false }],
        ['every sentence', { busyClass: 0 }],
      ];
const { ATTRIBUTION_MODEL: encoded } = (await import(pathToFileURL(resolve(file)).href)) as {
  ATTRIBUTION_MODEL: EncodedTagger;
};
const tagger: AttributionTagger = {
  first: decodeModel(encoded.first),
  second: encoded.second ? decodeModel(encoded.second) : null,
  vocabulary: encoded.vocabulary ? decodeVocabulary(encoded.vocabulary) : null,
};
const docs = readPolnear('train').filter((_, i) => i % cv === fold);
const examples = docs.map(toExample);
for (const [name, options] of variants) {
  const totals = zero();
  const t0 = performance.now();
  examples.forEach((e, i) => {
    const d = docs[i]!;
    add(
      totals,
      d.text,
      mergeFillingSources(d.text, modelAttributions(e.doc, tagger, options), e.doc.rules),
      d.gold,
    );
  });
  report(name, totals);
  console.log(`  ${((performance.now() - t0) / docs.length).toFixed(2)} ms/article tagging and decoding`);
}
