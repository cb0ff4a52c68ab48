/**
 * The fast path of a warm `headroom status`: when no transcript changed since the last run (same set
 * of files, each with the same size, mtime and inode), the settings that shape the figures are the
 * same and the same build wrote the cache, the sessions written last time are still exact. Only what
 * depends on the clock (status, ETA), on running processes and on the user's tags is worked out again
 * (./warm-report.ts). Anything else — a file appended to, added or removed, an unreadable or foreign
 * cache — falls back to the engine's warm start.
 *
 * The file is laid out to be read fast, since reading it is most of a warm run: one line of JSON (the
 * header: folders, files, and per session the few fields the fresh ones are worked out from), then
 * every session's text as `status --json` prints it (./session-text.ts), in UTF-8, each followed by
 * the separator the report puts between sessions. A warm run in which no session's fresh fields
 * changed prints the sessions by copying that text whole.
 * Headroom writes it whole (temporary file + rename), so the header is checked for shape rather than
 * field by field, and the text's length must be what the header says.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { Agent, Session } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import type { Engine } from '../engine';
import { figureSettings } from '../engine-parts';
import { BURN_WINDOW_MINUTES } from '../history/eta';
import type { FileCursor } from '../read/line-reader';
import type { Root } from '../roots';
import type { ContextEvent } from '../sources/types';
import { buildId, replaceFile } from './cache-file';
import { DirTable, type DirRow, type Listing, stampListing } from './listing-stamps';
import { cutSession, SESSION_SEPARATOR, SLOTS, slotText, slotValues } from './session-text';

const VERSION = 2;

/**
 * The ETA of a session with nothing recorded for this long is worked out without its events (null, or
 * 0 when already full: history/eta.ts), so a quiet session keeps only its last event.
 */
export const BURN_WINDOW_MS = BURN_WINDOW_MINUTES * 60_000;

/** What a warm run needs of a session besides its text. */
export interface CachedSession {
  agent: Agent;
  id: string;
  project: string | null;
  startedAt: string | null;
  lastActivityAt: string | null;
  badLines: number;
  usedTokens: number | null;
  autoCompactAtTokens: number | null;
  /** Rows of the header's `files`, or a path that is not among them. */
  files: (number | string)[];
  /**
   * The tail of the context series the ETA uses: the last event's time, then per event (oldest first)
   * how long before the last it was, its used tokens and whether it was a compaction (1/0).
   */
  recent: (number | null)[];
  /** Byte lengths of the fixed pieces of its text (see ./session-text.ts)… */
  text: number[];
  /** …the slot after each piece but the last… */
  slots: number[];
  /** …and each slot's text as written, which a warm run keeps when it is still the same. */
  was: string[];
  /** Bytes of its text in the body, with the separator that follows it. */
  size: number;
}

/** `[folder row, name, size, mtimeMs, ino]`. */
export type FileRow = [dir: number, name: string, size: number, mtimeMs: number, ino: number];

interface Header {
  version: typeof VERSION;
  build: string;
  /**
   * The latest last event of a session whose other events were left out (see etaEvents), or null:
   * the cache is only exact for a clock past the burn window after it.
   */
  quietSince: number | null;
  /** The settings that change figures (not thresholds, which only change levels). */
  settings: string;
  dirs: DirRow[];
  files: FileRow[];
  /** Stamps that vouch for the list of files without listing again; null: list again to compare. */
  listing: Listing | null;
  /** In the order of the report. */
  sessions: CachedSession[];
}

export interface StatusCache extends Header {
  /** The sessions' text, one after another. */
  body: Buffer;
}

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
  return textLength(header.sessions) === body.length ? { ...header, body } : null;
}

/** Every cached file's path, given the folders' paths. */
export function cachedFilePaths(cache: StatusCache, dirPaths: readonly string[]): string[] {
  return cache.files.map(([dir, name]) => `${dirPaths[dir]}${sep}${name}`);
}

