import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { STORY_CSS } from '../src/report/components/story-style.js';

const STORY_CSS_ID = 'virtual:story.css';
const RESOLVED_STORY_CSS_ID = '\0virtual-story.css';

/**
 * The story components' style lives in one TypeScript string shared with the static report;
 * this serves it to the app as a CSS module so the build writes it to a stylesheet file
 * (the served pages allow no inline style element).
 */
function storyCss(): Plugin {
  return {
    name: 'corroborate-story-css',
    resolveId: (id) => (id === STORY_CSS_ID ? RESOLVED_STORY_CSS_ID : undefined),
    load: (id) => (id === RESOLVED_STORY_CSS_ID ? STORY_CSS : undefined),
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [preact(), storyCss()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything is served from the same origin: no inlined assets, no polyfill script.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/v1': 'http://127.0.0.1:8080' } },
});
