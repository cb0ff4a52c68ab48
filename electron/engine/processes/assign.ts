/**
 * Which agent process runs which session: a pure decision over facts gathered elsewhere.
 *
 * Evidence, strongest first; each session gets at most one process and each process one session:
 *  1. the process holds the session's transcript open (Codex keeps its rollout open) — exact;
 *  2. Claude Code's registry names the session (already checked against pid reuse). After `/clear`
 *     the registry keeps the old id (anthropics/claude-code#53037), so when a session in the same
 *     folder began after the named one went quiet, and after the process started, and nobody else
 *     claimed it, the process is moved to that successor;
 *  3. the process's working directory equals the session's project and the session was active since
 *     the process started; among several, the most recently active one.
 * A launcher whose child runs the same agent (Codex's node wrapper, Gemini's relaunch) is dropped so
 * that one agent never counts as two processes.
 */
import type { Agent } from '../../../shared/session';

export interface Candidate {
  pid: number;
  ppid: number;
  agent: Agent;
  /** Canonical working directory, or null when unknown. */
  cwd: string | null;
  startMs: number | null;
  /** Keys of sessions whose transcript the process holds open. */
  heldKeys: readonly string[];
  /** Key of the session Claude Code's registry names for this process. */
  registryKey: string | null;
}

export interface SessionFacts {
  key: string;
  agent: Agent;
  startedAtMs: number | null;
  lastActivityMs: number | null;
}

export interface AssignInput {
  candidates: readonly Candidate[];
  /** The session with this key, if there is one. */
  session: (key: string) => SessionFacts | undefined;
  /** Sessions of `agent` whose project is `cwd`. */
  sessionsIn: (agent: Agent, cwd: string) => readonly SessionFacts[];
}

/** Transcript times are to the millisecond, ps start times only to the second. */
export const START_SLACK_MS = 2000;

/** Session key → pid. */
export function assignProcesses(input: AssignInput): Map<string, number> {
  const candidates = withoutLaunchers(input.candidates);
  const owner = new Map<string, number>();
  const taken = new Set<number>();
  const claim = (key: string, candidate: Candidate) => {
    owner.set(key, candidate.pid);
    taken.add(candidate.pid);
  };
  const free = (key: string, agent: Agent) => !owner.has(key) && input.session(key)?.agent === agent;

  for (const candidate of candidates) {
    const held = candidate.heldKeys.find((key) => free(key, candidate.agent));
    if (held) claim(held, candidate);
  }
  const registered: Candidate[] = [];
  for (const candidate of candidates) {
    if (taken.has(candidate.pid) || candidate.registryKey === null || !free(candidate.registryKey, candidate.agent)) continue;
    claim(candidate.registryKey, candidate);
    registered.push(candidate);
  }
  for (const candidate of registered) moveToSuccessor(candidate, owner, input);

  const newestFirst = candidates.filter((c) => !taken.has(c.pid) && c.cwd !== null).sort((a, b) => (b.startMs ?? 0) - (a.startMs ?? 0));
  for (const candidate of newestFirst) {
    const best = mostRecent(input.sessionsIn(candidate.agent, candidate.cwd!).filter((s) => !owner.has(s.key) && activeSince(s, candidate.startMs)));
    if (best) claim(best.key, candidate);
  }
  return owner;
}

function moveToSuccessor(candidate: Candidate, owner: Map<string, number>, input: AssignInput): void {
  const named = input.session(candidate.registryKey!);
  if (!named || candidate.cwd === null || named.lastActivityMs === null) return;
  const quietSince = named.lastActivityMs;
  const successors = input
    .sessionsIn(candidate.agent, candidate.cwd)
    .filter((s) => !owner.has(s.key) && s.startedAtMs !== null && s.startedAtMs >= quietSince && activeSince(s, candidate.startMs));
  const successor = mostRecent(successors);
  if (!successor) return;
  owner.delete(named.key);
  owner.set(successor.key, candidate.pid);
}

function activeSince(session: SessionFacts, startMs: number | null): boolean {
  if (startMs === null) return true;
  return session.lastActivityMs !== null && session.lastActivityMs >= startMs - START_SLACK_MS;
}

function mostRecent(sessions: readonly SessionFacts[]): SessionFacts | undefined {
  let best: SessionFacts | undefined;
  for (const session of sessions) if (!best || (session.lastActivityMs ?? 0) > (best.lastActivityMs ?? 0)) best = session;
  return best;
}

/** Drops every candidate that has a child candidate running the same agent. */
function withoutLaunchers(candidates: readonly Candidate[]): Candidate[] {
  const launchers = new Set(candidates.map((c) => `${c.agent}:${c.ppid}`));
  return candidates.filter((c) => !launchers.has(`${c.agent}:${c.pid}`));
}
