/**
 * `npm run train -- attribution [--epochs N] [--bits B] [--seed S] [--stack K] [--cv K [--fold F]] [--limit N]`:
 * trains the attribution tagger on PolNeAR `train` and writes it into the package
 * (src/annotate/attributions/model/attribution-model.ts). With `--cv K` it trains on the
 * other folds, scores fold F (default: every fold) of `train` and writes nothing.
 * `--stack K` (default 4; 0 for none) also trains the second, stacked pass on first-pass
 * labels that K first-pass models each gave the part of the training set they did not see
 * (so that the second pass learns from labels as wrong as they will be on new text). On
 * PolNeAR dev the second pass adds about two points of F1 to every role, for about a
 * quarter more time in the attribution stage.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import {
  mergeByCue,
  mergeModelFirst,
  mergeNested,
  mergeWithRules,
} from '../../src/annotate/attributions/extract-attributions.js';
import { findQuotes } from '../../src/annotate/attributions/find-quotes.js';
import { labelBySpans, prepareDocument } from '../../src/annotate/attributions/model/features.js';
import type { Role } from '../../src/annotate/attributions/model/labels.js';
import { encodeModel } from '../../src/annotate/attributions/model/model-codec.js';
import { staticFeatureHashes } from '../../src/annotate/attributions/model/hashed-features.js';
import {
  modelAttributions,
  type AttributionTagger,
} from '../../src/annotate/attributions/model/model-attributions.js';
import {
  STACKED_FEATURE_COUNT,
  stackedFeatureHashes,
} from '../../src/annotate/attributions/model/stacked-features.js';
import { hashStatic, tagWithModel, type TaggerModel } from '../../src/annotate/attributions/model/tagger.js';
import { ruleAttributions } from '../../src/annotate/attributions/rule-attributions.js';
import { tagTokens } from '../../src/annotate/attributions/tag-tokens.js';
import { splitSentences } from '../../src/annotate/sentences/split-sentences.js';
import type { Attribution } from '../../src/model/annotations.js';
import type { GoldAttribution } from '../polnear/read-brat.js';
import { addCounts, prf, ROLES, scoreDocument, type Counts } from '../polnear/score-attributions.js';
import { toGold } from '../suites/attribution.js';
import { trainTagger, type TrainingExample } from './perceptron.js';
import { readPolnear, type PolnearDoc } from './polnear-docs.js';

const here = dirname(fileURLToPath(import.meta.url));
export const MODEL_FILE = join(
  here,
  '..',
  '..',
  'src',
  'annotate',
  'attributions',
  'model',
  'attribution-model.ts',
);

interface Options {
  epochs: number;
  bits: number;
  seed: number;
  cv: number;
  fold: number | null;
  limit: number;
  stack: number;
}

function parseArgs(args: string[]): Options {
  const o: Options = { epochs: 6, bits: 18, seed: 1, cv: 0, fold: null, limit: Infinity, stack: 4 };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = Number(args[i + 1]);
    if (a === '--epochs') o.epochs = v;
    else if (a === '--bits') o.bits = v;
    else if (a === '--seed') o.seed = v;
    else if (a === '--cv') o.cv = v;
    else if (a === '--fold') o.fold = v;
    else if (a === '--limit') o.limit = v;
    else if (a === '--stack') o.stack = v;
    else {
      console.error(`train attribution: unknown option ${a}`);
      process.exit(2);
    }
    i++;
  }
  return o;
}

/** Gold BIO labels of `tokens` from PolNeAR attributions (each piece of a role is one span). */
export function goldLabels(tokens: Parameters<typeof labelBySpans>[0], gold: GoldAttribution[]): Uint8Array {
  const spans: Array<{ start: number; end: number; role: Role; id: number }> = [];
  gold.forEach((g, id) => {
    const add = (span: GoldAttribution['cue'], role: Role): void => {
      for (const [start, end] of span?.pieces ?? []) spans.push({ start, end, role, id });
    };
    add(g.source, 'SOURCE');
    add(g.cue, 'CUE');
    add(g.content, 'CONTENT');
  });
  return labelBySpans(tokens, spans);
}

/** Tokens, rules and gold labels of an article, ready for training or scoring. */
export function toExample(d: PolnearDoc): TrainingExample {
  const sentences = splitSentences(d.text);
  const tokens = tagTokens(d.text);
  const quotes = findQuotes(d.text);
  const rules = ruleAttributions(d.text, sentences, tokens, quotes);
  return {
    doc: prepareDocument(d.text, sentences, tokens, quotes, rules),
    gold: goldLabels(tokens, d.gold),
  };
}

type Totals = Record<(typeof ROLES)[number] | 'whole', Counts>;

function zero(): Totals {
  const z = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
  return { cue: z(), source: z(), content: z(), whole: z() };
}

