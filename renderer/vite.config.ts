/**
 * Builds the views into dist/renderer with relative asset paths, so the same files load from
 * `headroom serve` (http://127.0.0.1) and from the desktop app's window (file://).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Everything is local and small; one script and one stylesheet load fastest.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
});
