/**
 * The folded part of each session's snapshot (SessionCore, files, bad-line count), built again only
 * when the session changed (its version) or something every snapshot depends on did (the generation:
 * figure settings). Listing 2,800 sessions then costs almost nothing when few of them moved.
 */
import type { Settings } from '../../shared/settings';
import type { CachedCore, SessionEntry, TrackedFile } from './engine-parts';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readStatuslineRecord, statuslinePath } from './hooks/statusline-record';
import type { SessionHints } from './sources/types';

export class CoreCache {
  private readonly cores = new Map<string, CachedCore>();
  private generation = 0;

  constructor(
    private readonly files: ReadonlyMap<string, TrackedFile>,
    /** Where Claude Code's own reported window is read from (statusLine hook records). */
    readonly dataDir: string | undefined,
  ) {}

  of(entry: SessionEntry, settings: Settings): CachedCore {
    const cached = this.cores.get(entry.key);
    if (cached && cached.version === entry.version && cached.generation === this.generation) return cached;
    const files = [...entry.files].map((path) => this.files.get(path)).filter((f): f is TrackedFile => f !== undefined && !f.shadowed);
    const fresh: CachedCore = {
      version: entry.version,
      generation: this.generation,
      core: entry.state.accumulator.core(settings, this.hintsFor(entry)),
      files: files.sort((a, b) => (a.role === b.role ? a.path.localeCompare(b.path) : a.role === 'main' ? -1 : 1)).map((f) => f.path),
      badLines: files.reduce((sum, f) => sum + f.badLines, 0),
    };
    this.cores.set(entry.key, fresh);
    return fresh;
  }

  invalidate(): void {
    this.generation += 1;
  }

  drop(key: string): void {
    this.cores.delete(key);
  }

  clear(): void {
    this.cores.clear();
  }

  private hintsFor(entry: SessionEntry): SessionHints | undefined {
    if (!this.dataDir || entry.source.agent !== 'claude-code') return undefined;
    if (!this.statuslines.has(statuslinePath(this.dataDir, entry.id))) return { windowTokens: null };
    return { windowTokens: readStatuslineRecord(this.dataDir, entry.id)?.contextWindowSize || null };
  }

  private readonly statuslines = new FolderIndex();
}

/**
 * Which files a folder holds, looked at once per synchronous pass (a listing of every session) and
 * listed again only when the folder changed. Most sessions have no statusLine record; trying to open
 * one per session cost a failed open and a thrown error each, a visible share of listing thousands.
 */
class FolderIndex {
  private listed: { folder: string; mtimeMs: number; paths: Set<string> } | null = null;
  /** This pass's answer; dropped once the pass is over. */
  private pass: { folder: string; paths: Set<string> | null } | null = null;

  has(path: string): boolean {
    const folder = dirname(path);
    if (this.pass?.folder !== folder) {
      this.pass = { folder, paths: this.paths(folder) };
      queueMicrotask(() => (this.pass = null));
    }
    return this.pass.paths?.has(path) ?? false;
  }

  private paths(folder: string): Set<string> | null {
    const mtimeMs = mtimeOf(folder);
    if (mtimeMs === undefined) return null;
    // A folder changed within the last moments may change again within its mtime's granularity.
    const settled = Date.now() - mtimeMs > 2000;
    if (settled && this.listed?.folder === folder && this.listed.mtimeMs === mtimeMs) return this.listed.paths;
    try {
      this.listed = { folder, mtimeMs, paths: new Set(readdirSync(folder).map((name) => join(folder, name))) };
      return this.listed.paths;
    } catch {
      return null;
    }
  }
}

/** Usually there is no such folder (no statusLine hook): asked without throwing an error each time. */
function mtimeOf(folder: string): number | undefined {
  try {
    return statSync(folder, { throwIfNoEntry: false })?.mtimeMs;
  } catch {
    return undefined;
  }
}
