/**
 * Which process runs which session, as the agents' own SessionStart / SessionEnd hooks report it:
 * `<dataDir>/sessions/<agent>/<sessionId>.json`. Unlike matching processes by working directory, this
 * is exact, and it keeps the process identity (start key, owner) that termination and the leftover
 * process check verify before they act. An ended session keeps its entry, with when and why it ended:
 * processes it left behind are found through it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Agent } from '../../../shared/session';
import { writeFileAtomic } from '../checkpoints/atomic-write';
import { refComponent } from '../checkpoints/git-snapshot';
import type { ProcessIdentity } from '../termination/identity';

export interface RegistryEntry {
  sessionId: string;
  agent: Agent;
  /** The agent process; null when it could not be identified (e.g. Windows). */
  process: ProcessIdentity | null;
  cwd: string | null;
  transcriptPath: string | null;
  /** SessionStart's `source`: startup, resume, clear, compact. */
  source: string | null;
  startedAt: string;
  endedAt: string | null;
  endReason: string | null;
}

export function registryDir(dataDir: string, agent: Agent): string {
  return join(dataDir, 'sessions', agent);
}

export function registryPath(dataDir: string, agent: Agent, sessionId: string): string {
  return join(registryDir(dataDir, agent), `${refComponent(sessionId)}.json`);
}

export function writeRegistryEntry(dataDir: string, entry: RegistryEntry): void {
  writeFileAtomic(registryPath(dataDir, entry.agent, entry.sessionId), `${JSON.stringify(entry, null, 2)}\n`);
}

export function readRegistryEntry(dataDir: string, agent: Agent, sessionId: string): RegistryEntry | null {
  try {
    return validEntry(JSON.parse(readFileSync(registryPath(dataDir, agent, sessionId), 'utf8')), agent);
  } catch {
    return null;
  }
}

/** Every valid entry of an agent; unreadable files are skipped. */
export function readRegistry(dataDir: string, agent: Agent): RegistryEntry[] {
  let names: string[];
  try {
    names = readdirSync(registryDir(dataDir, agent)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const entries: RegistryEntry[] = [];
  for (const name of names) {
    try {
      const entry = validEntry(JSON.parse(readFileSync(join(registryDir(dataDir, agent), name), 'utf8')), agent);
      if (entry) entries.push(entry);
    } catch {
      // A file being replaced or hand-edited: skip it.
    }
  }
  return entries;
}

function validEntry(raw: unknown, agent: Agent): RegistryEntry | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const entry = raw as Partial<RegistryEntry>;
  if (entry.agent !== agent || typeof entry.sessionId !== 'string' || typeof entry.startedAt !== 'string') return null;
  const proc = entry.process;
  const validProcess = proc && Number.isInteger(proc.pid) && proc.pid > 0 ? { pid: proc.pid, uid: typeof proc.uid === 'number' ? proc.uid : null, startKey: typeof proc.startKey === 'string' ? proc.startKey : null } : null;
  return {
    sessionId: entry.sessionId,
    agent,
    process: validProcess,
    cwd: typeof entry.cwd === 'string' ? entry.cwd : null,
    transcriptPath: typeof entry.transcriptPath === 'string' ? entry.transcriptPath : null,
    source: typeof entry.source === 'string' ? entry.source : null,
    startedAt: entry.startedAt,
    endedAt: typeof entry.endedAt === 'string' ? entry.endedAt : null,
    endReason: typeof entry.endReason === 'string' ? entry.endReason : null,
  };
}
