/**
 * Leftover processes: programs a session started that outlived it — a dev server, a watcher, a test
 * runner — still holding ports and memory after the agent is gone. Pure: the process table and the
 * sessions come in, `now` is injected.
 *
 * A process is a leftover of a session when all of these hold:
 * | rule                  | why                                                                    |
 * |-----------------------|------------------------------------------------------------------------|
 * | its parent is gone    | reparented to init (pid 1) or a subreaper (systemd --user, tini…); a   |
 * |                       | process whose shell or terminal still runs belongs to someone          |
 * | cwd in the project    | it works in the session's project folder (or below)                    |
 * | started after         | it started after the session began (with a little clock slack)         |
 * | the session is over   | no agent process runs the session any more                             |
 * | not an agent, not a   | an agent is a session of its own; terminal multiplexers and agents     |
 * | session manager       | (tmux, screen, ssh-agent…) outlive shells by design                    |
 * When several sessions qualify, the one with the deepest project folder wins, then the latest start.
 */
import { sep } from 'node:path';
import type { Agent } from '../../../shared/session';
import { agentOfProcess } from '../processes/agents';
import type { ProcessRow } from './process-table';

export interface SessionFacts {
  agent: Agent;
  id: string;
  /** Canonical project folder (links resolved, as the kernel reports working directories). */
  project: string | null;
  startedAtMs: number | null;
  /** An agent process runs the session right now. */
  live: boolean;
}

export interface Leftover {
  pid: number;
  command: string;
  cwd: string;
  startedAtMs: number | null;
  ageMs: number | null;
  rssBytes: number | null;
  row: ProcessRow;
  session: Pick<SessionFacts, 'agent' | 'id' | 'project'>;
}

/** Parents that adopt orphans: init systems and container inits that act as subreapers. */
const REAPERS = new Set(['systemd', 'init', 'launchd', 'tini', 'dumb-init', 'docker-init', 'catatonit', 's6-svscan', 'runit']);
/** Programs that outlive their shell on purpose. */
const SESSION_MANAGERS = new Set(['tmux', 'screen', 'zellij', 'ssh-agent', 'gpg-agent', 'dbus-daemon', 'dbus-launch', 'systemd', 'launchd']);
/** Process start times are read to the clock tick (or second), transcript times to the millisecond. */
export const START_SLACK_MS = 2000;

export function findLeftovers(rows: readonly ProcessRow[], sessions: readonly SessionFacts[], now: number, self = process.pid): Leftover[] {
  const byPid = new Map(rows.map((row) => [row.pid, row]));
  const ended = sessions.filter((s) => !s.live && s.project !== null);
  const found: Leftover[] = [];
  for (const row of rows) {
    if (row.pid === self || row.cwd === null || !parentGone(row, byPid)) continue;
    const name = baseName(row.exe) || baseName(row.argv[0] ?? '');
    if (SESSION_MANAGERS.has(name) || REAPERS.has(name) || agentOfProcess({ exe: row.exe, argv: row.argv }) !== null) continue;
    const session = bestSession(row, ended);
    if (!session) continue;
    found.push({
      pid: row.pid,
      command: row.argv.join(' ').slice(0, 300),
      cwd: row.cwd,
      startedAtMs: row.startMs,
      ageMs: row.startMs === null ? null : Math.max(0, now - row.startMs),
      rssBytes: row.rssBytes,
      row,
      session: { agent: session.agent, id: session.id, project: session.project },
    });
  }
  return found.sort((a, b) => (a.startedAtMs ?? 0) - (b.startedAtMs ?? 0));
}

function parentGone(row: ProcessRow, byPid: ReadonlyMap<number, ProcessRow>): boolean {
  if (row.ppid === 1) return true;
  const parent = byPid.get(row.ppid);
  // A parent we cannot see belongs to another user (e.g. a system-wide reaper); only a known reaper counts.
  return parent !== undefined && REAPERS.has(baseName(parent.exe) || baseName(parent.argv[0] ?? ''));
}

function bestSession(row: ProcessRow, sessions: readonly SessionFacts[]): SessionFacts | undefined {
  let best: SessionFacts | undefined;
  for (const session of sessions) {
    const project = session.project!;
    if (row.cwd !== project && !row.cwd!.startsWith(project.endsWith(sep) ? project : project + sep)) continue;
    if (session.startedAtMs === null || row.startMs === null || row.startMs < session.startedAtMs - START_SLACK_MS) continue;
    if (!best || project.length > best.project!.length || (project.length === best.project!.length && session.startedAtMs > best.startedAtMs!)) best = session;
  }
  return best;
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).replace(/^-/, '');
}
