/**
 * A warm report answered from the status cache (./warm-report.ts): its sessions carry the fields
 * filters, sorting and process matching look at, and print as `status --json` prints them by copying
 * their cached text around the fresh fields — no session is parsed or printed whole.
 */
import type { Problems, ProcessInfo, Session, SessionStatus, StatusReport } from '../../../shared/session';
import type { FreshFields } from './fresh-fields';
import { SESSION_SEPARATOR, SLOTS, slotText } from './session-text';
import type { CachedSession, StatusCache } from './status-cache';

/** One session of a warm report. */
export class WarmSession implements FreshFields {
  status: SessionStatus = 'ended';
  pid: number | null = null;
  process: ProcessInfo | null = null;
  etaMinutes: number | null = null;
  tags: string[] = [];
  projectName: string | null = null;

  constructor(
    readonly cached: CachedSession,
    /** Where its text starts in the cache's body. */
    readonly textStart: number,
    private readonly filePaths: readonly string[],
  ) {}

  get agent() {
    return this.cached.agent;
  }
  get id() {
    return this.cached.id;
  }
  get project() {
    return this.cached.project;
  }
  get startedAt() {
    return this.cached.startedAt;
  }
  get lastActivityAt() {
    return this.cached.lastActivityAt;
  }
  get usedTokens() {
    return this.cached.usedTokens;
  }
  get autoCompactAtTokens() {
    return this.cached.autoCompactAtTokens;
  }
  /** Only process matching asks, and only while an agent runs. */
  get files(): string[] {
    return this.cached.files.map((file) => (typeof file === 'number' ? this.filePaths[file]! : file));
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

  bytes(body: Buffer): Buffer {
    let size = 0;
    for (const part of this.list) size += typeof part === 'string' ? Buffer.byteLength(part) : part[1] - part[0];
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (const part of this.list) at += typeof part === 'string' ? out.write(part, at) : body.copy(out, at, part[0], part[1]);
    return out;
  }
}

export class CachedReport {
  constructor(
    private readonly cache: StatusCache,
    /** Most recently active first. */
    readonly sessions: WarmSession[],
    readonly generatedAt: string,
    readonly problems: Problems,
  ) {}

  /** `${JSON.stringify({ ...report, sessions: shown }, null, 2)}\n`, byte for byte. */
  json(shown: readonly WarmSession[]): Buffer {
    const envelope = JSON.stringify({ version: 1, generatedAt: this.generatedAt, sessions: shown.length === 0 ? [] : [0], problems: this.problems }, null, 2);
    if (shown.length === 0) return Buffer.from(`${envelope}\n`);
    // The placeholder is the first text of its kind: nothing printed before it can span lines.
    const at = envelope.indexOf(PLACEHOLDER);
    const parts = new Parts();
    parts.text(envelope.slice(0, at) + SESSIONS_OPEN);
    for (const session of shown) this.sessionText(session, parts);
    parts.dropSeparator();
    parts.text(`${SESSIONS_CLOSE}${envelope.slice(at + PLACEHOLDER.length)}\n`);
    return parts.bytes(this.cache.body);
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
    const { text, slots, was, size } = session.cached;
    const fresh = slots.map((slot) => slotText(slot, session.slotValue(slot)));
    if (fresh.every((value, i) => value === was[i])) {
      parts.range(session.textStart, session.textStart + size);
      return;
    }
    let at = session.textStart;
    text.forEach((length, i) => {
      parts.range(at, at + length);
      at += length;
      if (i === fresh.length) return;
      parts.text(fresh[i]!);
      at += Buffer.byteLength(was[i]!);
    });
    parts.range(at, at + SEPARATOR_BYTES);
  }
}
