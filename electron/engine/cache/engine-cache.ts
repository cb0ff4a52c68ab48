/**
 * The warm-start cache: per-file cursors and folded session state, so a restart reads only what was
 * appended since. Versioned and written atomically (temp file + rename). A cache that is corrupt, from
 * another version, or made for other roots is discarded with a reason and rebuilt by a cold scan —
 * never a crash, never numbers from a stale state.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Engine, EngineState } from '../engine';

/** Bump when an accumulator's fields or the meaning of a cursor change. */
export const CACHE_VERSION = 1;

const EnvelopeSchema = z.object({
  version: z.number(),
  roots: z.array(z.string()),
  savedAt: z.string(),
  engine: z.object({ files: z.array(z.unknown()), sessions: z.array(z.unknown()) }),
});

export function cachePath(dataDir: string): string {
  return join(dataDir, 'cache', 'engine.json');
}

const rootKey = (engine: Engine) => engine.roots.map((root) => `${root.agent}:${root.path}`);

/**
 * Loads the cache into a fresh engine. Returns null on success, or why the cache was not used
 * (the engine is then left empty for a cold scan).
 */
export function loadCache(engine: Engine, dataDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(cachePath(dataDir), 'utf8');
  } catch {
    return 'no cache yet';
  }
  try {
    const envelope = EnvelopeSchema.parse(JSON.parse(text));
    if (envelope.version !== CACHE_VERSION) return `cache version ${envelope.version} is not ${CACHE_VERSION}`;
    if (JSON.stringify(envelope.roots) !== JSON.stringify(rootKey(engine))) return 'cache was made for other folders';
    engine.importState(envelope.engine as EngineState);
    return null;
  } catch (error) {
    return `cache is unreadable (${(error as Error).message.split('\n')[0]})`;
  }
}

export function saveCache(engine: Engine, dataDir: string, now = Date.now()): void {
  const path = cachePath(dataDir);
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ version: CACHE_VERSION, roots: rootKey(engine), savedAt: new Date(now).toISOString(), engine: engine.exportState() }));
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
