/**
 * Which file belongs to which session: the Engine's two maps, and every change to them.
 *
 * A session has one main file — a second copy of it (say archived and active) is shadowed and not
 * read — and any number of subagent files. A file whose session is not known yet (old flat Claude
 * subagent files) keeps its records until a record names the session. Changing a session's files
 * never mixes old and new contents: its folded state is dropped and all its files are read again.
 */
import type { EngineState, SessionEntry, TrackedFile } from './engine-parts';
import { exportEngineState, importEngineState } from './engine-state';
import { freshCursor } from './read/line-reader';
import { SessionState } from './session-state';

/** What removing a file did to its session. */
export interface Detached {
  entry: SessionEntry;
  /** The session has no file left and was dropped too. */
  emptied: boolean;
}

export class SessionBook {
  readonly files = new Map<string, TrackedFile>();
  readonly sessions = new Map<string, SessionEntry>();
  /** Bumped on every change to any session: lets callers skip work when nothing happened. */
  revision = 0;

  sessionOf(file: TrackedFile): SessionEntry | undefined {
    return file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
  }

  touch(entry: SessionEntry | undefined): void {
    if (!entry) return;
    entry.version += 1;
    this.revision += 1;
  }

  /** Starts tracking a file; with its session id (when the path tells it) it joins that session now. */
  add(file: TrackedFile, sessionId: string | null): void {
    this.files.set(file.path, file);
    if (sessionId) this.attach(file, sessionId);
  }

  /** The file joins its session (made if new), and the records it held meanwhile are folded in. */
  attach(file: TrackedFile, sessionId: string): void {
    const key = `${file.source.agent}:${sessionId}`;
    let entry = this.sessions.get(key);
    if (!entry) {
      const source = file.source;
      entry = { key, id: sessionId, source, state: new SessionState(() => source.create(sessionId)), mainFile: null, files: new Set(), stale: false, version: 0 };
      this.sessions.set(key, entry);
    }
    file.sessionKey = key;
    entry.files.add(file.path);
    this.touch(entry);
    if (file.role === 'main') this.claimMain(entry, file);
    for (const record of file.pending.splice(0)) entry.state.accumulator.add(record, file.role, file.path);
  }

  /** Drops a session's folded state and rewinds all of its files, so they are read again in full. */
  reset(file: TrackedFile): void {
    const entry = this.sessionOf(file);
    if (!entry) {
      file.badLines = 0;
      file.cursor = freshCursor();
      return;
    }
    const { source, id } = entry;
    entry.state = new SessionState(() => source.create(id));
    entry.stale = true;
    this.touch(entry);
    for (const path of entry.files) {
      const member = this.files.get(path);
      if (!member) continue;
      member.cursor = freshCursor();
      member.badLines = 0;
    }
  }

  /**
   * Forgets a file. Its session loses it (a shadowed copy of a removed main file stands in), and is
   * dropped when no file is left. Null when the file was not tracked or had no session yet.
   */
  detach(path: string): Detached | null {
    const file = this.files.get(path);
    if (!file) return null;
    this.files.delete(path);
    const entry = this.sessionOf(file);
    if (!entry) return null;
    entry.files.delete(path);
    if (entry.mainFile === path) {
      entry.mainFile = null;
      const standIn = [...entry.files].map((p) => this.files.get(p)).find((f) => f?.role === 'main');
      if (standIn) {
        standIn.shadowed = false;
        entry.mainFile = standIn.path;
      }
    }
    this.touch(entry);
    if (entry.files.size > 0) return { entry, emptied: false };
    this.sessions.delete(entry.key);
    return { entry, emptied: true };
  }

  /** Paths grouped by their session, files whose session is not known yet last. */
  bySession(paths: Iterable<string>): Map<string | null, string[]> {
    const groups = new Map<string | null, string[]>();
    for (const path of paths) {
      const key = this.files.get(path)?.sessionKey ?? null;
      const group = groups.get(key);
      if (group) group.push(path);
      else groups.set(key, [path]);
    }
    const unknown = groups.get(null);
    if (unknown) {
      groups.delete(null);
      groups.set(null, unknown);
    }
    return groups;
  }

  export(): EngineState {
    return exportEngineState(this.files, this.sessions);
  }

  /** Restores exported state (into an empty book, or merging workers' disjoint results). */
  import(state: EngineState): void {
    importEngineState(state, this.files, this.sessions);
  }

  clear(): void {
    this.files.clear();
    this.sessions.clear();
  }

  /** Two main files for one session: the lower priority wins and the other is shadowed. */
  private claimMain(entry: SessionEntry, file: TrackedFile): void {
    const current = entry.mainFile ? this.files.get(entry.mainFile) : undefined;
    if (!current) {
      entry.mainFile = file.path;
      return;
    }
    if (file.priority < current.priority) {
      current.shadowed = true;
      entry.mainFile = file.path;
      this.reset(file);
    } else {
      file.shadowed = true;
    }
  }
}
