/**
 * Finding and ending leftover processes on this machine (./detect.ts decides; this gathers the facts
 * and does the ending). Used by `headroom orphans` and available to the app.
 *
 * Ending is by exact pid and only for a process that is a leftover *now*: its identity (start time,
 * owner) is checked again right before each signal (termination/signals.ts), SIGTERM first, SIGKILL
 * after the grace period. Nothing is ever ended by name.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Session } from '../../../shared/session';
import { endProcess, type EndOptions, type EndResult } from '../termination/signals';
import { findLeftovers, type Leftover, type SessionFacts } from './detect';
import { listOwnProcesses } from './process-table';

export function sessionFacts(sessions: readonly Session[]): SessionFacts[] {
  return sessions.map((s) => ({
    agent: s.agent,
    id: s.id,
    project: s.project === null ? null : canonical(s.project),
    startedAtMs: s.startedAt === null ? null : Date.parse(s.startedAt),
    live: s.pid !== null,
  }));
}

export async function scanLeftovers(sessions: readonly Session[], now: number): Promise<Leftover[]> {
  return findLeftovers(await listOwnProcesses(), sessionFacts(sessions), now);
}

export function endLeftover(leftover: Leftover, options: EndOptions): Promise<EndResult> {
  return endProcess(leftover.row.identity, options);
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
