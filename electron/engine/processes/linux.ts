/**
 * What Linux tells about processes through /proc: the process list with exact argv, and per process
 * its working directory, start time (the clock-tick count Claude Code stores as `procStart`), CPU
 * ticks, resident memory and the files it holds open.
 *
 * The reads are synchronous on purpose: /proc files are generated from kernel memory and never wait
 * on a disk, and for a few hundred processes a synchronous pass costs about 1 ms of CPU where the
 * same reads through the promise API cost over 10 ms (measured on this machine) — which matters for
 * a call the Monitor repeats every few seconds while the app idles. This is also why the listing does
 * not use ps-list here: it spawns `ps` twice and costs about 20 ms of CPU per call.
 *
 * Every reader returns null (or an empty list) instead of throwing: a process can exit between the
 * listing and the read (ENOENT/ESRCH), and another user's process denies most of these (EACCES).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/** Fields of /proc/<pid>/stat the matcher needs. */
export interface ProcStat {
  ppid: number;
  /** Field 22: start time in clock ticks after boot; Claude Code's `procStart`, verbatim. */
  startTicks: string;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

export interface ProcEntry {
  pid: number;
  argv: string[];
}

/** Open transcripts are few; a process holding more descriptors than this is not read past it. */
const MAX_FDS = 4096;

function quietly<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Every process with a command line (kernel threads and zombies have none), with its exact argv. */
export function listProcesses(proc = '/proc'): ProcEntry[] {
  const entries: ProcEntry[] = [];
  for (const name of quietly(() => readdirSync(proc), [] as string[])) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    const argv = readArgv(pid, proc);
    if (argv) entries.push({ pid, argv });
  }
  return entries;
}

export function readArgv(pid: number, proc = '/proc'): string[] | null {
  return quietly(() => {
    const argv = readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0');
    if (argv.at(-1) === '') argv.pop();
    return argv.length > 0 ? argv : null;
  }, null);
}

export function readExe(pid: number, proc = '/proc'): string | null {
  return quietly(() => stripDeleted(readlinkSync(`${proc}/${pid}/exe`)), null);
}

export function readCwd(pid: number, proc = '/proc'): string | null {
  return quietly(() => stripDeleted(readlinkSync(`${proc}/${pid}/cwd`)), null);
}

/** Parses /proc/<pid>/stat; the command name (field 2) may itself contain spaces and parentheses. */
export function parseStat(text: string): ProcStat | null {
  const close = text.lastIndexOf(')');
  if (close === -1) return null;
  // After ") " come fields 3, 4, 5…; field N is at index N - 3.
  const fields = text.slice(close + 2).trim().split(' ');
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const startTicks = fields[19];
  if (!Number.isInteger(ppid) || !Number.isFinite(utime) || !Number.isFinite(stime) || !startTicks || !/^\d+$/.test(startTicks)) return null;
  return { ppid, startTicks, cpuTicks: utime + stime };
}

export function readStat(pid: number, proc = '/proc'): ProcStat | null {
  return quietly(() => parseStat(readFileSync(`${proc}/${pid}/stat`, 'utf8')), null);
}

/** Resident set size in bytes, from the `VmRSS` line of /proc/<pid>/status (absent for zombies). */
export function readRssBytes(pid: number, proc = '/proc'): number | null {
  return quietly(() => {
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`${proc}/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  }, null);
}

/** Paths of the regular files the process holds open that could be transcripts (`.jsonl`, `.json`). */
export function readOpenTranscripts(pid: number, proc = '/proc'): string[] {
  const found = new Set<string>();
  for (const fd of quietly(() => readdirSync(`${proc}/${pid}/fd`), [] as string[]).slice(0, MAX_FDS)) {
    const target = quietly(() => readlinkSync(`${proc}/${pid}/fd/${fd}`), '');
    if (target.startsWith('/') && /\.jsonl?( \(deleted\))?$/.test(target)) found.add(stripDeleted(target));
  }
  return [...found];
}

/** Boot time in ms since the epoch, from the `btime` line of /proc/stat. */
export function readBootTimeMs(proc = '/proc'): number | null {
  return quietly(() => {
    const match = /^btime\s+(\d+)$/m.exec(readFileSync(`${proc}/stat`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1000 : null;
  }, null);
}

/** USER_HZ, the unit of /proc's tick counts: 100 on every mainstream architecture; asked once anyway. */
export function readClockTicks(): number {
  const value = quietly(() => Number(execFileSync('getconf', ['CLK_TCK'], { timeout: 2000, encoding: 'utf8' }).trim()), NaN);
  return Number.isInteger(value) && value > 0 ? value : 100;
}

function stripDeleted(path: string): string {
  return path.replace(/ \(deleted\)$/, '');
}
