/**
 * The transcript engine: tracks every transcript file under the roots, reads each incrementally, and
 * folds records into per-session state. It is plain Node (no Electron) and does no watching itself —
 * the Monitor tells it which files changed; `scanStatus` simply reads everything once.
 *
 * Guarantees: a bad line is counted against its session and skipped; an unreadable file or folder
 * becomes a problem and the rest carries on; a file that shrank or was replaced makes its session be
 * rebuilt from all of its files, so numbers never mix old and new contents.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Agent, Problem, Problems, Session } from '../../shared/session';
import { SessionState } from './session-state';
import { exportEngineState, importEngineState } from './engine-state';
import type { ShareInput } from './parallel/protocol';
import type { MatchableSession } from './processes/session-index';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { type FileCursor, freshCursor, isUnchanged, readAppendedLines } from './read/line-reader';
import { BadRecord, type Json, parseLine } from './read/fields';
import { type Root, type RootOptions, resolveRoots, unreadableReason } from './roots';
import { badLinesProblem, type EngineState, figureSettings, ProblemLog, type SessionEntry, type TrackedFile } from './engine-parts';
import { SOURCES } from './sources';
import type { ContextEvent } from './sources/types';
import { CoreCache } from './core-cache';
import { type Annotate, byLatestActivity, type Liveness, toSession } from './snapshot';

export type { EngineState, SessionEntry } from './engine-parts';
export { badLinesProblem } from './engine-parts';

const MAX_PENDING = 1000;

export interface EngineOptions extends RootOptions {
  settings?: Settings | undefined;
  now?: (() => number) | undefined;
  annotate?: Annotate | undefined;
  /** Headroom's data dir: Claude Code's own reported window (statusLine hook records) is read from it. */
  dataDir?: string | undefined;
}

export class Engine {
  readonly roots: Root[];
  private settings: Settings;
  private readonly now: () => number;
  private readonly annotate: Annotate | undefined;
  private readonly files = new Map<string, TrackedFile>();
  private readonly sessions = new Map<string, SessionEntry>();
  private readonly problems = new ProblemLog();
  private readonly liveness = new Map<string, Liveness>();
  /** Reads and removals run one at a time, so a session is never rebuilt while a file is mid-read. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Each session's folded snapshot part, rebuilt only when it changed (core-cache.ts). */
  private readonly cores: CoreCache;
  /** Bumped on every change to any session: lets callers skip work when nothing happened. */
  revision = 0;
  private matchableCache: { revision: number; list: MatchableSession[] } | null = null;

