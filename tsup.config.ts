import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { inflateSync } from 'node:zlib';
import nlp from 'compromise';
import { defineConfig, type Options } from 'tsup';
import { ATTRIBUTION_MODEL } from './src/annotate/attributions/model/attribution-model.js';
import { decodeModel, type EncodedModel } from './src/annotate/attributions/model/model-codec.js';
import { compactLexicon, type CompromiseLexiconModel } from './src/annotate/mentions/compact-lexicon.js';
import { POS_MODEL } from './src/annotate/pos/pos-model.js';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const OUT_DIR = 'dist';
const LEXICON_FILE = 'lexicon-tags.json';
const WEIGHTS_FILE = 'attribution-weights.bin';
const POS_FILE = 'pos-model.bin';
const WINK_HEAD_FILE = 'wink-core.json';
const WINK_BINARY_FILE = 'wink-core.bin';

/**
 * compromise's lexicon as a table in dist: the bundle reads that table on first use
 * instead of loading compromise, which built its whole lexicon at every CLI start
 * (about 0.45 s of the seeds' analyze). src/annotate/mentions/lexicon-data.ts is
 * replaced by a reader of the table; the table is made from the installed compromise by
 * the same code that makes it from source, so lookups give the same tags.
 */
const compromiseLexicon: EsbuildPlugin = {
  name: 'compromise-lexicon',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]annotate[\\/]mentions[\\/]lexicon-data\.ts$/ }, () => ({
      loader: 'js',
      contents: [
        "import { readFileSync } from 'node:fs';",
        'export function lexiconData() {',
        `  return JSON.parse(readFileSync(new URL('./${LEXICON_FILE}', import.meta.url), 'utf8'));`,
        '}',
      ].join('\n'),
    }));
    build.onEnd(() => {
      const model = (nlp as unknown as { model: () => CompromiseLexiconModel }).model();
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(join(OUT_DIR, LEXICON_FILE), JSON.stringify(compactLexicon(model)));
    });
  },
};

/**
 * The attribution tagger's weights as a binary file in dist, already inflated, instead of
 * a 7.6 MB base64 string in the bundle: a cold start no longer decodes, compiles, base64-
 * decodes and inflates that string (about 0.1 s of CPU). The replaced module gives each
 * model its bytes as `bytes` (read on first use), which `decodeModel` takes as they are;
 * the bytes are those `decodeModel` inflates from source, so the tagger's rows are the same.
 */
const attributionWeights: EsbuildPlugin = {
  name: 'attribution-weights',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]src[\\/]annotate[\\/]attributions[\\/]model[\\/]attribution-model\.ts$/ },
      () => {
        const parts: Buffer[] = [];
        let offset = 0;
        const place = (model: EncodedModel | null) => {
          if (!model) return null;
          const bytes = inflateSync(Buffer.from(model.data, 'base64'));
          // What decodeModel makes of the file's bytes must be what it makes of the string.
          const fromString = decodeModel(model).rows;
          const fromFile = decodeModel({ ...model, data: '', bytes }).rows;
          if (!fromString || !fromFile || Buffer.compare(asBytes(fromString), asBytes(fromFile)) !== 0) {
            throw new Error(
              'attribution-weights: the weights read from the file differ from the shipped ones',
            );
          }
          const { data: _data, ...rest } = model;
          const at = { ...rest, offset, length: bytes.length };
          parts.push(bytes);
          offset += bytes.length;
          return at;
        };
        const layout = ATTRIBUTION_MODEL && {
          first: place(ATTRIBUTION_MODEL.first),
          second: place(ATTRIBUTION_MODEL.second),
          vocabulary: ATTRIBUTION_MODEL.vocabulary,
        };
        mkdirSync(OUT_DIR, { recursive: true });
        writeFileSync(join(OUT_DIR, WEIGHTS_FILE), Buffer.concat(parts));
        return {
          loader: 'js',
          contents: [
            "import { readFileSync } from 'node:fs';",
            `const LAYOUT = ${JSON.stringify(layout)};`,
            'let file = null;',
            'function model(at) {',
            '  if (!at) return null;',
            '  const { offset, length, ...rest } = at;',
            "  return { ...rest, data: '', get bytes() {",
            `    file ??= readFileSync(new URL('./${WEIGHTS_FILE}', import.meta.url));`,
            '    return file.subarray(offset, offset + length);',
            '  } };',
            '}',
            'export const ATTRIBUTION_MODEL = LAYOUT && {',
            '  first: model(LAYOUT.first),',
            '  second: model(LAYOUT.second),',
            '  vocabulary: LAYOUT.vocabulary,',
            '};',
          ].join('\n'),
        };
      },
    );
  },
};

/**
 * The part-of-speech tagger's model as an inflated binary file in dist, as the attribution
 * weights: the replaced module gives `decodePosModel` a function that reads its bytes on
 * first use, instead of a base64 string in the bundle to decode and inflate.
 */
const posModel: EsbuildPlugin = {
  name: 'pos-model',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]annotate[\\/]pos[\\/]pos-model\.ts$/ }, () => {
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(join(OUT_DIR, POS_FILE), inflateSync(Buffer.from(POS_MODEL, 'base64')));
      return {
        loader: 'js',
        contents: [
          "import { readFileSync } from 'node:fs';",
          `export const POS_MODEL = () => readFileSync(new URL('./${POS_FILE}', import.meta.url));`,
        ].join('\n'),
      };
    });
  },
};

/** The bytes of a typed array, for comparing two of them. */
function asBytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** The part of wink's English model that ships as base64 and a deep copy: its core. */
interface WinkCore {
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  [key: string]: unknown;
}

