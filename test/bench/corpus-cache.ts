/**
 * The benchmark corpus, generated once per seed and size into `.cache/bench-corpus-<seed>-<size>` and
 * reused: a gigabyte takes about a minute to write. A manifest written last marks a complete corpus;
 * it also records the total size, so a corpus changed since (e.g. a bench killed mid-append) is
 * noticed and generated again rather than measured with wrong ground truth.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RealisticCorpus, writeRealisticCorpus } from '../support/corpus/realistic';

/** Bump when the generator's output changes, so old cached corpora are rebuilt. */
const GENERATOR_VERSION = 1;

export interface BenchCorpus extends RealisticCorpus {
  dir: string;
  geminiDir: string;
  files: string[];
  bytes: number;
  generatedSeconds: number | null;
}

interface Manifest {
  version: number;
  corpus: RealisticCorpus;
  files: number;
  bytes: number;
}

export function ensureCorpus(cacheRoot: string, seed: number, bytes: number, label: string, log: (line: string) => void): BenchCorpus {
  const dir = join(cacheRoot, `bench-corpus-${seed}-${label}`);
  const cached = loadManifest(dir);
  if (cached) {
    const files = listFiles(dir);
    const size = totalBytes(files);
    if (files.length === cached.files && size === cached.bytes) return { ...relocate(cached.corpus, dir), dir, geminiDir: join(dir, 'gemini'), files, bytes: size, generatedSeconds: null };
    log(`cached corpus in ${dir} changed since it was generated (${files.length} files, ${size} bytes); generating it again`);
  }
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const started = performance.now();
  let lastPercent = -1;
  const corpus = writeRealisticCorpus(partial, {
    seed,
    bytes,
    onProgress: (done, total) => {
      const percent = Math.floor((done / total) * 10) * 10;
      if (percent !== lastPercent) log(`  generating corpus: ${percent}%`);
      lastPercent = percent;
    },
  });
  mkdirSync(join(partial, 'gemini'), { recursive: true });
  const files = listFiles(partial);
  const manifest: Manifest = { version: GENERATOR_VERSION, corpus, files: files.length, bytes: totalBytes(files) };
  writeFileSync(join(partial, 'manifest.json'), JSON.stringify(manifest, null, 2));
  renameSync(partial, dir);
  const seconds = (performance.now() - started) / 1000;
  return { ...relocate(corpus, dir), dir, geminiDir: join(dir, 'gemini'), files: listFiles(dir), bytes: manifest.bytes, generatedSeconds: seconds };
}

function loadManifest(dir: string): Manifest | null {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return manifest.version === GENERATOR_VERSION ? manifest : null;
  } catch {
    return null;
  }
}

function relocate(corpus: RealisticCorpus, dir: string): RealisticCorpus {
  return { ...corpus, claudeDir: join(dir, 'claude'), codexDir: join(dir, 'codex') };
}

/** Every transcript file of the corpus, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.jsonl'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function totalBytes(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}
