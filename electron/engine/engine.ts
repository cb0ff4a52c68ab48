/**
 * The transcript engine: tracks every transcript file under the roots, reads each incrementally, and
 * folds records into per-session state. It is plain Node (no Electron) and does no watching itself —
 * the Monitor tells it which files changed; `scanStatus` simply reads everything once.
 *
 * The parts: which file belongs to which session (session-book.ts), reading files into it
 * (transcript-reader.ts, with the guarantees on bad lines, unreadable and replaced files), each
 * session's snapshot part (core-cache.ts); this class ties them to the roots, the settings, running
 * processes and problems, and runs reads one at a time.
 */
import type { Agent, Problem, Problems, Session } from '../../shared/session';
import type { ShareInput } from './parallel/protocol';
import type { MatchableSession } from './processes/session-index';
import type { Settings } from '../../shared/settings';
import { DEFAULT_SETTINGS } from '../../shared/settings-defaults';
import { type FileCursor, freshCursor } from './read/line-reader';
import { type Root, type RootOptions, resolveRoots, unreadableReason } from './roots';
import { badLinesProblem, type EngineState, figureSettings, ProblemLog, type SessionEntry, type TrackedFile } from './engine-parts';
import { SessionBook } from './session-book';
import { TranscriptReader } from './transcript-reader';
import { sourceFor } from './sources';
import type { ContextEvent } from './sources/types';
import { CoreCache } from './core-cache';
import { type Annotate, byLatestActivity, type Liveness, toSession } from './snapshot';

export type { EngineState, SessionEntry } from './engine-parts';
export { badLinesProblem } from './engine-parts';

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
  private readonly book = new SessionBook();
  private readonly files = this.book.files;
  private readonly sessions = this.book.sessions;
  private readonly reader: TranscriptReader;
  private readonly problems = new ProblemLog();
  private readonly liveness = new Map<string, Liveness>();
  /** Reads and removals run one at a time, so a session is never rebuilt while a file is mid-read. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Each session's folded snapshot part, rebuilt only when it changed (core-cache.ts). */
  private readonly cores: CoreCache;
  private matchableCache: { revision: number; list: MatchableSession[] } | null = null;

  constructor(options: EngineOptions = {}) {
    this.settings = options.settings ?? DEFAULT_SETTINGS;
    this.now = options.now ?? Date.now;
    this.annotate = options.annotate;
    this.cores = new CoreCache(this.files, options.dataDir);
    this.roots = resolveRoots({ ...options, settings: this.settings });
    this.reader = new TranscriptReader(this.book, {
      track: (path) => this.track(path),
      problem: (problem) => this.problem(problem),
      clearProblem: (kind, path) => this.clearProblem(kind, path),
      dropped: (key) => {
        this.liveness.delete(key);
        this.cores.drop(key);
      },
    });
  }

  /** Bumped on every change to any session: lets callers skip work when nothing happened. */
  get revision(): number {
    return this.book.revision;
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
    for (const [key, paths] of this.book.bySession(found)) {
      for (const path of paths) await this.update(path);
      if (key !== null && options.sleepAfterMs !== undefined) this.sleepIfQuiet(key, options.sleepAfterMs, this.now());
    }
  }

  /** Lists the transcript files under every root, starts tracking new ones, and returns those found. */
  async discover(): Promise<string[]> {
    const found: string[] = [];
    for (const root of this.roots) {
      const source = sourceFor(root.agent);
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
  track(path: string, root = this.rootOf(path), source = root && sourceFor(root.agent)): boolean {
    if (this.files.has(path)) return true;
    if (!root || !source) return false;
    const kind = source.classify(path, root.path);
    if (!kind) return false;
    const file: TrackedFile = { path, source, role: kind.role, priority: kind.priority, sessionKey: null, pending: [], cursor: freshCursor(), badLines: 0, shadowed: false };
    this.book.add(file, kind.sessionId);
    return true;
  }

  /** Reads what was appended to a tracked file; returns the key of the session it changed, if any. */
  update(path: string): Promise<string | null> {
    return this.serialized(() => this.reader.read(path));
  }

  /** Forgets a deleted file; the session is rebuilt from its other files or dropped. Returns its key. */
  remove(path: string): Promise<string | null> {
    return this.serialized(() => this.reader.forget(path));
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

  /** Tracked files grouped by session (files whose session is not known yet come under null, last). */
  filesBySession(): Map<string | null, string[]> {
    return this.book.bySession(this.files.keys());
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

  /** Everything needed to continue incrementally after a restart (see cache/). */
  exportState(): EngineState {
    return this.book.export();
  }

  /** Forgets every file and session (after a rejected cache). */
  clear(): void {
    this.book.clear();
    this.liveness.clear();
    this.cores.clear();
  }

  /** Restores `exportState` output into an empty engine (or merges worker results); throws if it does not fit. */
  importState(state: EngineState, options: { merge?: boolean } = {}): void {
    if (!options.merge && (this.files.size > 0 || this.sessions.size > 0)) throw new Error('importState needs an empty engine');
    this.book.import(state);
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
}
