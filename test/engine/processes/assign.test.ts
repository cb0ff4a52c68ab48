/**
 * The assignment rules in isolation: which evidence wins, one process per session and one session
 * per process, the /clear successor, launchers, and sessions that ended before a process started.
 */
import { describe, expect, it } from 'vitest';
import { type Candidate, type SessionFacts, assignProcesses } from '../../../electron/engine/processes/assign';
import type { Agent } from '../../../shared/session';

const T = Date.parse('2026-11-21T10:00:00Z');
const MIN = 60_000;

function session(key: string, project: string, startedAt: number, lastActivity: number, agent: Agent = 'claude-code') {
  return { facts: { key, agent, startedAtMs: startedAt, lastActivityMs: lastActivity } satisfies SessionFacts, project };
}

function candidate(pid: number, fields: Partial<Candidate> = {}): Candidate {
  return { pid, ppid: 1, agent: 'claude-code', cwd: '/p', startMs: T, heldKeys: [], registryKey: null, ...fields };
}

function assign(candidates: Candidate[], sessions: ReturnType<typeof session>[]): Record<string, number> {
  const map = new Map(sessions.map((s) => [s.facts.key, s.facts]));
  const owners = assignProcesses({
    candidates,
    session: (key) => map.get(key),
    sessionsIn: (agent, cwd) => sessions.filter((s) => s.project === cwd && s.facts.agent === agent).map((s) => s.facts),
  });
  return Object.fromEntries(owners);
}

describe('assignProcesses', () => {
  it('attaches a process to the most recently active session in its working directory', () => {
    const sessions = [session('a', '/p', T + MIN, T + 5 * MIN), session('b', '/p', T + 2 * MIN, T + 9 * MIN), session('c', '/q', T, T + 20 * MIN)];
    expect(assign([candidate(10)], sessions)).toEqual({ b: 10 });
  });

  it('never attaches a process to a session that went quiet before the process started', () => {
    const sessions = [session('old', '/p', T - 90 * MIN, T - 30 * MIN)];
    expect(assign([candidate(10)], sessions)).toEqual({});
  });

  it('an open transcript beats the working directory', () => {
    const sessions = [session('held', '/p', T + MIN, T + 2 * MIN, 'codex'), session('newer', '/p', T + 3 * MIN, T + 9 * MIN, 'codex')];
    expect(assign([candidate(10, { agent: 'codex', heldKeys: ['held'] })], sessions)).toEqual({ held: 10 });
  });

  it('two processes in one folder get one session each, the newest process the newest session', () => {
    const sessions = [session('first', '/p', T + MIN, T + 8 * MIN), session('second', '/p', T + 6 * MIN, T + 9 * MIN)];
    const older = candidate(10, { startMs: T });
    const newer = candidate(11, { startMs: T + 5 * MIN });
    expect(assign([older, newer], sessions)).toEqual({ second: 11, first: 10 });
  });

  it('the registry names the session even when another one in the folder is more recent', () => {
    const sessions = [session('named', '/p', T + MIN, T + 8 * MIN), session('other', '/p', T + MIN, T + 9 * MIN)];
    const viaRegistry = candidate(10, { registryKey: 'named' });
    const byCwd = candidate(11, { startMs: T + 30_000 });
    expect(assign([viaRegistry, byCwd], sessions)).toEqual({ named: 10, other: 11 });
  });

  it('after /clear the process follows to the session that began once the named one went quiet', () => {
    const sessions = [session('before-clear', '/p', T + MIN, T + 4 * MIN), session('after-clear', '/p', T + 5 * MIN, T + 9 * MIN)];
    expect(assign([candidate(10, { registryKey: 'before-clear' })], sessions)).toEqual({ 'after-clear': 10 });
  });

  it('does not follow to a "successor" another process owns by its registry entry', () => {
    const sessions = [session('a', '/p', T + MIN, T + 4 * MIN), session('b', '/p', T + 5 * MIN, T + 9 * MIN)];
    const idle = candidate(10, { registryKey: 'a' });
    const busy = candidate(11, { registryKey: 'b', startMs: T + 5 * MIN });
    expect(assign([idle, busy], sessions)).toEqual({ a: 10, b: 11 });
  });

  it('a launcher whose child runs the same agent is not counted; the child is', () => {
    const sessions = [session('s', '/p', T + MIN, T + 2 * MIN, 'codex')];
    const launcher = candidate(10, { agent: 'codex', ppid: 1 });
    const child = candidate(11, { agent: 'codex', ppid: 10, startMs: T - 1000 });
    expect(assign([launcher, child], sessions)).toEqual({ s: 11 });
  });

  it('matches only sessions of the same agent', () => {
    const sessions = [session('codex-run', '/p', T + MIN, T + 2 * MIN, 'codex')];
    expect(assign([candidate(10, { agent: 'claude-code' })], sessions)).toEqual({});
  });

  it('without a known start time (no /proc, no ps time) any session in the folder may match', () => {
    const sessions = [session('old', '/p', T - 90 * MIN, T - 30 * MIN)];
    expect(assign([candidate(10, { startMs: null })], sessions)).toEqual({ old: 10 });
  });
});
