/**
 * The live monitor: an Engine kept current by file-system events.
 *
 * Guarantees: each source root is watched with native events (inotify / FSEvents) and falls back to
 * polling only when watching fails, saying so as a problem; a change reads only the appended bytes of
 * that file and updates only its session; bursts of writes to one file are coalesced over a few
 * milliseconds (never by sleeping seconds); a root that appears after start is picked up, and one that
 * disappears removes its sessions and is reported. Nothing here ever writes into the agents' folders.
 */
import { EventEmitter } from 'node:events';
import { type FSWatcher, watch } from 'chokidar';
import type { Problem, Session } from '../../shared/session';

export type { ProcessMatcher } from './processes/matcher';
export { type MonitorEvents, type MonitorOptions, type RemovedSession, sessionKey } from './monitor-contract';
import type { Settings } from '../../shared/settings';
import { Engine } from './engine';
import type { MonitorEvents, MonitorOptions } from './monitor-contract';
import { cachePath, saveCache } from './cache/engine-cache';
import { startWarm } from './scan';
import type { Root } from './roots';
import { HotFiles } from './hot-files';
import { defaultProcessMatcher } from './processes/default';
import { StatusTick } from './status-tick';
import { isReadable, watchPaths } from './watch-paths';
import type { ContextEvent } from './sources/types';

const TRANSCRIPT = /\.jsonl?$/;
const HOT_POLL_MS = 100;

export class Monitor extends EventEmitter<MonitorEvents> {
  readonly engine: Engine;
  private readonly coalesceMs: number;
  private readonly options: MonitorOptions;
  private watcher: FSWatcher | null = null;
  private polling: boolean;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Files that changed recently, checked on a short clock for events chokidar dropped (hot-files.ts). */
  private readonly hotFiles: HotFiles;
  private addDirTimer: NodeJS.Timeout | null = null;
  private readonly known = new Set<string>();
  /** Transcript folders that do not exist (yet), with their root. */
  private readonly missing = new Map<string, Root>();
  private rootTimer: NodeJS.Timeout | null = null;
  private processTimer: NodeJS.Timeout | null = null;
  private cacheTimer: NodeJS.Timeout | null = null;
  /** Something changed since the cache was last saved. */
  private dirty = false;
  private closed = false;
  private readonly statusTick: StatusTick;

  constructor(options: MonitorOptions = {}) {
    super();
    this.options = options;
    this.engine = new Engine(options);
    this.hotFiles = new HotFiles({ cursorOf: (path) => this.engine.cursorOf(path), onMoved: (path) => this.schedule(path), pollMs: HOT_POLL_MS });
    const processes = options.processes === false ? null : (options.processes ?? defaultProcessMatcher(this.engine));
    this.statusTick = new StatusTick(this.engine, processes, () => this.options.now?.() ?? Date.now());
    this.coalesceMs = options.coalesceMs ?? 8;
    this.polling = options.usePolling ?? false;
  }

  /** Reads everything once, then starts watching. Resolves when the watcher is ready. */
  async start(): Promise<void> {
    if (this.options.cacheDir) startWarm(this.engine, this.options.cacheDir, (reason) => this.report({ kind: 'cache', path: cachePath(this.options.cacheDir!, this.engine.roots), message: reason }));
    await this.engine.scan(undefined, { sleepAfterMs: this.quietMs() });
    this.hibernate();
    this.saveCache();
    for (const key of this.engine.keys()) this.known.add(key);
    await this.startWatching();
    await this.refreshProcesses();
    const interval = this.options.processIntervalMs ?? 5000;
    this.processTimer = setInterval(() => void this.refreshProcesses(), interval);
    this.processTimer.unref();
    if (this.options.cacheDir) {
      this.cacheTimer = setInterval(() => this.dirty && this.saveCache(), 60_000);
      this.cacheTimer.unref();
    }
  }

  private saveCache(): void {
    if (!this.options.cacheDir) return;
    this.dirty = false;
    try {
      saveCache(this.engine, this.options.cacheDir);
    } catch (error) {
      this.report({ kind: 'cache', path: cachePath(this.options.cacheDir, this.engine.roots), message: `could not save the cache: ${(error as Error).message}` });
    }
  }

  sessions(): Session[] {
    return this.engine.list();
  }

  session(key: string): Session | null {
    return this.engine.session(key);
  }

  /** The context series of a session, for charts and burn rate. */
  history(key: string): readonly ContextEvent[] {
    return this.engine.history(key);
  }

  setSettings(settings: Settings): void {
    this.engine.setSettings(settings);
  }

  /** Whether native watching failed and the monitor polls instead. */
  get isPolling(): boolean {
    return this.polling;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.hotFiles.stop();
    if (this.addDirTimer) clearTimeout(this.addDirTimer);
    if (this.rootTimer) clearInterval(this.rootTimer);
    if (this.processTimer) clearInterval(this.processTimer);
    if (this.cacheTimer) clearInterval(this.cacheTimer);
    await this.watcher?.close();
    this.watcher = null;
    await this.engine.settled();
    if (this.dirty) this.saveCache();
  }

