/**
 * Headroom's side of every scenario: one cold scan of the scenario's temporary folders, exactly what
 * `headroom status --json` does, and a lookup that explains itself when a session is missing.
 */
import type { Agent, Session, StatusReport } from '../../shared/session';
import { scanStatus } from '../../electron/engine/scan';

export interface ScanRoots {
  claudeDirs?: string[];
  codexDirs?: string[];
  geminiDirs?: string[];
  /** The scenario's HOME: default roots resolve inside it, never in the developer's real home. */
  home: string;
}

/** `now` decides running/idle/ended; pass the same one when comparing with a live snapshot. */
export function scan(roots: ScanRoots, now?: () => number): Promise<StatusReport> {
  return scanStatus({ ...roots, env: {}, now });
}

export function sessionIn(report: StatusReport, agent: Agent, id: string): Session {
  const session = report.sessions.find((candidate) => candidate.agent === agent && candidate.id === id);
  if (session !== undefined) return session;
  const seen = report.sessions.map((candidate) => `${candidate.agent}:${candidate.id}`).join(', ') || 'none';
  const problems = report.problems.items.map((problem) => problem.message).join('; ') || 'none';
  throw new Error(`Headroom found no ${agent} session ${id}. Sessions found: ${seen}. Problems: ${problems}`);
}

export async function scanSession(roots: ScanRoots, agent: Agent, id: string): Promise<Session> {
  return sessionIn(await scan(roots), agent, id);
}
