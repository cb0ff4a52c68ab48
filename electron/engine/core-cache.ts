/**
 * The folded part of each session's snapshot (SessionCore, files, bad-line count), built again only
 * when the session changed (its version) or something every snapshot depends on did (the generation:
 * figure settings). Listing 2,800 sessions then costs almost nothing when few of them moved.
 */
import type { Settings } from '../../shared/settings';
import type { CachedCore, SessionEntry, TrackedFile } from './engine-parts';
import { readStatuslineRecord } from './hooks/statusline-record';
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
    return { windowTokens: readStatuslineRecord(this.dataDir, entry.id)?.contextWindowSize || null };
  }
}