/**
 * wink-eng-lite-web-model's core model from the two files the build writes (a JSON head, and
 * the lexicon and its expansions in binary): what its
 * read-core-model.js and load-core-model.js make from the packaged JSON, without the deep
 * copy of 3 MB of JSON and the base64 decoding one character at a time. The build runs this
 * same function and checks its result against the package's own, field by field.
 */
function readWinkCore(head: string, binary: Buffer): WinkCore {
  const { model, lexicon, xpansions } = JSON.parse(head);
  const words = new ArrayBuffer(lexicon + xpansions);
  new Uint8Array(words).set(binary.subarray(0, lexicon + xpansions));
  model.lexicon = new Uint32Array(words, 0, lexicon / 4);
  model.xpansions = new Uint32Array(words, lexicon, xpansions / 4);
  const { packing, features, pos } = model;
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f];
    if (layout[3] === 0) {
      const feature = features[f];
      feature.hash = Object.create(null);
      for (let k = 0; k < feature.list.length; k += 1) feature.hash[feature.list[k]] = k;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1] >>> layout[2];
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  const lexeme = features.lexeme;
  lexeme.hash = Object.create(null);
  for (let k = 0; k < lexeme.list.length; k += 1) lexeme.hash[lexeme.list[k]] = k;
  lexeme.intrinsicSize = lexeme.list.length;
  lexeme.index = lexeme.list.length;
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k += 1) {
    clusters[k] = new Set(clusters[k].split('_').map((e: string) => pos.hash[e] || 0));
  }
  return model;
}

/**
 * wink's English model with its core read from dist (readWinkCore): the package's model
 * object otherwise, built as its model.js builds it, so wink-nlp loads and tags as before.
 * The core took 0.1 s of every cold start, most of it a deep copy of the packaged JSON.
 */
const winkModel: EsbuildPlugin = {
  name: 'wink-model',
  setup(build) {
    build.onResolve({ filter: /^wink-eng-lite-web-model$/ }, () => ({
      path: 'wink-model',
      namespace: 'wink-model',
    }));
    build.onLoad({ filter: /.*/, namespace: 'wink-model' }, () => {
      const require = createRequire(import.meta.url);
      const dir = 'wink-eng-lite-web-model/dist';
      const original = require(`${dir}/languages/cur/models/eng-core-web-model.json`);
      const model = JSON.parse(JSON.stringify(original));
      const lexicon = Buffer.from(model.lexicon, 'base64');
      const xpansions = Buffer.from(model.xpansions, 'base64');
      delete model.lexicon;
      delete model.xpansions;
      const head = JSON.stringify({ model, lexicon: lexicon.length, xpansions: xpansions.length });
      // The lexemes stay in the JSON head: JSON.parse hands back strings that go into the
      // lexeme table faster than the pieces of a split string (measured: 65 against 78 ms).
      const binary = Buffer.concat([lexicon, xpansions]);
      const theirs = require(`${dir}/model.js`).core();
      if (!isDeepStrictEqual(readWinkCore(head, binary), theirs)) {
        throw new Error('wink-model: the core read from dist differs from the package model');
      }
      mkdirSync(OUT_DIR, { recursive: true });
      writeFileSync(join(OUT_DIR, WINK_HEAD_FILE), head);
      writeFileSync(join(OUT_DIR, WINK_BINARY_FILE), binary);
      const load = (file: string) => `requireWink('${dir}/${file}')`;
      return {
        loader: 'js',
        resolveDir: process.cwd(),
        contents: [
          "import { readFileSync } from 'node:fs';",
          "import { createRequire } from 'node:module';",
          'const requireWink = createRequire(import.meta.url);',
          `const readWinkCore = ${readWinkCore.toString()};`,
          'const model = Object.create(null);',
          'model.core = () => readWinkCore(',
          `  readFileSync(new URL('./${WINK_HEAD_FILE}', import.meta.url), 'utf8'),`,
          `  readFileSync(new URL('./${WINK_BINARY_FILE}', import.meta.url)),`,
          ');',
          `model.sbd = ${load('load-sbd-model.js')};`,
          `model.pos = ${load('load-pos-model.js')};`,
          `model.ner = ${load('load-ner-model.js')};`,
          `model.negation = ${load('load-negation-model.js')};`,
          `model.sa = ${load('load-sa-model.js')};`,
          `model.metaCER = ${load('load-cer-meta-model.js')};`,
          `model.featureFn = ${load('feature.js')};`,
          'model.addons = Object.create(null);',
          `model.addons.stem = ${load('porter-stemmer.js')};`,
          `model.addons.lemmatize = ${load('lemmatize.js')};`,
          `model.addons.readabilityStats = ${load('readability-stats.js')};`,
          'model.addons.wordVectors = undefined;',
          'export default model;',
        ].join('\n'),
      };
    });
  },
};

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts' },
  outDir: OUT_DIR,
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  splitting: true,
  // Bundled: these packages ship hundreds of small module files each, and loading them one
  // by one cost about 1 s of every CLI start (seeds analyze: 3.3 s -> 2.4 s of CPU at load 3.4).
  // Output is unchanged (same report JSON but its timestamp). compromise is not in the
  // bundle at all: only its lexicon is used, read from the table above.
  // wink-eng-lite-web-model is listed only so that winkModel above can stand in for it; the
  // package's own files are still loaded from node_modules at run time.
  noExternal: ['chrono-node', 'kysely', 'feedsmith', 'linkedom', 'franc-min', 'wink-eng-lite-web-model'],
  esbuildPlugins: [compromiseLexicon, attributionWeights, posModel, winkModel],
  // Bundled CommonJS code (linkedom's parser) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __corroborateCreateRequire } from 'node:module'; const require = __corroborateCreateRequire(import.meta.url);",
  },
});
