import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { defineConfig, type Options } from 'tsup';
import { compactLexicon, type CompromiseLexiconModel } from './src/annotate/mentions/compact-lexicon.js';

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

const OUT_DIR = 'dist';
const LEXICON_FILE = 'lexicon-tags.json';

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
  esbuildPlugins: [compromiseLexicon],
  // Bundled CommonJS code (linkedom's parser) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __corroborateCreateRequire } from 'node:module'; const require = __corroborateCreateRequire(import.meta.url);",
  },
});
