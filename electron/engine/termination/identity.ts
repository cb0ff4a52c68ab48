/**
 * Who a process is, beyond its pid: its owner and a start key that changes when the pid is reused.
 * Signals are only ever sent to a process whose identity still equals the one recorded when it was
 * matched to a session — never to a pid alone, never by name.
 *
 * The start key is the kernel's start time: on Linux /proc/<pid>/stat field 22 (clock ticks after boot,
 * the value Claude Code itself stores as `procStart`), elsewhere `ps -o lstart=` (to the second).
 * Readers return null for a process that is gone or unreadable; they never throw.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { readStat } from '../processes/linux';

export interface ProcessIdentity {
  pid: number;
  uid: number | null;
  startKey: string | null;
}

export function readIdentity(pid: number, platform: NodeJS.Platform = process.platform): ProcessIdentity | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (platform === 'linux') return linuxIdentity(pid);
  if (platform === 'win32') return isAlive(pid) ? { pid, uid: null, startKey: null } : null;
  return psIdentity(pid);
}

function linuxIdentity(pid: number): ProcessIdentity | null {
  const stat = readStat(pid);
  if (!stat) return null;
  try {
    // /proc/<pid> belongs to the process's effective user.
    return { pid, uid: statSync(`/proc/${pid}`).uid, startKey: stat.startTicks };
  } catch {
    return null;
  }
}

function psIdentity(pid: number): ProcessIdentity | null {
  try {
    const out = execFileSync('ps', ['-o', 'uid=', '-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim();
    const match = /^(\d+)\s+(.+)$/.exec(out);
    return match ? { pid, uid: Number(match[1]), startKey: match[2]!.trim() } : null;
  } catch {
    return null;
  }
}

/** The parent of a process, or null when unknown (Linux: /proc; elsewhere: ps). */
export function parentOf(pid: number, platform: NodeJS.Platform = process.platform): number | null {
  if (platform === 'linux') return readStat(pid)?.ppid ?? null;
  if (platform === 'win32') return null;
  try {
    const ppid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim());
    return Number.isInteger(ppid) && ppid > 0 ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * Whether a process still runs. A zombie (exited, not yet reaped by its parent) counts as exited: it
 * runs no code and holds no memory, and only its parent can make it disappear.
 */
export function isRunning(pid: number, platform: NodeJS.Platform = process.platform): boolean {
  if (!isAlive(pid)) return false;
  if (platform !== 'linux') return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type IdentityCheck = { ok: true } | { ok: false; reason: string };

/**
 * Whether `current` is still the process recorded as `expected` and ours to signal: same pid, the same
 * start key (the pid was not reused), and owned by this user.
 */
export function checkIdentity(expected: ProcessIdentity, current: ProcessIdentity | null, myUid: number | null): IdentityCheck {
  if (current === null) return { ok: false, reason: `process ${expected.pid} is not running` };
  if (current.pid !== expected.pid) return { ok: false, reason: `pid ${current.pid} is not the recorded pid ${expected.pid}` };
  if (myUid !== null && current.uid !== myUid) return { ok: false, reason: `process ${current.pid} belongs to user ${String(current.uid)}, not to this user (${myUid})` };
  if (expected.startKey === null || current.startKey === null) return { ok: false, reason: `the start time of process ${current.pid} cannot be verified on this system` };
  if (current.startKey !== expected.startKey) {
    return { ok: false, reason: `process ${current.pid} started at ${current.startKey}, not at the recorded ${expected.startKey}: the pid was reused by another program` };
  }
  return { ok: true };
}

export function myUid(): number | null {
  return typeof process.getuid === 'function' ? process.getuid() : null;
}
