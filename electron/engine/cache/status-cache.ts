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
const SEPARATOR_BYTES = Buffer.byteLength(SESSION_SEPARATOR);

/**
 * The ETA of a session with nothing recorded for this long is worked out without its events (null, or
 * 0 when already full: history/eta.ts), so a quiet session keeps only its last event.
 */
export const BURN_WINDOW_MS = BURN_WINDOW_MINUTES * 60_000;

/**
 * The sessions in the order of the report, field by field: a few long lists parse several times
 * faster than thousands of small objects and leave the garbage collector far less to move, which
 * matters in a run that lasts a tenth of a second.
 */
export interface SessionColumns {
  agent: Agent[];
  id: string[];
  project: (string | null)[];
  startedAt: (string | null)[];
  lastActivityAt: (string | null)[];
  badLines: number[];
  usedTokens: (number | null)[];
  autoCompactAtTokens: (number | null)[];
  /** Bytes of each session's text in the body, with the separator that follows it. */
  size: number[];
  /** How many of the entries below are each session's, one session after another. */
  fileCount: number[];
  eventCount: number[];
  slotCount: number[];
  /** Rows of the header's `files`, or a path that is not among them. */
  files: (number | string)[];
  /**
   * The tail of each context series the ETA uses: the last event's time, then per event (oldest
   * first) how long before the last it was, its used tokens and whether it was a compaction (1/0).
   */
  events: (number | null)[];
  /** The text of each session (./session-text.ts): byte lengths of its pieces, one more than its slots… */
  pieces: number[];
  /** …the slot after each piece but the last… */
  slots: number[];
  /** …and each slot's text as written, which a warm run copies when it would print the same. */
  was: string[];
}

/** The files, field by field; `dir` is a row of the folder table. */
export interface FileColumns {
  dir: number[];
  name: string[];
  size: number[];
  mtimeMs: number[];
  ino: number[];
}

interface Header {
  version: typeof VERSION;
  build: string;
  /**
   * The latest last event of a session whose earlier events were left out (see `quiet` below), or
   * null: the cache is only exact for a clock past the burn window after it.
   */
  quietSince: number | null;
  /** The settings that change figures (not thresholds, which only change levels). */
  settings: string;
  dirs: DirRow[];
  files: FileColumns;
  /** Stamps that vouch for the list of files without listing again; null: list again to compare. */
  listing: Listing | null;
  sessions: SessionColumns;
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

/** A session's context series back as events: `count` packed values from `start` (see packEvents). */
export function unpackEvents(packed: readonly (number | null)[], start: number, count: number): ContextEvent[] {
  const last = packed[start] ?? 0;
  const events: ContextEvent[] = [];
  for (let i = start + 1; i + 2 < start + count; i += 3) events.push({ at: last - packed[i]!, usedTokens: packed[i + 1] ?? null, compaction: packed[i + 2] === 1 });
  return events;
}

const isObject = (value: unknown) => value !== null && typeof value === 'object' && !Array.isArray(value);

function isHeader(value: unknown): value is Header {
  if (value === null || typeof value !== 'object') return false;
  const header = value as Record<string, unknown>;
  return (
    header['version'] === VERSION &&
    typeof header['build'] === 'string' &&
    (header['quietSince'] === null || typeof header['quietSince'] === 'number') &&
    typeof header['settings'] === 'string' &&
    Array.isArray(header['dirs']) &&
    isObject(header['files']) &&
    isObject(header['sessions']) &&
    (header['listing'] === null || typeof header['listing'] === 'object')
  );
}

/**
 * True when every column has one entry per session, the lists add up to their counts, and each
 * session's pieces and slot texts make up its size: nothing read from the body can fall outside it.
 */
function consistent(header: Header): boolean {
  const columns = header.sessions;
  const count = columns.id.length;
  const perSession = [columns.agent, columns.project, columns.startedAt, columns.lastActivityAt, columns.badLines, columns.usedTokens, columns.autoCompactAtTokens];
  const counts = [columns.size, columns.fileCount, columns.eventCount, columns.slotCount];
  if (![...perSession, ...counts].every((column) => Array.isArray(column) && column.length === count)) return false;
  const { files } = header;
  const fileColumns = [files.dir, files.name, files.size, files.mtimeMs, files.ino];
  const lists = [columns.files, columns.events, columns.pieces, columns.slots, columns.was, ...fileColumns];
  if (!lists.every(Array.isArray) || !fileColumns.every((column) => column.length === files.name.length)) return false;
  if (columns.files.length !== sum(columns.fileCount) || columns.events.length !== sum(columns.eventCount)) return false;
  const slots = sum(columns.slotCount);
  if (columns.slots.length !== slots || columns.was.length !== slots || columns.pieces.length !== slots + count) return false;
  let slot = 0;
  let piece = 0;
  for (let i = 0; i < count; i += 1) {
    let size = SEPARATOR_BYTES + columns.pieces[piece++]!;
    for (let end = slot + columns.slotCount[i]!; slot < end; slot += 1) {
      const known = Number.isInteger(columns.slots[slot]) && columns.slots[slot]! >= 0 && columns.slots[slot]! < SLOTS.length;
      if (!known || typeof columns.was[slot] !== 'string') return false;
      size += Buffer.byteLength(columns.was[slot]!) + columns.pieces[piece++]!;
    }
    if (size !== columns.size[i]) return false;
  }
  return true;
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return Number.isFinite(total) ? total : -1;
}
