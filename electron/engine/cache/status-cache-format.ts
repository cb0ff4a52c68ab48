/**
 * The layout of the status cache file (./status-cache.ts) and the checks made on it when it is read.
 *
 * One line of JSON (the header: folders, files, and per session the few fields its fresh fields are
 * worked out from), then every session's text as `status --json` prints it (./session-text.ts), in
 * UTF-8, each followed by the separator the report puts between sessions. Headroom writes the file
 * whole (temporary file + rename), so the header is checked for shape and for adding up — every byte
 * range it gives must fall inside the text — rather than value by value.
 */
import type { Agent } from '../../../shared/session';
import { BURN_WINDOW_MINUTES } from '../history/eta';
import type { ContextEvent } from '../sources/types';
import type { DirRow, Listing } from './listing-stamps';
import { SESSION_SEPARATOR, SLOTS } from './session-text';

export const VERSION = 2;
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

export interface Header {
  version: typeof VERSION;
  build: string;
  /**
   * The latest last event of a quiet session, whose earlier events were left out (BURN_WINDOW_MS),
   * or null: the cache is only exact for a clock past the burn window after it.
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

/** Events in little room: times as offsets before the last event (small integers), flags as 1/0. */
export function packEvents(events: readonly ContextEvent[]): (number | null)[] {
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

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object' && !Array.isArray(value);

export function isHeader(value: unknown): value is Header {
  if (value === null || typeof value !== 'object') return false;
  const header = value as Record<string, unknown>;
  return (
    header['version'] === VERSION &&
    typeof header['build'] === 'string' &&
    (header['quietSince'] === null || typeof header['quietSince'] === 'number') &&
    typeof header['settings'] === 'string' &&
    Array.isArray(header['dirs']) &&
    header['dirs'].every(Array.isArray) &&
    isObject(header['files']) &&
    isObject(header['sessions']) &&
    (header['listing'] === null || isListing(header['listing']))
  );
}

function isListing(value: unknown): value is Listing {
  if (!isObject(value)) return false;
  const { roots, watched } = value as Record<string, unknown>;
  return Array.isArray(roots) && roots.every(Array.isArray) && Array.isArray(watched) && watched.every(Array.isArray);
}

/**
 * True when every column has one entry per session, the lists add up to their counts, and each
 * session's pieces and slot texts make up its size: nothing read from the body can fall outside it.
 */
export function consistent(header: Header): boolean {
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
    if (!fieldsOfTheirTypes(columns, i)) return false;
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

const isText = (value: unknown) => typeof value === 'string';
const isTextOrNull = (value: unknown) => value === null || typeof value === 'string';
const isCountOrNull = (value: unknown) => value === null || typeof value === 'number';

/** Session `i`'s fields have the types the report gives them (filters call string methods on them). */
function fieldsOfTheirTypes(columns: SessionColumns, i: number): boolean {
  return (
    isText(columns.agent[i]) &&
    isText(columns.id[i]) &&
    isTextOrNull(columns.project[i]) &&
    isTextOrNull(columns.startedAt[i]) &&
    isTextOrNull(columns.lastActivityAt[i]) &&
    typeof columns.badLines[i] === 'number' &&
    isCountOrNull(columns.usedTokens[i]) &&
    isCountOrNull(columns.autoCompactAtTokens[i])
  );
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return Number.isFinite(total) ? total : -1;
}
