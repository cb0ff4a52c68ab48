/**
 * The warm-start cache: per-file cursors and folded session state, so a restart reads only what was
 * appended since. One file per set of source folders (`cache/engine-<digest>.json`). Versioned and written atomically (temp file + rename). A cache that is corrupt, from
 * another version, or made for other roots is discarded with a reason and rebuilt by a cold scan —
 * never a crash, never numbers from a stale state.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Root } from '../roots';
import type { Engine, EngineState } from '../engine';

/** Bump when an accumulator's fields or the meaning of a cursor change. */
export const CACHE_VERSION = 2;

interface Envelope {
  version: number;
  roots: string[];
  engine: EngineState;
}

/**
 * The envelope's shape, checked by hand: loading zod for these four fields cost ~60 ms of every start.
 * What is inside `engine` is checked as it is imported (importState throws on what does not fit).
 */
function envelopeOf(value: unknown): Envelope {
  const envelope = value as Partial<Record<keyof Envelope | 'savedAt', unknown>> | null;
  if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) throw new Error('not a JSON object');
  if (typeof envelope.version !== 'number') throw new Error('field "version" is not a number');
  if (!Array.isArray(envelope.roots) || !envelope.roots.every((root) => typeof root === 'string')) throw new Error('field "roots" is not a list of strings');
  if (typeof envelope.savedAt !== 'string') throw new Error('field "savedAt" is not a string');
  const engine = envelope.engine as Partial<Record<keyof EngineState, unknown>> | null | undefined;
  if (typeof engine !== 'object' || engine === null || !Array.isArray(engine.files) || !Array.isArray(engine.sessions)) throw new Error('field "engine" is not { files, sessions }');
  return envelope as Envelope;
}

const rootKey = (roots: readonly Root[]) => roots.map((root) => `${root.agent}:${root.path}`);

/** One cache per set of folders, so running with other `--…-dir` flags never invalidates the usual one. */
export function cachePath(dataDir: string, roots: readonly Root[]): string {
  const digest = createHash('sha256').update(JSON.stringify(rootKey(roots))).digest('hex').slice(0, 16);
  return join(dataDir, 'cache', `engine-${digest}.json`);
}

/**
 * Loads the cache into a fresh engine. Returns null on success, or why the cache was not used
 * (the engine is then left empty for a cold scan).
 */
export function loadCache(engine: Engine, dataDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(cachePath(dataDir, engine.roots), 'utf8');
  } catch {
    return 'no cache yet';
  }
  try {
    const envelope = envelopeOf(JSON.parse(text));
    if (envelope.version !== CACHE_VERSION) return `cache version ${envelope.version} is not ${CACHE_VERSION}`;
    if (JSON.stringify(envelope.roots) !== JSON.stringify(rootKey(engine.roots))) return 'cache was made for other folders';
    engine.importState(envelope.engine);
    return null;
  } catch (error) {
    return `cache is unreadable (${(error as Error).message.split('\n')[0]})`;
  }
}

export function saveCache(engine: Engine, dataDir: string, now = Date.now()): void {
  const path = cachePath(dataDir, engine.roots);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ version: CACHE_VERSION, roots: rootKey(engine.roots), savedAt: new Date(now).toISOString(), engine: engine.exportState() }));
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