function add(t: Totals, text: string, predicted: Attribution[], gold: GoldAttribution[]): void {
  const s = scoreDocument(text, predicted.filter((a) => a.parent === null).map(toGold), gold);
  for (const r of ROLES) t[r] = addCounts(t[r], s.roles[r]);
  t.whole = addCounts(t.whole, s.whole);
}

function report(name: string, t: Totals): void {
  const cells = (['cue', 'source', 'content', 'whole'] as const).map((r) => {
    const { p, r: rec, f } = prf(t[r]);
    return `${r} ${f.toFixed(3)} (P ${p.toFixed(3)} R ${rec.toFixed(3)})`;
  });
  console.log(`${name.padEnd(8)} ${cells.join('  ')}`);
}

function train(examples: TrainingExample[], o: Options): TaggerModel {
  const t0 = performance.now();
  return trainTagger(examples, {
    bits: o.bits,
    epochs: o.epochs,
    seed: o.seed,
    onEpoch: (epoch, accuracy) =>
      console.log(
        `  epoch ${epoch}/${o.epochs}: token accuracy ${accuracy.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      ),
  });
}

function staticsOf(e: TrainingExample): Int32Array {
  e.statics ??= staticFeatureHashes(e.doc);
  return e.statics;
}

/**
 * Both passes: the first on the examples; the second on the examples with the stacked
 * features of jackknifed first-pass labels (`o.stack` folds).
 */
export function trainStacked(examples: TrainingExample[], o: Options): AttributionTagger {
  const first = train(examples, o);
  if (o.stack < 2) return { first, second: null };
  const labels: Uint8Array[] = [];
  for (let fold = 0; fold < o.stack; fold++) {
    console.log(` stacking: first pass ${fold + 1}/${o.stack}`);
    const model = train(
      examples.filter((_, i) => i % o.stack !== fold),
      o,
    );
    examples.forEach((e, i) => {
      if (i % o.stack === fold) labels[i] = tagWithModel(model, e.doc, staticsOf(e));
    });
  }
  console.log(' second pass');
  const stacked = examples.map((e, i) => ({
    doc: e.doc,
    gold: e.gold,
    hashed: hashStatic(
      e.doc,
      o.bits,
      stackedFeatureHashes(e.doc, labels[i] as Uint8Array),
      STACKED_FEATURE_COUNT,
      staticsOf(e),
    ),
  }));
  return { first, second: train(stacked, o) };
}

export async function run(args: string[]): Promise<void> {
  const o = parseArgs(args);
  const t0 = performance.now();
  const docs = readPolnear('train', o.limit);
  const examples = docs.map(toExample);
  console.log(
    `PolNeAR train: ${docs.length} articles prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (o.cv > 0) {
    const folds = o.fold === null ? [...Array(o.cv).keys()] : [o.fold];
    const model = zero();
    const rules = zero();
    const merged = zero();
    const modelFirst = zero();
    const byCue = zero();
    for (const fold of folds) {
      console.log(`fold ${fold + 1}/${o.cv}`);
      const trainSet = examples.filter((_, i) => i % o.cv !== fold);
      const tagger = trainStacked(trainSet, o);
      examples.forEach((e, i) => {
        if (i % o.cv !== fold) return;
        const d = docs[i] as PolnearDoc;
        add(rules, d.text, e.doc.rules, d.gold);
        const tagged = modelAttributions(e.doc, tagger);
        add(model, d.text, mergeNested(tagged, e.doc.rules), d.gold);
        add(merged, d.text, mergeWithRules(tagged, e.doc.rules), d.gold);
        add(modelFirst, d.text, mergeModelFirst(tagged, e.doc.rules), d.gold);
        add(byCue, d.text, mergeByCue(tagged, e.doc.rules), d.gold);
      });
    }
    report('rules', rules);
    report('model', model);
    report('rules+', merged);
    report('model+', modelFirst);
    report('by cue', byCue);
    return;
  }
  const tagger = trainStacked(examples, o);
  const first = encodeModel(tagger.first);
  const second = tagger.second ? encodeModel(tagger.second) : null;
  const encoded = (m: typeof first): string[] => [
    `    bits: ${m.bits},`,
    `    scale: ${m.scale},`,
    `    data: '${m.data}',`,
  ];
  const source = [
    '// Generated by `npm run train -- attribution` from PolNeAR train; do not edit.',
    `// ${docs.length} articles, ${o.epochs} epochs, seed ${o.seed}, 2^${o.bits} feature buckets, stacked on ${o.stack} folds.`,
    "import type { EncodedTagger } from './model-codec.js';",
    '',
    'export const ATTRIBUTION_MODEL: EncodedTagger | null = {',
    '  first: {',
    ...encoded(first),
    '  },',
    ...(second ? ['  second: {', ...encoded(second), '  },'] : ['  second: null,']),
    '};',
    '',
  ].join('\n');
  writeFileSync(MODEL_FILE, source);
  console.log(`wrote ${MODEL_FILE} (${(source.length / 1e6).toFixed(2)} MB)`);
}
