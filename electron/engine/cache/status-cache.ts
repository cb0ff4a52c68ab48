/**
 * The fast path of a warm `headroom status`: when no transcript changed since the last run (same set
 * of files, each with the same size, mtime and inode), the settings that shape the figures are the
 * same and the same build wrote the cache, the sessions written last time are still exact. Only what
 * depends on the clock (status, ETA), on running processes and on the user's tags is worked out again
 * (./warm-report.ts). Anything else — a file appended to, added or removed, an unreadable or foreign
 * cache — falls back to the engine's warm start.
 *
 * The file is laid out to be read fast, since reading it is most of a warm run (./status-cache-format.ts):
 * a warm run in which no session's fresh fields changed prints the sessions by copying their text.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { Engine } from '../engine';
import { figureSettings } from '../engine-parts';
import type { FileCursor } from '../read/line-reader';
import type { Root } from '../roots';
import type { ContextEvent } from '../sources/types';
import { buildId, replaceFile } from './cache-file';
import { DirTable, stampListing } from './listing-stamps';
import { cutSession, SESSION_SEPARATOR, SLOTS, slotText, slotValues } from './session-text';
import { BURN_WINDOW_MS, consistent, type FileColumns, type Header, isHeader, packEvents, type SessionColumns, type StatusCache, sum, VERSION } from './status-cache-format';

export function statusCachePath(dataDir: string, roots: readonly Root[]): string {
  const digest = createHash('sha256').update(JSON.stringify(roots.map((r) => `${r.agent}:${r.path}`))).digest('hex').slice(0, 16);
  return join(dataDir, 'cache', `status-${digest}.json`);
}

/** The cache when it is usable with these settings by this build; null otherwise. */
export function readStatusCache(path: string, settings: Settings): StatusCache | null {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch {
    return null;
  }
  const end = data.indexOf(0x0a);
  let header: unknown;
  try {
    header = JSON.parse(data.toString('utf8', 0, end));
  } catch {
    return null;
  }
  if (!isHeader(header) || header.build !== buildId() || header.settings !== figureSettings(settings)) return null;
  const body = data.subarray(end + 1);
  return consistent(header) && sum(header.sessions.size) === body.length ? { ...header, body } : null;
}

/** Every cached file's path, given the folders' paths. */
export function cachedFilePaths(cache: StatusCache, dirPaths: readonly string[]): string[] {
  const { dir, name } = cache.files;
  return name.map((file, i) => `${dirPaths[dir[i]!]}${sep}${file}`);
}

/** True when every cached file still has its size, mtime and inode. */
export function filesUnchanged(cache: StatusCache, paths: readonly string[]): boolean {
  const { size, mtimeMs, ino } = cache.files;
  return paths.every((path, i) => {
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      return info !== undefined && info.size === size[i] && info.mtimeMs === mtimeMs[i] && info.ino === ino[i];
    } catch {
      return false;
    }
  });
}

/**
 * Saves the report's sessions with what a warm run needs. `now` reads the clock when the folders are
 * stamped (tests move it on instead of waiting for the stamps to stop being recent).
 */
export function writeStatusCache(path: string, engine: Engine, sessions: readonly Session[], settings: Settings, now: () => number = Date.now): void {
  const writtenAt = now();
  const tracked = engine.trackedFiles();
  const dirs = new DirTable();
  const folderProblems = engine.problemList().items.some((problem) => problem.kind !== 'bad-lines');
  const listing = folderProblems ? null : stampListing(engine.roots, tracked, dirs, now);
  const files: FileColumns = { dir: [], name: [], size: [], mtimeMs: [], ino: [] };
  const rowOf = new Map<string, number>();
  for (const file of tracked) {
    const print = fingerprint(file, engine.cursorOf(file));
    if (!print) continue;
    const cut = file.lastIndexOf(sep);
    rowOf.set(file, files.name.length);
    files.dir.push(dirs.indexOf(file.slice(0, cut)));
    files.name.push(file.slice(cut + 1));
    files.size.push(print[0]);
    files.mtimeMs.push(print[1]);
    files.ino.push(print[2]);
  }
  const columns: SessionColumns = {
    agent: [], id: [], project: [], startedAt: [], lastActivityAt: [], badLines: [], usedTokens: [], autoCompactAtTokens: [],
    size: [], fileCount: [], eventCount: [], slotCount: [], files: [], events: [], pieces: [], slots: [], was: [],
  };
  const body: string[] = [];
  let quietSince: number | null = null;
  for (const session of sessions) {
    columns.agent.push(session.agent);
    columns.id.push(session.id);
    columns.project.push(session.project);
    columns.startedAt.push(session.startedAt);
    columns.lastActivityAt.push(session.lastActivityAt);
    columns.badLines.push(session.badLines);
    columns.usedTokens.push(session.context.usedTokens);
    columns.autoCompactAtTokens.push(session.context.autoCompactAtTokens);
    columns.fileCount.push(session.files.length);
    for (const file of session.files) columns.files.push(rowOf.get(file) ?? file);

    // A quiet session's ETA no longer looks at its events (history/eta.ts): keep only the last.
    const events = recentEvents(engine, session);
    const last = events.at(-1);
    const quiet = last !== undefined && writtenAt - last.at > BURN_WINDOW_MS;
    if (quiet) quietSince = Math.max(quietSince ?? last.at, last.at);
    const packed = packEvents(quiet ? [last] : events);
    columns.eventCount.push(packed.length);
    columns.events.push(...packed);

    const { pieces, slots } = cutSession(session);
    const values = slotValues(session);
    const was = slots.map((slot) => slotText(slot, values[SLOTS[slot]!]));
    let size = Buffer.byteLength(SESSION_SEPARATOR);
    pieces.forEach((piece, i) => {
      body.push(piece, was[i] ?? SESSION_SEPARATOR);
      const bytes = Buffer.byteLength(piece);
      columns.pieces.push(bytes);
      size += bytes + (i < was.length ? Buffer.byteLength(was[i]!) : 0);
    });
    columns.slotCount.push(slots.length);
    columns.slots.push(...slots);
    columns.was.push(...was);
    columns.size.push(size);
  }
  const header: Header = { version: VERSION, build: buildId(), quietSince, settings: figureSettings(settings), dirs: dirs.rows, files, listing, sessions: columns };
  replaceFile(path, `${JSON.stringify(header)}\n${body.join('')}`);
}

/**
 * A file as the engine read it (its cursor), so a line appended after the read cannot be taken for
 * read; a file the engine did not read (a shadowed copy) as it is now.
 */
function fingerprint(path: string, cursor: FileCursor | undefined): [number, number, number] | null {
  if (cursor && cursor.ino !== 0) return [cursor.size, cursor.mtimeMs, cursor.ino];
  try {
    const info = statSync(path);
    return [info.size, info.mtimeMs, info.ino];
  } catch {
    return null;
  }
}

/** The tail of a session's context series that the ETA can still use (the last half hour). */
export function recentEvents(engine: Engine, session: Session): ContextEvent[] {
  const events = engine.entry(`${session.agent}:${session.id}`)?.state.recentEvents ?? [];
  const last = events.at(-1);
  return last ? events.filter((event) => event.at >= last.at - BURN_WINDOW_MS) : [];
}

