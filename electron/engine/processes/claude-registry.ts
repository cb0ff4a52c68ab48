/**
 * Claude Code's live-session registry: `<config dir>/sessions/<pid>.json`, written by each running
 * CLI. Seen in 2.1.197 (this machine) and 2.1.139–2.1.278 (herdr #3414, sleep2agi/agent-network #18):
 *
 *   {"pid":24205,"sessionId":"463f…","cwd":"/tmp/…/proj","startedAt":1795263458580,
 *    "procStart":"67472","version":"2.1.197","kind":"interactive","entrypoint":"sdk-cli",…}
 *
 * `procStart` is /proc/<pid>/stat field 22 verbatim on Linux, so it tells a live owner from a later
 * process that got the same pid. Files are left behind when Claude Code is killed, so an entry is
 * trusted only when it passes that check (or, without `procStart`, when it was written after the
 * process started). Legacy `pid-<n>.json` files (snake_case `session_id`) are never read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface RegistryEntry {
  sessionId: string;
  cwd: string | null;
  procStart: string | null;
  startedAtMs: number | null;
}

/** How the process the entry is checked against started, as far as the platform tells. */
export interface ProcessStart {
  /** /proc/<pid>/stat field 22 (Linux only). */
  ticks: string | null;
  startMs: number | null;
}

/** ps reports start times to the second; the registry is written a moment after the process starts. */
const START_TOLERANCE_MS = 2000;

export function parseRegistryEntry(text: string, pid: number): RegistryEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const record = raw as Record<string, unknown>;
  if (record['pid'] !== undefined && record['pid'] !== pid) return null;
  const sessionId = record['sessionId'];
  if (typeof sessionId !== 'string' || sessionId === '') return null;
  const procStart = record['procStart'];
  const startedAt = record['startedAt'];
  return {
    sessionId,
    cwd: typeof record['cwd'] === 'string' ? record['cwd'] : null,
    procStart: typeof procStart === 'string' || typeof procStart === 'number' ? String(procStart) : null,
    startedAtMs: typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : null,
  };
}

/** Whether the entry was written by the process that holds its pid now (not an earlier owner). */
export function belongsTo(entry: RegistryEntry, start: ProcessStart): boolean {
  if (entry.procStart !== null && start.ticks !== null) return entry.procStart === start.ticks;
  if (entry.startedAtMs !== null && start.startMs !== null) return entry.startedAtMs >= start.startMs - START_TOLERANCE_MS;
  // Nothing to compare with (e.g. Windows): the caller has already checked the pid runs Claude Code.
  return true;
}

/** The registry entry for `pid` in the first config folder that has a valid one owned by that process. */
export async function readRegistry(claudeDirs: readonly string[], pid: number, start: ProcessStart): Promise<RegistryEntry | null> {
  for (const dir of claudeDirs) {
    let text: string;
    try {
      text = await readFile(join(dir, 'sessions', `${pid}.json`), 'utf8');
    } catch {
      continue;
    }
    const entry = parseRegistryEntry(text, pid);
    if (entry && belongsTo(entry, start)) return entry;
  }
  return null;
}
