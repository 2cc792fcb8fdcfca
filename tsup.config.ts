import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  noExternal: ['chrono-node', 'kysely', 'feedsmith', 'linkedom', 'franc-min'],
  esbuildPlugins: [compromiseLexicon, attributionWeights, posModel],
  // Bundled CommonJS code (linkedom's parser) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __corroborateCreateRequire } from 'node:module'; const require = __corroborateCreateRequire(import.meta.url);",
  },
});
