/**
 * One read of every transcript — cold, or warm from the cache: what `headroom status` and the tests
 * use. The live app uses the Monitor instead, which keeps an Engine and feeds it file changes.
 */
import type { StatusReport } from '../../shared/session';
import { loadCache, saveCache } from './cache/engine-cache';
import { statusCachePath, writeStatusCache } from './cache/status-cache';
import { reportFrom, reportIfUnchanged } from './cache/warm-report';
import { Engine, type EngineOptions } from './engine';
import { ReadingCrew } from './parallel/parallel-scan';
import { defaultProcessMatcher } from './processes/default';
import type { ProcessMatcher } from './processes/matcher';

export interface ScanOptions extends EngineOptions {
  /** Attaches running agent processes (status, pid); default: this machine's; false: none. */
  processes?: ProcessMatcher | false | undefined;
  /** With a data dir, start from the warm-start cache and save it again afterwards. */
  cacheDir?: string | undefined;
  /** Called with the reason when an existing cache could not be used. */
  onCacheProblem?: (reason: string) => void;
  /** Read a large cold folder with worker threads when the built worker is available (default true). */
  parallel?: boolean;
}

export async function scanStatus(options: ScanOptions = {}): Promise<StatusReport> {
  if (options.cacheDir) {
    const unchanged = await reportIfUnchanged(options, options.cacheDir);
    if (unchanged) return unchanged;
  }
  const engine = warmEngine(options);
  // A cold start of a large folder is read on every core; a warm one only reads what changed.
  let discovered: string[] | undefined;
  if (engine.trackedFiles().length === 0 && options.parallel !== false) {
    const crew = ReadingCrew.start();
    discovered = await engine.discover();
    const read = await crew?.read(engine, Boolean(options.cacheDir));
    // Nothing is kept afterwards: the workers sent only the finished sessions.
    if (read && 'sessions' in read) return reportFrom(engine, read.sessions, options);
  }
  await engine.scan(discovered);
  // Nothing read and nothing gone since the cache was written: it is still exact, leave it.
  const cacheDir = options.cacheDir;
  if (cacheDir && engine.revision > 0) guarded(() => saveCache(engine, cacheDir), options.onCacheProblem);
  const processes = matcherFor(engine, options);
  if (processes) engine.setLiveness(await processes.match(engine.list()));
  const result = report(engine, options.now ?? Date.now);
  if (cacheDir) guarded(() => writeStatusCache(statusCachePath(cacheDir, engine.roots), engine, result.sessions, engine.currentSettings), options.onCacheProblem);
  return result;
}

function guarded(write: () => void, onProblem: ((reason: string) => void) | undefined): void {
  try {
    write();
  } catch (error) {
    onProblem?.(`could not save the cache: ${(error as Error).message}`);
  }
}

/** An engine restored from the cache when there is a usable one, else an empty one (cold scan). */
export function warmEngine(options: ScanOptions): Engine {
  const engine = new Engine(options);
  if (options.cacheDir) startWarm(engine, options.cacheDir, options.onCacheProblem);
  return engine;
}

/** Loads the cache into an empty engine; a rejected cache leaves the engine empty for a cold scan. */
export function startWarm(engine: Engine, cacheDir: string, onProblem?: (reason: string) => void): void {
  const problem = loadCache(engine, cacheDir);
  if (problem === null || problem === 'no cache yet') return;
  onProblem?.(`${problem}; reading everything again`);
  engine.clear();
}

function matcherFor(engine: Engine, options: ScanOptions): ProcessMatcher | null {
  return options.processes === false ? null : (options.processes ?? defaultProcessMatcher(engine));
}

export function report(engine: Engine, now: () => number = Date.now): StatusReport {
  return { version: 1, generatedAt: new Date(now()).toISOString(), sessions: engine.list(), problems: engine.problemList() };
}
