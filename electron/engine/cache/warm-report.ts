/**
 * The warm `headroom status` report: the last report brought up to date when no transcript changed
 * since it was written (./status-cache.ts), and a report from finished sessions (scan workers).
 *
 * The check is made without the Engine whenever the folders' stamps vouch for the list of files
 * (./listing-stamps.ts): a warm run then loads neither the engine nor zod. Otherwise the folders are
 * listed again, as a cold scan would, and compared with the cached list.
 */
import type { Problem, StatusReport } from '../../../shared/session';
import type { Engine } from '../engine';
import { badLinesProblem } from '../engine-parts';
import type { SessionWithRecent } from '../parallel/protocol';
import { defaultProcessMatcher } from '../processes/default';
import type { ProcessMatcher } from '../processes/matcher';
import { resolveRoots, type Root } from '../roots';
import type { ScanOptions } from '../scan';
import { byLatestActivity, type Liveness } from '../snapshot';
import { CachedReport, sessionSpans, WarmSession } from './cached-report';
import { freshFields, refreshCached } from './fresh-fields';
import { dirPaths, listingUnchanged } from './listing-stamps';
import { cachedFilePaths, filesUnchanged, readStatusCache, statusCachePath } from './status-cache';
import { BURN_WINDOW_MS } from './status-cache-format';

/**
 * Requests already answered "changed": `scanStatus` asks again with the same options when a caller
 * (the `status` command) tried the cache first, and should not pay for the check twice.
 */
const changed = new WeakSet<ScanOptions>();

/** The last report brought up to date, when no transcript changed since it was written; else null. */
export async function cachedReport(options: ScanOptions, cacheDir: string): Promise<CachedReport | null> {
  if (changed.has(options)) return null;
  const report = await fromCache(options, cacheDir);
  if (!report) changed.add(options);
  return report;
}

/** `cachedReport` as a plain StatusReport (what `scanStatus` returns). */
export async function reportIfUnchanged(options: ScanOptions, cacheDir: string): Promise<StatusReport | null> {
  return (await cachedReport(options, cacheDir))?.report() ?? null;
}

async function fromCache(options: ScanOptions, cacheDir: string): Promise<CachedReport | null> {
  // Without settings the engine uses the defaults; loading them loads zod, which a caller that passes
  // its settings (the CLI) avoids.
  const settings = options.settings ?? (await import('../../../shared/settings')).DEFAULT_SETTINGS;
  const roots = resolveRoots({ ...options, settings });
  const cache = readStatusCache(statusCachePath(cacheDir, roots), settings);
  // A quiet session's events were left out: exact only while it is still quiet (a clock set back).
  if (!cache || (cache.quietSince !== null && (options.now ?? Date.now)() - cache.quietSince <= BURN_WINDOW_MS)) return null;
  const dirs = dirPaths(cache.dirs);
  const files = cachedFilePaths(cache, dirs);
  let problems: Problem[] = [];
  if (!cache.listing || !listingUnchanged(cache.listing, cache.dirs, dirs)) {
    const listed = await listAgain(options);
    if (!sameFiles(listed.found, files)) return null;
    problems = listed.problems;
  }
  if (!filesUnchanged(cache, files)) return null;

  const sessions = sessionSpans(cache.sessions).map((span) => new WarmSession(cache.sessions, span, files));
  const processes = matcherFor(roots, options);
  const liveness: Map<string, Liveness> = processes ? await processes.match(sessions) : new Map();
  const now = (options.now ?? Date.now)();
  for (const session of sessions) session.refresh(freshFields(session, session.events(), liveness, options.annotate, settings, now));
  sessions.sort(byLatestActivity);
  const badLines = sessions.reduce((sum, session) => sum + session.badLines, 0);
  if (badLines > 0) problems.push(badLinesProblem(badLines));
  return new CachedReport(cache, sessions, new Date(now).toISOString(), { badLines, items: problems });
}

/** The files a scan would find now, with the folder problems it would report. */
async function listAgain(options: ScanOptions): Promise<{ found: string[]; problems: Problem[] }> {
  const { Engine } = await import('../engine');
  const engine = new Engine(options);
  const found = await engine.discover();
  return { found, problems: engine.problemList().items };
}

function sameFiles(found: readonly string[], cached: readonly string[]): boolean {
  if (found.length !== cached.length) return false;
  const known = new Set(cached);
  return found.every((file) => known.has(file));
}

/**
 * A report from finished sessions (sent by scan workers): status, ETA, process and tags are worked out
 * now; the engine only supplies the folders, settings and folder problems.
 */
export async function reportFrom(engine: Engine, entries: readonly SessionWithRecent[], options: ScanOptions): Promise<StatusReport> {
  const processes = matcherFor(engine.roots, options);
  const liveness = processes ? await processes.match(entries.map((entry) => entry.session)) : new Map<string, Liveness>();
  const now = (options.now ?? Date.now)();
  const sessions = refreshCached(entries, liveness, options.annotate, engine.currentSettings, now);
  sessions.sort(byLatestActivity);
  const badLines = sessions.reduce((sum, session) => sum + session.badLines, 0);
  const items = engine.problemList().items;
  if (badLines > 0) items.push(badLinesProblem(badLines));
  return { version: 1, generatedAt: new Date(now).toISOString(), sessions, problems: { badLines, items } };
}

function matcherFor(roots: readonly Root[], options: ScanOptions): ProcessMatcher | null {
  return options.processes === false ? null : (options.processes ?? defaultProcessMatcher({ roots }));
}