/** True when every cached file still has its size, mtime and inode. */
export function filesUnchanged(cache: StatusCache, paths: readonly string[]): boolean {
  return cache.files.every((row, i) => {
    try {
      const info = statSync(paths[i]!, { throwIfNoEntry: false });
      return info !== undefined && info.size === row[2] && info.mtimeMs === row[3] && info.ino === row[4];
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
  const files: FileRow[] = [];
  const rowOf = new Map<string, number>();
  for (const file of tracked) {
    const print = fingerprint(file, engine.cursorOf(file));
    if (!print) continue;
    const cut = file.lastIndexOf(sep);
    rowOf.set(file, files.length);
    files.push([dirs.indexOf(file.slice(0, cut)), file.slice(cut + 1), ...print]);
  }
  const body: string[] = [];
  let quietSince: number | null = null;
  const entries = sessions.map((session): CachedSession => {
    const { pieces, slots } = cutSession(session);
    const values = slotValues(session);
    const was = slots.map((slot) => slotText(slot, values[SLOTS[slot]!]));
    let size = Buffer.byteLength(SESSION_SEPARATOR);
    pieces.forEach((piece, i) => {
      body.push(piece, was[i] ?? SESSION_SEPARATOR);
      size += Buffer.byteLength(piece) + (i < was.length ? Buffer.byteLength(was[i]!) : 0);
    });
    const { agent, id, project, startedAt, lastActivityAt, badLines, context } = session;
    const sessionFiles = session.files.map((file) => rowOf.get(file) ?? file);
    const text = pieces.map((piece) => Buffer.byteLength(piece));
    const events = recentEvents(engine, session);
    const last = events.at(-1);
    const quiet = last !== undefined && writtenAt - last.at > BURN_WINDOW_MS;
    if (quiet) quietSince = Math.max(quietSince ?? last.at, last.at);
    const recent = packEvents(quiet ? [last] : events);
    return { agent, id, project, startedAt, lastActivityAt, badLines, usedTokens: context.usedTokens, autoCompactAtTokens: context.autoCompactAtTokens, files: sessionFiles, recent, text, slots, was, size };
  });
  const header: Header = { version: VERSION, build: buildId(), quietSince, settings: figureSettings(settings), dirs: dirs.rows, files, listing, sessions: entries };
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
  return last ? events.filter((event) => event.at >= last.at - 30 * 60_000) : [];
}

/** Events in little room: times as offsets before the last event (small integers), flags as 1/0. */
function packEvents(events: readonly ContextEvent[]): (number | null)[] {
  const last = events.at(-1);
  if (!last) return [];
  const packed: (number | null)[] = [last.at];
  for (const event of events) packed.push(last.at - event.at, event.usedTokens, event.compaction ? 1 : 0);
  return packed;
}

/** A cached session's context series back as events. */
export function cachedEvents(session: CachedSession): ContextEvent[] {
  const packed = session.recent;
  const last = packed[0] ?? 0;
  const events: ContextEvent[] = [];
  for (let i = 1; i + 2 < packed.length; i += 3) events.push({ at: last - packed[i]!, usedTokens: packed[i + 1] ?? null, compaction: packed[i + 2] === 1 });
  return events;
}

function isHeader(value: unknown): value is Header {
  if (value === null || typeof value !== 'object') return false;
  const header = value as Record<string, unknown>;
  return (
    header['version'] === VERSION &&
    typeof header['build'] === 'string' &&
    (header['quietSince'] === null || typeof header['quietSince'] === 'number') &&
    typeof header['settings'] === 'string' &&
    Array.isArray(header['dirs']) &&
    Array.isArray(header['files']) &&
    Array.isArray(header['sessions']) &&
    (header['listing'] === null || typeof header['listing'] === 'object')
  );
}

/** The text's length in bytes by the header, or -1 when a session's row is not what was written. */
function textLength(sessions: readonly unknown[]): number {
  let length = 0;
  for (const value of sessions) {
    const session = value as Partial<CachedSession> | null;
    if (!session || typeof session.agent !== 'string' || typeof session.id !== 'string' || typeof session.size !== 'number') return -1;
    if (![session.files, session.recent, session.text, session.slots, session.was].every(Array.isArray)) return -1;
    if (session.text!.length !== session.slots!.length + 1 || session.was!.length !== session.slots!.length) return -1;
    length += session.size;
  }
  return Number.isFinite(length) ? length : -1;
}
