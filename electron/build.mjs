// Bundles the Node side (CLI, Electron main, bench) as ESM and the preload as CommonJS — Electron's
// sandboxed preloads cannot be ES modules. Dependencies ship in node_modules (see `external`).
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// esbuild never empties its output folders: chunks of earlier builds would pile up and be packaged.
for (const folder of ['dist/chunks', 'dist/cli/hook-chunks']) rmSync(folder, { recursive: true, force: true });

// Dependencies stay external, except commander: every CLI run loads it, and as a CommonJS package
// imported from ES modules it cost ~10 ms of each run; bundled it costs next to nothing.
const BUNDLED = new Set(['commander']);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const external = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.devDependencies ?? {})]
  .filter((name) => !BUNDLED.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const common = { bundle: true, platform: 'node', target: 'node20', external, sourcemap: 'linked', logLevel: 'warning' };
const esmEntries = {
  'cli/headroom': 'electron/cli/headroom.ts',
  'cli/scan-worker': 'electron/engine/parallel/scan-worker.ts',
  'main/index': 'electron/main/index.ts',
  'bench/run': 'test/bench/run.ts',
};
const present = Object.fromEntries(Object.entries(esmEntries).filter(([, file]) => existsSync(file)));

await build({
  ...common,
  entryPoints: present,
  outdir: 'dist',
  format: 'esm',
  // Commands are imported when they run; splitting turns each into its own chunk.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: [...external, 'electron'],
  banner: { js: '#!/usr/bin/env node\nimport { createRequire as __hrCreateRequire } from "node:module"; const require = __hrCreateRequire(import.meta.url);' },
});
// Agent hooks run after every tool call: their own entry, split so each event loads only what it needs.
if (existsSync('electron/engine/hooks/bin.ts')) {
  await build({
    ...common,
    entryPoints: { 'cli/hook': 'electron/engine/hooks/bin.ts' },
    outdir: 'dist',
    format: 'esm',
    splitting: true,
    chunkNames: 'cli/hook-chunks/[name]-[hash]',
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __hrCreateRequire } from "node:module"; const require = __hrCreateRequire(import.meta.url);' },
  });
}
if (existsSync('electron/preload/index.ts')) {
  await build({ ...common, entryPoints: { 'preload/index': 'electron/preload/index.ts' }, outdir: 'dist', format: 'cjs', outExtension: { '.js': '.cjs' }, external: [...external, 'electron'] });
}
if (existsSync('dist/cli/headroom.js')) chmodSync('dist/cli/headroom.js', 0o755);
