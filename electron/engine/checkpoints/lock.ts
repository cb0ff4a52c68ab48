/**
 * A cross-process lock file: one holder at a time for one resource (a session's checkpoints, the
 * annotations file), for the desktop app, the CLI and agent hooks alike.
 *
 * Guarantees:
 * - Acquisition is atomic: the lock is written in full to a temporary file and hard-linked into place;
 *   `link` fails if the lock exists, so two processes can never both create it and nobody ever reads a
 *   half-written lock.
 * - The lock names its holder (pid, host, time, a random token) so a refusal can say who holds it.
 * - A lock is stale when its pid is dead (same host) or it is older than `staleMs` (default 10 min);
 *   a stale lock is taken over, so a crash (kill -9) never blocks forever.
 * - Takeover is serialised by a second, short-lived lock: the taker re-reads the lock under it and
 *   removes it only if it is still the same stale lock, so a fresh lock is never removed by mistake.
 * - `release` removes the lock only if it is still ours.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { z } from 'zod';
import { tempPathFor, writeDurably } from './atomic-write';

export const STALE_LOCK_MS = 10 * 60_000;
/** The takeover lock is held for microseconds; one older than this was left by a crash. */
const TAKEOVER_STALE_MS = 30_000;

const HolderSchema = z.object({ pid: z.number().int(), host: z.string(), createdAt: z.string(), token: z.string() });
export type LockHolder = z.infer<typeof HolderSchema>;

export interface LockOptions {
  now?: () => number;
  staleMs?: number;
  /** Whether a pid on this host is alive; injectable for tests. */
  isAlive?: (pid: number) => boolean;
}

export type LockAttempt = { ok: true; holder: LockHolder; release: () => void } | { ok: false; holder: LockHolder | null };

export function acquireLock(path: string, options: LockOptions = {}): LockAttempt {
  const now = options.now ?? Date.now;
  mkdirSync(dirname(path), { recursive: true });
  const mine = tryCreate(path, now);
  if (mine) return held(path, mine);

  const current = readHolder(path);
  if (current === undefined) return tryAgainOnce(path, now); // vanished in between: released just now
  if (!isStale(current, options)) return { ok: false, holder: current };
  return takeOver(path, current, options);
}

function takeOver(path: string, stale: LockHolder | null, options: LockOptions): LockAttempt {
  const now = options.now ?? Date.now;
  const guardPath = `${path}.takeover`;
  const guard = tryCreate(guardPath, now);
  if (!guard) {
    const guardHolder = readHolder(guardPath);
    if (guardHolder && isStale(guardHolder, { ...options, staleMs: TAKEOVER_STALE_MS })) removeIfSame(guardPath, guardHolder);
    return { ok: false, holder: stale };
  }
  try {
    const again = readHolder(path);
    if (again !== undefined && !sameHolder(again, stale)) return { ok: false, holder: again };
    rmSync(path, { force: true });
    const mine = tryCreate(path, now);
    return mine ? held(path, mine) : { ok: false, holder: readHolder(path) ?? null };
  } finally {
    removeIfSame(guardPath, guard);
  }
}

function tryAgainOnce(path: string, now: () => number): LockAttempt {
  const mine = tryCreate(path, now);
  return mine ? held(path, mine) : { ok: false, holder: readHolder(path) ?? null };
}

function held(path: string, holder: LockHolder): LockAttempt {
  return { ok: true, holder, release: () => removeIfSame(path, holder) };
}

/** Creates the lock atomically with its content; null when it already exists. */
function tryCreate(path: string, now: () => number): LockHolder | null {
  const holder: LockHolder = {
    pid: process.pid,
    host: hostname(),
    createdAt: new Date(now()).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const temp = tempPathFor(path);
  writeDurably(temp, JSON.stringify(holder));
  try {
    linkSync(temp, path);
    return holder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** The lock's holder; null when the file is unreadable garbage; undefined when there is no lock. */
export function readHolder(path: string): LockHolder | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Dead pid on this host, or too old; a lock nobody can read is stale too (we never write one). */
function isStale(holder: LockHolder | null, options: LockOptions): boolean {
  if (holder === null) return true;
  const now = (options.now ?? Date.now)();
  const age = now - Date.parse(holder.createdAt);
  if (!(age < (options.staleMs ?? STALE_LOCK_MS))) return true;
  if (holder.host !== hostname()) return false;
  return !(options.isAlive ?? pidAlive)(holder.pid);
}

function sameHolder(a: LockHolder | null, b: LockHolder | null): boolean {
  return a === null || b === null ? a === b : a.token === b.token;
}

function removeIfSame(path: string, holder: LockHolder): void {
  const current = readHolder(path);
  if (current && current.token === holder.token) rmSync(path, { force: true });
}

/** `kill(pid, 0)` probes without signalling: ESRCH means gone, EPERM means alive but not ours. */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
