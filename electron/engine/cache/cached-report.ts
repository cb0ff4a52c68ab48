/**
 * A warm report answered from the status cache (./warm-report.ts): its sessions carry the fields
 * filters, sorting and process matching look at, and print as `status --json` prints them by copying
 * their cached text around the fresh fields — no session is parsed or printed whole.
 */
import type { Agent, Problems, ProcessInfo, Session, SessionStatus, StatusReport } from '../../../shared/session';
import type { ContextEvent } from '../sources/types';
import type { FreshFields } from './fresh-fields';
import { SESSION_SEPARATOR, SLOTS, slotText } from './session-text';
import { type SessionColumns, type StatusCache, unpackEvents } from './status-cache-format';

/** Where one session's entries start in the cache's lists (see SessionColumns). */
export interface SessionSpan {
  index: number;
  /** Byte offset of its text in the body. */
  text: number;
  files: number;
  events: number;
  slots: number;
  pieces: number;
}

/** The spans of every session, in the cache's order. */
export function sessionSpans(columns: SessionColumns): SessionSpan[] {
  const spans: SessionSpan[] = [];
  const at = { text: 0, files: 0, events: 0, slots: 0, pieces: 0 };
  for (let index = 0; index < columns.id.length; index += 1) {
    spans.push({ index, ...at });
    at.text += columns.size[index]!;
    at.files += columns.fileCount[index]!;
    at.events += columns.eventCount[index]!;
    at.slots += columns.slotCount[index]!;
    at.pieces += columns.slotCount[index]! + 1;
  }
  return spans;
}

/** One session of a warm report: what filters, sorting and process matching read, fresh fields included. */
export class WarmSession implements FreshFields {
  readonly agent: Agent;
  readonly id: string;
  readonly project: string | null;
  readonly startedAt: string | null;
  readonly lastActivityAt: string | null;
  readonly usedTokens: number | null;
  readonly autoCompactAtTokens: number | null;
  status: SessionStatus = 'ended';
  pid: number | null = null;
  process: ProcessInfo | null = null;
  etaMinutes: number | null = null;
  tags: string[] = [];
  projectName: string | null = null;

  constructor(
    private readonly columns: SessionColumns,
    readonly span: SessionSpan,
    private readonly filePaths: readonly string[],
  ) {
    const i = span.index;
    this.agent = columns.agent[i]!;
    this.id = columns.id[i]!;
    this.project = columns.project[i]!;
    this.startedAt = columns.startedAt[i]!;
    this.lastActivityAt = columns.lastActivityAt[i]!;
    this.usedTokens = columns.usedTokens[i]!;
    this.autoCompactAtTokens = columns.autoCompactAtTokens[i]!;
  }

  refresh(fresh: FreshFields): void {
    this.status = fresh.status;
    this.pid = fresh.pid;
    this.process = fresh.process;
    this.etaMinutes = fresh.etaMinutes;
    this.tags = fresh.tags;
    this.projectName = fresh.projectName;
  }

  get badLines(): number {
    return this.columns.badLines[this.span.index]!;
  }

  /** Only process matching asks, and only while an agent runs. */
  get files(): string[] {
    const files = this.columns.files.slice(this.span.files, this.span.files + this.columns.fileCount[this.span.index]!);
    return files.map((file) => (typeof file === 'number' ? this.filePaths[file]! : file));
  }

  /** The tail of its context series, for the ETA. */
  events(): ContextEvent[] {
    return unpackEvents(this.columns.events, this.span.events, this.columns.eventCount[this.span.index]!);
  }

  slotValue(slot: number): unknown {
    return SLOTS[slot] === 'context.etaMinutes' ? this.etaMinutes : this[SLOTS[slot] as Exclude<(typeof SLOTS)[number], 'context.etaMinutes'>];
  }
}

/** How `JSON.stringify(report, null, 2)` prints a non-empty sessions array, around its items. */
const PLACEHOLDER = '[\n    0\n  ]';
const SESSIONS_OPEN = '[\n    ';
const SESSIONS_CLOSE = '\n  ]';
const SEPARATOR_BYTES = Buffer.byteLength(SESSION_SEPARATOR);

