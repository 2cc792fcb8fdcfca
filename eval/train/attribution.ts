/**
 * `npm run train -- attribution [--epochs N] [--bits B] [--seed S] [--stack K] [--vocab 0|1] [--cv K [--fold F]] [--limit N]`:
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
  mergeFillingSources,
  mergeModelFirst,
  mergeNested,
  mergeWithRules,
} from '../../src/annotate/attributions/extract-attributions.js';
import { findQuotes } from '../../src/annotate/attributions/find-quotes.js';
import { labelBySpans, prepareDocument } from '../../src/annotate/attributions/model/features.js';
import { roleOf, type Role } from '../../src/annotate/attributions/model/labels.js';
import {
  cueRates,
  encodeVocabulary,
  vocabularyOf,
  type CueVocabulary,
} from '../../src/annotate/attributions/model/extra-features.js';
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
  vocab: boolean;
  out: string | null;
}

function parseArgs(args: string[]): Options {
  const o: Options = {
    epochs: 6,
    bits: 18,
    seed: 1,
    cv: 0,
    fold: null,
    limit: Infinity,
    stack: 4,
    vocab: true,
    out: null,
  };
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
    else if (a === '--vocab') o.vocab = v !== 0;
    else if (a === '--out') o.out = args[i + 1] ?? null;
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

export function zero(): Totals {
  const z = (): Counts => ({ tp: 0, predicted: 0, gold: 0 });
  return { cue: z(), source: z(), content: z(), whole: z() };
}

export function add(t: Totals, text: string, predicted: Attribution[], gold: GoldAttribution[]): void {
  const s = scoreDocument(text, predicted.filter((a) => a.parent === null).map(toGold), gold);
  for (const r of ROLES) t[r] = addCounts(t[r], s.roles[r]);
  t.whole = addCounts(t.whole, s.whole);
}

export function report(name: string, t: Totals): void {
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

/** How often each lemma of the examples is (part of) a gold cue, as cue-rate classes. */
export function learnVocabulary(examples: TrainingExample[]): Map<string, number> {
  const counts = new Map<string, [string, number, number]>();
  for (const e of examples) {
    e.doc.tokens.forEach((t, i) => {
      let c = counts.get(t.lemma);
      if (!c) counts.set(t.lemma, (c = [t.lemma, 0, 0]));
      c[2]++;
      if (roleOf(e.gold[i] as number) === 'CUE') c[1]++;
    });
  }
  return vocabularyOf(counts.values());
}

/** The examples with the cue rates of `vocabulary` (fresh objects: cached features are per vocabulary). */
function withVocabulary(examples: TrainingExample[], vocabulary: CueVocabulary | null): TrainingExample[] {
  return examples.map((e) => ({ doc: { ...e.doc, cueRates: cueRates(e.doc, vocabulary) }, gold: e.gold }));
}

/**
 * Both passes: the first on the examples; the second on the examples with the stacked
 * features of jackknifed first-pass labels (`o.stack` folds). The cue vocabulary is
 * learned from the examples (and, for each jackknifed first pass, from its own part).
 */
export function trainStacked(all: TrainingExample[], o: Options): AttributionTagger {
  const vocabulary = o.vocab ? learnVocabulary(all) : null;
  const examples = withVocabulary(all, vocabulary);
  const first = train(examples, o);
  if (o.stack < 2) return { first, second: null, vocabulary };
  const labels: Uint8Array[] = [];
  for (let fold = 0; fold < o.stack; fold++) {
    console.log(` stacking: first pass ${fold + 1}/${o.stack}`);
    const part = all.filter((_, i) => i % o.stack !== fold);
    const partVocabulary = o.vocab ? learnVocabulary(part) : null;
    const model = train(withVocabulary(part, partVocabulary), o);
    all.forEach((e, i) => {
      if (i % o.stack !== fold) return;
      const doc = { ...e.doc, cueRates: cueRates(e.doc, partVocabulary) };
      labels[i] = tagWithModel(model, doc, staticFeatureHashes(doc));
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
  return { first, second: train(stacked, o), vocabulary };
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
    const shipped = zero();
    for (const fold of folds) {
      console.log(`fold ${fold + 1}/${o.cv}`);
      const trainSet = examples.filter((_, i) => i % o.cv !== fold);
      const tagger = trainStacked(trainSet, o);
      if (o.out && folds.length === 1) {
        writeFileSync(o.out, modelSource(tagger, `fold ${fold} of ${o.cv} held out`));
        console.log(`wrote ${o.out}`);
      }
      examples.forEach((e, i) => {
        if (i % o.cv !== fold) return;
        const d = docs[i] as PolnearDoc;
        add(rules, d.text, e.doc.rules, d.gold);
        const tagged = modelAttributions(e.doc, tagger);
        add(model, d.text, mergeNested(tagged, e.doc.rules), d.gold);
        add(merged, d.text, mergeWithRules(tagged, e.doc.rules), d.gold);
        add(modelFirst, d.text, mergeModelFirst(tagged, e.doc.rules), d.gold);
        add(byCue, d.text, mergeByCue(tagged, e.doc.rules), d.gold);
        add(shipped, d.text, mergeFillingSources(d.text, tagged, e.doc.rules), d.gold);
      });
    }
    report('rules', rules);
    report('model', model);
    report('rules+', merged);
    report('model+', modelFirst);
    report('by cue', byCue);
    report('shipped', shipped);
    return;
  }
  const tagger = trainStacked(examples, o);
  const file = o.out ?? MODEL_FILE;
  const source = modelSource(
    tagger,
    `${docs.length} articles, ${o.epochs} epochs, seed ${o.seed}, 2^${o.bits} feature buckets, stacked on ${o.stack} folds.`,
  );
  writeFileSync(file, source);
  console.log(`wrote ${file} (${(source.length / 1e6).toFixed(2)} MB)`);
}

/** A string literal as prettier writes it: single quotes unless the text holds one. */
function quoted(text: string): string {
  return text.includes("'") ? JSON.stringify(text) : `'${text.replace(/\\/g, '\\\\')}'`;
}

/** The TypeScript module that ships `tagger` (as `attribution-model.ts`). */
export function modelSource(tagger: AttributionTagger, about: string): string {
  const first = encodeModel(tagger.first);
  const second = tagger.second ? encodeModel(tagger.second) : null;
  const encoded = (m: typeof first): string[] => [
    `    bits: ${m.bits},`,
    `    scale: ${m.scale},`,
    `    data: '${m.data}',`,
    ...(m.rows ? ['    rows: true,'] : []),
    ...(m.rows8 ? ['    rows8: true,'] : []),
    ...(m.rows4 ? ['    rows4: true,'] : []),
  ];
  return [
    '// Generated by `npm run train -- attribution` from PolNeAR train; do not edit.',
    `// ${about}`,
    "import type { EncodedTagger } from './model-codec.js';",
    '',
    'export const ATTRIBUTION_MODEL: EncodedTagger | null = {',
    '  first: {',
    ...encoded(first),
    '  },',
    ...(second ? ['  second: {', ...encoded(second), '  },'] : ['  second: null,']),
    ...(tagger.vocabulary ? ['  vocabulary:', `    ${quoted(encodeVocabulary(tagger.vocabulary))},`] : []),
    '};',
    '',
  ].join('\n');
}