  constructor(options: EngineOptions = {}) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.now = options.now ?? Date.now;
    this.annotate = options.annotate;
    this.cores = new CoreCache(this.files, options.dataDir);
    this.roots = resolveRoots({ ...options, settings: this.settings });
  }

  /**
   * Discovers and reads every transcript. After `importState` (a warm start) this reads only what
   * changed since, and forgets files that are gone. `discovered`: a listing the caller just made.
   */
  async scan(discovered?: readonly string[], options: { sleepAfterMs?: number } = {}): Promise<void> {
    const found = new Set(discovered ?? (await this.discover()));
    for (const path of [...this.files.keys()]) if (!found.has(path)) await this.remove(path);
    // Session by session, so that with `sleepAfterMs` (the live Monitor) a quiet session goes to sleep
    // as soon as its files are read: a first scan then holds one session's live state at a time, not
    // every session's at once.
    for (const [key, paths] of this.bySession(found)) {
      for (const path of paths) await this.update(path);
      if (key !== null && options.sleepAfterMs !== undefined) this.sleepIfQuiet(key, options.sleepAfterMs, this.now());
    }
  }

  /** Paths grouped by their session, files whose session is not known yet last. */
  private bySession(paths: Iterable<string>): Map<string | null, string[]> {
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

  /** Lists the transcript files under every root, starts tracking new ones, and returns those found. */
  async discover(): Promise<string[]> {
    const found: string[] = [];
    for (const root of this.roots) {
      const source = SOURCES.find((candidate) => candidate.agent === root.agent);
      if (!source) continue;
      const unreadable = await unreadableReason(root.path);
      if (unreadable) {
        if (root.explicit) this.problem({ kind: 'missing-root', path: root.path, message: `${root.agent} folder ${unreadable}: ${root.path}` });
        continue;
      }
      this.clearProblem('missing-root', root.path);
      const listed = source.listFiles(root.path, (path, error) =>
        this.problem({ kind: 'unreadable', path, message: `cannot read folder ${path}: ${error.code ?? error.message}` }),
      );
      for (const path of listed) if (this.track(path, root, source)) found.push(path);
    }
    return found;
  }

  /** The root a path lies under, for files the watcher reports. */
  rootOf(path: string): Root | undefined {
    return this.roots.find((root) => path.startsWith(root.path.endsWith('/') ? root.path : `${root.path}/`));
  }

  /** Starts tracking one file if it is a transcript; returns whether it is tracked. */
  track(path: string, root = this.rootOf(path), source = SOURCES.find((s) => s.agent === root?.agent)): boolean {
    if (this.files.has(path)) return true;
    if (!root || !source) return false;
    const kind = source.classify(path, root.path);
    if (!kind) return false;
    const file: TrackedFile = { path, source, role: kind.role, priority: kind.priority, sessionKey: null, pending: [], cursor: freshCursor(), badLines: 0, shadowed: false };
    this.files.set(path, file);
    if (kind.sessionId) this.attach(file, kind.sessionId);
    return true;
  }

  /** Reads what was appended to a tracked file; returns the key of the session it changed, if any. */
  update(path: string): Promise<string | null> {
    return this.serialized(() => this.read(path));
  }

  /** Forgets a deleted file; the session is rebuilt from its other files or dropped. Returns its key. */
  remove(path: string): Promise<string | null> {
    return this.serialized(() => this.forget(path));
  }

  /** Resolves once every read queued so far has finished. */
  settled(): Promise<void> {
    return this.serialized(async () => undefined);
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(path: string): Promise<string | null> {
    const file = this.files.get(path) ?? (this.track(path) ? this.files.get(path) : undefined);
    if (!file || file.shadowed) return null;
    const before = file.sessionKey;
    if (file.source.wholeFile?.(path)) return this.readWhole(file);
    let restarted = false;
    try {
      await readAppendedLines(
        path,
        file.cursor,
        (line) => this.consume(file, line),
        () => {
          restarted = true;
          this.resetSession(file);
        },
      ).then((result) => {
        file.cursor = result.cursor;
      });
      this.clearProblem('unreadable', path);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return (await this.forget(path)) ?? before;
      this.problem({ kind: 'unreadable', path, message: `cannot read ${path}: ${err.code ?? err.message}` });
      return file.sessionKey;
    }
    const entry = file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
    if (entry && (restarted || entry.stale)) await this.rereadSiblings(file);
    return file.sessionKey;
  }

  /** A file rewritten whole on every change: when it changed, the session is rebuilt from it. */
  private async readWhole(file: TrackedFile): Promise<string | null> {
    try {
      const info = await stat(file.path);
      if (isUnchanged(file.cursor, info)) return file.sessionKey;
      const previouslyRead = file.cursor.size > 0;
      const content = await readFile(file.path);
      if (previouslyRead) this.resetSession(file);
      file.badLines = 0;
      this.consume(file, Buffer.from(content.toString('utf8').replace(/\r?\n/g, ' ')));
      file.cursor = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, offset: info.size };
      this.clearProblem('unreadable', file.path);
    } catch (error) {
      const err = error as NodeJS.ErrnoException;
      if (err.code === 'ENOENT') return this.forget(file.path);
      this.problem({ kind: 'unreadable', path: file.path, message: `cannot read ${file.path}: ${err.code ?? err.message}` });
    }
    const entry = file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
    if (entry?.stale) await this.rereadSiblings(file);
    return file.sessionKey;
  }

  private async forget(path: string): Promise<string | null> {
    const file = this.files.get(path);
    if (!file) return null;
    this.files.delete(path);
    const entry = file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
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
    if (entry.files.size === 0) {
      this.sessions.delete(entry.key);
      this.liveness.delete(entry.key);
      this.cores.drop(entry.key);
      return entry.key;
    }
    this.resetSession(file);
    await this.rereadSiblings(file);
    return entry.key;
  }

  has(key: string): boolean {
    return this.sessions.has(key);
  }

  session(key: string): Session | null {
    const entry = this.sessions.get(key);
    return entry ? this.snapshot(entry) : null;
  }

  /** Every session, most recently active first. */
  list(): Session[] {
    return [...this.sessions.values()]
      .map((entry) => this.snapshot(entry))
      .sort(byLatestActivity);
  }

  entry(key: string): SessionEntry | undefined {
    return this.sessions.get(key);
  }

  keys(): string[] {
    return [...this.sessions.keys()];
  }

  trackedFiles(): string[] {
    return [...this.files.keys()];
  }

  /** The options a scan worker needs to build an engine like this one (plain data). */
  workerOptions(): ShareInput['options'] {
    const dirs = (agent: Agent) => this.roots.filter((root) => root.agent === agent).map((root) => root.path);
    return { claudeDirs: dirs('claude-code'), codexDirs: dirs('codex'), geminiDirs: dirs('gemini-cli'), settings: this.settings, dataDir: this.cores.dataDir };
  }

  /** Tracked files grouped by session (files whose session is not known yet come under null). */
  filesBySession(): Map<string | null, string[]> {
    const groups = new Map<string | null, string[]>();
    for (const file of this.files.values()) {
      const group = groups.get(file.sessionKey) ?? [];
      group.push(file.path);
      groups.set(file.sessionKey, group);
    }
    return groups;
  }

  cursorOf(path: string): FileCursor | undefined {
    return this.files.get(path)?.cursor;
  }

  problemList(): Problems {
    let badLines = 0;
    for (const file of this.files.values()) badLines += file.badLines;
    const items = this.problems.items();
    if (badLines > 0) items.push(badLinesProblem(badLines));
    return { badLines, items };
  }

  /** Records a problem found outside the engine (watcher, cache, processes). */
  problem(problem: Problem): void {
    this.problems.add(problem);
  }

  clearProblem(kind: Problem['kind'], path: string | null): void {
    this.problems.clear(kind, path);
  }

  get currentSettings(): Settings {
    return this.settings;
  }

  setSettings(settings: Settings): void {
    const figuresChange = figureSettings(settings) !== figureSettings(this.settings);
    this.settings = settings;
    if (figuresChange) this.invalidate();
  }

  /**
   * The few fields process matching and the status clock need, for every session. Rebuilt only when
   * something changed, so the watcher's idle tick allocates next to nothing.
   */
  matchables(): readonly MatchableSession[] {
    if (this.matchableCache?.revision === this.revision) return this.matchableCache.list;
    const list = [...this.sessions.values()].map((entry) => {
      const { core, files } = this.cores.of(entry, this.settings);
      return { agent: core.agent, id: core.id, project: core.project, files, startedAt: core.startedAt, lastActivityAt: core.lastActivityAt };
    });
    this.matchableCache = { revision: this.revision, list };
    return list;
  }

  /** A session's whole context series (wakes it if asleep), for charts. */
  history(key: string): readonly ContextEvent[] {
    return this.sessions.get(key)?.state.accumulator.contextEvents ?? [];
  }

  /**
   * Puts sessions quiet for `quietMs` to sleep (see SessionState); their snapshots stay cached, so
   * listing them wakes nothing. Returns how many went to sleep.
   */
  hibernate(quietMs: number): number {
    const now = this.now();
    let count = 0;
    for (const key of this.sessions.keys()) if (this.sleepIfQuiet(key, quietMs, now)) count += 1;
    return count;
  }

  private sleepIfQuiet(key: string, quietMs: number, now: number): boolean {
    const entry = this.sessions.get(key);
    if (!entry || entry.state.asleep) return false;
    const { core } = this.cores.of(entry, this.settings);
    if (core.lastActivityAt !== null && now - Date.parse(core.lastActivityAt) < quietMs) return false;
    entry.state.sleep();
    return true;
  }

  /** Something outside the transcripts changed (e.g. tags): every snapshot is built again. */
  invalidate(): void {
    this.cores.invalidate();
  }

  /** Process information from the process matcher; sessions not listed have no live process. */
  setLiveness(liveness: ReadonlyMap<string, Liveness>): void {
    this.liveness.clear();
    for (const [key, value] of liveness) if (this.sessions.has(key)) this.liveness.set(key, value);
  }

  private touch(entry: SessionEntry | undefined): void {
    if (!entry) return;
    entry.version += 1;
    this.revision += 1;
  }

  /** Everything needed to continue incrementally after a restart (see cache/). */
  exportState(): EngineState {
    return exportEngineState(this.files, this.sessions);
  }

  /** Forgets every file and session (after a rejected cache). */
  clear(): void {
    this.files.clear();
    this.sessions.clear();
    this.liveness.clear();
    this.cores.clear();
  }

  /** Restores `exportState` output into an empty engine (or merges worker results); throws if it does not fit. */
  importState(state: EngineState, options: { merge?: boolean } = {}): void {
    if (!options.merge && (this.files.size > 0 || this.sessions.size > 0)) throw new Error('importState needs an empty engine');
    importEngineState(state, this.files, this.sessions);
  }

  private snapshot(entry: SessionEntry): Session {
    const { core, files, badLines } = this.cores.of(entry, this.settings);
    return toSession({
      core,
      events: entry.state.recentEvents,
      files,
      badLines,
      liveness: this.liveness.get(entry.key) ?? null,
      annotations: this.annotate?.(entry.source.agent, entry.id) ?? null,
      settings: this.settings,
      now: this.now(),
    });
  }

  private consume(file: TrackedFile, line: Buffer): void {
    let json: Json | null;
    let record: unknown;
    try {
      json = parseLine(line);
      if (json === null) return;
      record = file.source.parse(json);
    } catch (error) {
      if (!(error instanceof BadRecord)) throw error;
      file.badLines += 1;
      this.touch(file.sessionKey ? this.sessions.get(file.sessionKey) : undefined);
      return;
    }
    if (record === null) return;
    if (file.sessionKey === null) {
      const id = file.source.sessionIdFromRecord?.(json) ?? null;
      if (id === null) {
        if (file.pending.length < MAX_PENDING) file.pending.push(record);
        return;
      }
      this.attach(file, id);
    }
    const entry = this.sessions.get(file.sessionKey!);
    entry?.state.accumulator.add(record, file.role, file.path);
    this.touch(entry);
  }

  private attach(file: TrackedFile, sessionId: string): void {
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
      this.resetSession(file);
    } else {
      file.shadowed = true;
    }
  }

  /** Drops a session's folded state and rewinds all of its files, so they are read again in full. */
  private resetSession(file: TrackedFile): void {
    const entry = file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
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

  private async rereadSiblings(file: TrackedFile): Promise<void> {
    const entry = file.sessionKey ? this.sessions.get(file.sessionKey) : undefined;
    if (!entry) return;
    entry.stale = false;
    for (const path of [...entry.files]) if (path !== file.path) await this.read(path);
  }
}
