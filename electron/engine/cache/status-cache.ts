/**
 * The fast path of a warm `headroom status`: when no transcript changed since the last run (same set
 * of files, each with the same size, mtime and inode) and the settings that shape the figures are the
 * same, the sessions written last time are still exact. Only what depends on the clock (status, ETA),
 * on running processes and on the user's tags is worked out again. Anything else — a file appended
 * to, added or removed, an unreadable or foreign cache — falls back to the engine's warm start.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { Engine } from '../engine';
import { etaMinutes } from '../history/eta';
import type { Root } from '../roots';
import type { Annotate, Liveness } from '../snapshot';
import { sessionStatus } from '../snapshot';
import type { ContextEvent } from '../sources/types';

const VERSION = 1;

const FileSchema = z.tuple([z.string(), z.number(), z.number(), z.number()]);
const EventSchema = z.object({ at: z.number(), usedTokens: z.number().nullable(), compaction: z.boolean() });
const StatusCacheSchema = z.object({
  version: z.literal(VERSION),
  settings: z.string(),
  files: z.array(FileSchema),
  // Written by Headroom itself, atomically: checked for shape, not field by field (2,800 full session
  // validations would cost more than the rest of a warm start).
  sessions: z.array(z.object({ session: z.looseObject({ id: z.string(), agent: z.string(), context: z.looseObject({}) }), recent: z.array(EventSchema) })),
});
type StatusCache = Omit<z.infer<typeof StatusCacheSchema>, 'sessions'> & { sessions: { session: Session; recent: ContextEvent[] }[] };

/** The settings that change figures (not thresholds, which only change levels). */
const settingsKey = (settings: Settings) => JSON.stringify([settings.modelWindows, settings.prices, settings.autoCompactBufferTokens]);

export function statusCachePath(dataDir: string, roots: readonly Root[]): string {
  const digest = createHash('sha256').update(JSON.stringify(roots.map((r) => `${r.agent}:${r.path}`))).digest('hex').slice(0, 16);
  return join(dataDir, 'cache', `status-${digest}.json`);
}

const fingerprint = (path: string): [string, number, number, number] | null => {
  try {
    const info = statSync(path);
    return [path, info.size, info.mtimeMs, info.ino];
  } catch {
    return null;
  }
};

/** The cached sessions when every file is exactly as it was; null otherwise. `found` = files discovered now. */
export function readStatusCache(path: string, found: readonly string[], settings: Settings): StatusCache['sessions'] | null {
  let cache: StatusCache;
  try {
    cache = StatusCacheSchema.parse(JSON.parse(readFileSync(path, 'utf8'))) as unknown as StatusCache;
  } catch {
    return null;
  }
  if (cache.settings !== settingsKey(settings) || cache.files.length !== found.length) return null;
  const known = new Map(cache.files.map(([file, size, mtimeMs, ino]) => [file, `${size}:${mtimeMs}:${ino}`]));
  for (const file of found) {
    const now = fingerprint(file);
    if (!now || known.get(file) !== `${now[1]}:${now[2]}:${now[3]}`) return null;
  }
  return cache.sessions;
}

export function writeStatusCache(path: string, engine: Engine, sessions: readonly Session[], settings: Settings): void {
  const files = engine.trackedFiles().map(fingerprint).filter((f): f is [string, number, number, number] => f !== null);
  const entries = sessions.map((session) => ({ session, recent: recentEvents(engine, session) }));
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, JSON.stringify({ version: VERSION, settings: settingsKey(settings), files, sessions: entries }));
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The tail of a session's context series that the ETA can still use (the last half hour). */
export function recentEvents(engine: Engine, session: Session): ContextEvent[] {
  const events = engine.entry(`${session.agent}:${session.id}`)?.state.recentEvents ?? [];
  const last = events.at(-1);
  return last ? events.filter((event) => event.at >= last.at - 30 * 60_000) : [];
}

/** Brings cached sessions up to date with the clock, running processes and the user's tags. */
export function refreshCached(
  cached: readonly { session: Session; recent: readonly ContextEvent[] }[],
  liveness: ReadonlyMap<string, Liveness>,
  annotate: Annotate | undefined,
  settings: Settings,
  now: number,
): Session[] {
  return cached.map(({ session, recent }) => {
    const live = liveness.get(`${session.agent}:${session.id}`) ?? null;
    const notes = annotate?.(session.agent, session.id);
    return {
      ...session,
      status: sessionStatus(session.lastActivityAt, live !== null, settings.idleAfterMinutes, now),
      pid: live?.pid ?? null,
      process: live?.process ?? null,
      context: { ...session.context, etaMinutes: etaMinutes(recent, session.context.usedTokens, session.context.autoCompactAtTokens, now) },
      tags: notes?.tags ?? [],
      projectName: notes?.projectName ?? null,
    };
  });
}
