/**
 * The warm `headroom status` report: the last report brought up to date when no transcript changed
 * since it was written (./status-cache.ts), and a report from finished sessions.
 */
import type { StatusReport } from '../../../shared/session';
import { badLinesProblem, Engine } from '../engine';
import type { SessionWithRecent } from '../parallel/protocol';
import { defaultProcessMatcher } from '../processes/default';
import type { ProcessMatcher } from '../processes/matcher';
import type { ScanOptions } from '../scan';
import { byLatestActivity } from '../snapshot';
import { readStatusCache, refreshCached, statusCachePath } from './status-cache';

/** The last report brought up to date, when no transcript changed since it was written. */
export async function reportIfUnchanged(options: ScanOptions, cacheDir: string): Promise<StatusReport | null> {
  const engine = new Engine(options);
  const found = await engine.discover();
  const cached = readStatusCache(statusCachePath(cacheDir, engine.roots), found, engine.currentSettings);
  return cached ? reportFrom(engine, cached, options) : null;
}

/**
 * A report from finished sessions (cached, or sent by scan workers): status, ETA, process and tags are
 * worked out now; the engine only supplies the folders, settings and folder problems.
 */
export async function reportFrom(engine: Engine, entries: readonly SessionWithRecent[], options: ScanOptions): Promise<StatusReport> {
  const processes = matcherFor(engine, options);
  const liveness = processes ? await processes.match(entries.map((entry) => entry.session)) : new Map();
  const now = (options.now ?? Date.now)();
  const sessions = refreshCached(entries, liveness, options.annotate, engine.currentSettings, now);
  sessions.sort(byLatestActivity);
  const badLines = sessions.reduce((sum, session) => sum + session.badLines, 0);
  const items = engine.problemList().items;
  if (badLines > 0) items.push(badLinesProblem(badLines));
  return { version: 1, generatedAt: new Date(now).toISOString(), sessions, problems: { badLines, items } };
}

function matcherFor(engine: Engine, options: ScanOptions): ProcessMatcher | null {
  return options.processes === false ? null : (options.processes ?? defaultProcessMatcher(engine));
}