  private async startWatching(): Promise<void> {
    const paths: string[] = [];
    for (const root of this.engine.roots) {
      for (const path of watchPaths(root)) {
        if (await isReadable(path)) paths.push(path);
        else this.missing.set(path, root);
      }
    }
    const watcher = watch(paths, {
      ignoreInitial: true,
      usePolling: this.polling,
      interval: 500,
      // Only transcripts matter; skipping everything else keeps the watch set small.
      ignored: (path, stats) => stats?.isFile() === true && !TRANSCRIPT.test(path),
    });
    watcher.on('add', (path) => this.schedule(path));
    watcher.on('change', (path) => this.schedule(path));
    watcher.on('unlink', (path) => void this.removed(path));
    watcher.on('unlinkDir', (path) => void this.removedDir(path));
    watcher.on('addDir', () => {
      if (this.addDirTimer) return;
      this.addDirTimer = setTimeout(() => {
        this.addDirTimer = null;
        void this.addedDir();
      }, HOT_POLL_MS);
    });
    watcher.on('error', (error) => void this.watchFailed(error as NodeJS.ErrnoException));
    this.watcher = watcher;
    // chokidar never reports ready for an empty watch list.
    if (paths.length > 0) await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    // chokidar reports nothing for a path that does not exist yet; look for those now and then.
    this.rootTimer = setInterval(() => void this.checkRoots(), this.options.rootRetryMs ?? 1000);
    this.rootTimer.unref();
  }

  private schedule(path: string): void {
    if (this.closed || !TRANSCRIPT.test(path) || this.timers.has(path)) return;
    const timer = setTimeout(() => {
      this.timers.delete(path);
      void this.changed(path);
    }, this.coalesceMs);
    this.timers.set(path, timer);
  }

  private async changed(path: string): Promise<void> {
    this.markHot(path);
    const key = await this.engine.update(path);
    if (key) this.publish(key);
  }

  private markHot(path: string): void {
    if (!this.closed) this.hotFiles.mark(path);
  }

  /** A new folder: files may already be in it before its watch exists, so look once it settled. */
  private async addedDir(): Promise<void> {
    const before = new Set(this.engine.trackedFiles());
    for (const path of await this.engine.discover()) {
      if (before.has(path)) continue;
      this.markHot(path);
      await this.changed(path);
    }
  }

  private async removed(path: string): Promise<void> {
    const key = await this.engine.remove(path);
    if (key) this.publish(key);
  }

  private async removedDir(dir: string): Promise<void> {
    const prefix = `${dir}/`;
    const keys = new Set<string>();
    for (const path of this.engine.trackedFiles()) {
      if (!path.startsWith(prefix)) continue;
      const key = await this.engine.remove(path);
      if (key) keys.add(key);
    }
    keys.forEach((key) => this.publish(key));
    const root = this.engine.roots.find((r) => watchPaths(r).includes(dir));
    // Checked after the await, so that this and checkRoots never both report the same root.
    if (root && !(await isReadable(dir)) && !this.missing.has(dir)) {
      this.missing.set(dir, root);
      this.watcher?.unwatch(dir);
      this.report({ kind: 'missing-root', path: dir, message: `${root.agent} folder disappeared: ${dir}` });
    }
  }

  private publish(key: string): void {
    this.dirty = true;
    const session = this.engine.session(key);
    if (!session) {
      if (this.known.delete(key)) this.emit('session-removed', { key });
      this.statusTick.noted(key, null);
      return;
    }
    this.statusTick.noted(key, session);
    if (this.known.has(key)) {
      this.emit('session-updated', session);
    } else {
      this.known.add(key);
      this.emit('session-added', session);
    }
  }

  private report(problem: Problem): void {
    this.engine.problem(problem);
    this.emit('problem', problem);
  }

  /**
   * Looks for roots that appeared since, and for watched roots that vanished: chokidar reports nothing
   * for a path that does not exist yet, and misses the removal of one whose watch was still being set
   * up when it went.
   */
  private async checkRoots(): Promise<void> {
    for (const root of this.engine.roots) {
      for (const path of watchPaths(root)) {
        if (!this.closed && !this.missing.has(path) && !(await isReadable(path))) await this.removedDir(path);
      }
    }
    for (const [path, root] of [...this.missing]) {
      if (this.closed || !(await isReadable(path))) continue;
      this.missing.delete(path);
      this.engine.clearProblem('missing-root', path);
      this.engine.clearProblem('missing-root', root.path);
      this.watcher?.add(path);
      const before = new Set(this.engine.trackedFiles());
      for (const path of await this.engine.discover()) if (!before.has(path)) await this.changed(path);
    }
  }

  /** Native watching failed (e.g. the inotify watch limit): fall back to polling and say so. */
  private async watchFailed(error: NodeJS.ErrnoException): Promise<void> {
    if (this.closed) return;
    if (this.polling || (error.code !== 'ENOSPC' && error.code !== 'EMFILE')) {
      this.report({ kind: 'watch', path: null, message: `file watching error: ${error.message}` });
      return;
    }
    this.polling = true;
    this.report({ kind: 'watch', path: null, message: `native file watching failed (${error.code}); polling every 500 ms instead` });
    await this.watcher?.close();
    if (this.rootTimer) clearInterval(this.rootTimer);
    await this.startWatching();
  }

  /** Attaches live agent processes; sessions whose status or process changed are re-published. */
  private async refreshProcesses(): Promise<void> {
    if (this.closed) return;
    const { changed, failure } = await this.statusTick.run();
    if (failure) this.report({ kind: 'process', path: null, message: failure });
    for (const session of changed) this.emit('session-updated', session);
    this.hibernate();
  }

  /** Sessions quiet for the idle period sleep in compact form until their files change (SessionState). */
  private hibernate(): void {
    this.engine.hibernate(this.quietMs());
  }

  private quietMs(): number {
    return this.engine.currentSettings.idleAfterMinutes * 60_000;
  }
}