/** Output being put together: text, and byte ranges of the cache's body (adjacent ones merged). */
class Parts {
  readonly list: (string | [number, number])[] = [];

  text(text: string): void {
    this.list.push(text);
  }

  range(start: number, end: number): void {
    const last = this.list.at(-1);
    if (typeof last === 'object' && last[1] === start) last[1] = end;
    else this.list.push([start, end]);
  }

  /** Drops the separator that ends the last session. */
  dropSeparator(): void {
    const last = this.list.at(-1);
    if (typeof last === 'object') last[1] -= SEPARATOR_BYTES;
  }

  /** As one buffer (for turning a session back into an object). */
  bytes(body: Buffer): Buffer {
    return Buffer.concat(this.chunks(body));
  }

  /**
   * As buffers to write one after another: the body's ranges are not copied (a warm `--all` whose
   * sessions all print as cached is three chunks), unless there are so many that one copy is cheaper
   * than as many writes.
   */
  chunks(body: Buffer): Buffer[] {
    const chunks = this.list.map((part) => (typeof part === 'string' ? Buffer.from(part) : body.subarray(part[0], part[1])));
    return chunks.length > MAX_CHUNKS ? [Buffer.concat(chunks)] : chunks;
  }
}

/** More pieces than this are written as one. */
const MAX_CHUNKS = 64;

export class CachedReport {
  constructor(
    private readonly cache: StatusCache,
    /** Most recently active first. */
    readonly sessions: WarmSession[],
    readonly generatedAt: string,
    readonly problems: Problems,
  ) {}

  /** `${JSON.stringify({ ...report, sessions: shown }, null, 2)}\n`, byte for byte, in chunks to write in order. */
  json(shown: readonly WarmSession[]): Buffer[] {
    const envelope = JSON.stringify({ version: 1, generatedAt: this.generatedAt, sessions: shown.length === 0 ? [] : [0], problems: this.problems }, null, 2);
    if (shown.length === 0) return [Buffer.from(`${envelope}\n`)];
    // The placeholder is the first text of its kind: nothing printed before it can span lines.
    const at = envelope.indexOf(PLACEHOLDER);
    const parts = new Parts();
    parts.text(envelope.slice(0, at) + SESSIONS_OPEN);
    for (const session of shown) this.sessionText(session, parts);
    parts.dropSeparator();
    parts.text(`${SESSIONS_CLOSE}${envelope.slice(at + PLACEHOLDER.length)}\n`);
    return parts.chunks(this.cache.body);
  }

  /** A session as an object (for the table, and for callers that want a StatusReport). */
  session(session: WarmSession): Session {
    const parts = new Parts();
    this.sessionText(session, parts);
    parts.dropSeparator();
    return JSON.parse(parts.bytes(this.cache.body).toString('utf8')) as Session;
  }

  report(): StatusReport {
    return { version: 1, generatedAt: this.generatedAt, sessions: this.sessions.map((session) => this.session(session)), problems: this.problems };
  }

  /** A session's text and separator: copied whole when its fresh fields print as they did when cached. */
  private sessionText(session: WarmSession, parts: Parts): void {
    const { pieces, slots, was, size, slotCount } = this.cache.sessions;
    const { index, text, slots: firstSlot, pieces: firstPiece } = session.span;
    const count = slotCount[index]!;
    let same = true;
    for (let i = firstSlot; same && i < firstSlot + count; i += 1) same = slotText(slots[i]!, session.slotValue(slots[i]!)) === was[i];
    if (same) {
      parts.range(text, text + size[index]!);
      return;
    }
    let at = text;
    for (let i = 0; i <= count; i += 1) {
      const length = pieces[firstPiece + i]!;
      parts.range(at, at + length);
      at += length;
      if (i === count) break;
      const slot = slots[firstSlot + i]!;
      parts.text(slotText(slot, session.slotValue(slot)));
      at += Buffer.byteLength(was[firstSlot + i]!);
    }
    parts.range(at, at + SEPARATOR_BYTES);
  }
}
