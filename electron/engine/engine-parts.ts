/**
 * The pieces the Engine is built from: what it tracks per file and per session, the shape of its
 * saved state (warm-start cache, scan workers), and its problem log.
 */
import type { Agent, Problem } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import type { FileCursor } from './read/line-reader';
import type { SessionState } from './session-state';
import type { FileRole, SessionCore, Source } from './sources/types';

export interface TrackedFile {
  path: string;
  source: Source<unknown>;
  role: FileRole;
  priority: number;
  /** Null until the file's records name their session (old flat Claude subagent files). */
  sessionKey: string | null;
  /** Records read before the session was known, replayed once it is. */
  pending: unknown[];
  cursor: FileCursor;
  badLines: number;
  /** A second copy of a session's main file (e.g. archived and active); not read. */
  shadowed: boolean;
}

export interface SessionEntry {
  key: string;
  id: string;
  source: Source<unknown>;
  state: SessionState;
  mainFile: string | null;
  files: Set<string>;
  /** Its state was dropped while files were already read; they must be read again. */
  stale: boolean;
  /** Bumped on every change, so an unchanged session's snapshot is not built again. */
  version: number;
}

export interface CachedCore {
  version: number;
  generation: number;
  core: SessionCore;
  files: string[];
  badLines: number;
}

export interface EngineState {
  files: { path: string; agent: Agent; role: FileRole; priority: number; sessionKey: string; cursor: FileCursor; badLines: number; shadowed: boolean }[];
  sessions: { key: string; id: string; agent: Agent; mainFile: string | null; files: string[]; state: unknown }[];
}

/** Problems by kind and path, so a repeated problem replaces itself instead of piling up. */
export class ProblemLog {
  private readonly problems = new Map<string, Problem>();

  add(problem: Problem): void {
    this.problems.set(`${problem.kind}:${problem.path ?? ''}`, problem);
  }

  clear(kind: Problem['kind'], path: string | null): void {
    this.problems.delete(`${kind}:${path ?? ''}`);
  }

  items(): Problem[] {
    return [...this.problems.values()];
  }
}

export function badLinesProblem(count: number): Problem {
  return { kind: 'bad-lines', path: null, message: `${count} transcript line(s) were not valid records and were skipped` };
}

/** The settings a session's figures depend on (windows, prices, compaction buffer). */
export function figureSettings(settings: Settings): string {
  return JSON.stringify([settings.modelWindows, settings.prices, settings.autoCompactBufferTokens]);
}
