/**
 * This user's processes with what the leftover check needs: parent, working directory, start time,
 * command line and memory. Linux reads /proc with the matcher's readers (processes/linux.ts); macOS and
 * other Unixes ask ps once, then lsof for the working directories. Other users' processes are never
 * listed: they could not be ended anyway, and their folders are none of our business.
 */
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { promisify } from 'node:util';
import { listOpenFiles } from '../processes/lsof';
import { listProcesses, readBootTimeMs, readClockTicks, readCwd, readExe, readRssBytes, readStat } from '../processes/linux';
import type { ProcessIdentity } from '../termination/identity';

export interface ProcessRow {
  pid: number;
  ppid: number;
  /** Start key (see termination/identity.ts), so a pid picked from this list is ended only if unchanged. */
  identity: ProcessIdentity;
  startMs: number | null;
  cwd: string | null;
  argv: string[];
  /** Executable path or name. */
  exe: string;
  rssBytes: number | null;
}

export async function listOwnProcesses(platform: NodeJS.Platform = process.platform): Promise<ProcessRow[]> {
  if (platform === 'linux') return fromProc();
  if (platform === 'win32') return [];
  return fromPs();
}

function fromProc(): ProcessRow[] {
  const uid = process.getuid?.() ?? null;
  const bootMs = readBootTimeMs();
  const hz = readClockTicks();
  const rows: ProcessRow[] = [];
  for (const { pid, argv } of listProcesses()) {
    let owner: number;
    try {
      owner = statSync(`/proc/${pid}`).uid;
    } catch {
      continue;
    }
    if (uid !== null && owner !== uid) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    rows.push({
      pid,
      ppid: stat.ppid,
      identity: { pid, uid: owner, startKey: stat.startTicks },
      startMs: bootMs === null ? null : bootMs + (Number(stat.startTicks) / hz) * 1000,
      cwd: readCwd(pid),
      argv,
      exe: readExe(pid) ?? argv[0] ?? '',
      rssBytes: readRssBytes(pid),
    });
  }
  return rows;
}

const run = promisify(execFile);

/** ps's `etime`: `[[dd-]hh:]mm:ss`. */
export function parseElapsed(text: string): number | null {
  const match = /^(?:(?:(\d+)-)?(\d+):)?(\d+):(\d+)$/.exec(text.trim());
  if (!match) return null;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
}

async function fromPs(): Promise<ProcessRow[]> {
  const uid = process.getuid?.() ?? null;
  let stdout: string;
  try {
    ({ stdout } = await run('ps', ['-A', '-o', 'pid=,ppid=,uid=,rss=,etime=,lstart=,args='], { maxBuffer: 32 * 1024 * 1024 }));
  } catch {
    return [];
  }
  const now = Date.now();
  const rows: ProcessRow[] = [];
  for (const line of stdout.split('\n')) {
    // lstart is five words: "Sat Nov 21 12:00:00 2026".
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(.*)$/.exec(line);
    if (!match) continue;
    const [, pid, ppid, owner, rssKb, elapsed, lstart, args] = match;
    if (uid !== null && Number(owner) !== uid) continue;
    const seconds = parseElapsed(elapsed!);
    const argv = args!.split(' ');
    rows.push({ pid: Number(pid), ppid: Number(ppid), identity: { pid: Number(pid), uid: Number(owner), startKey: lstart!.trim() }, startMs: seconds === null ? null : now - seconds * 1000, cwd: null, argv, exe: argv[0] ?? '', rssBytes: Number(rssKb) * 1024 });
  }
  const open = await listOpenFiles(rows.map((row) => row.pid));
  for (const row of rows) row.cwd = open.get(row.pid)?.cwd ?? null;
  return rows;
}
