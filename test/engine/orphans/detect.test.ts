/**
 * The leftover rules as a table over a process table and sessions: each row changes one fact of a
 * process that otherwise is a clear leftover (reparented to init, working in an ended session's
 * project, started after it), and states whether it is listed.
 */
import { describe, expect, it } from 'vitest';
import { findLeftovers, type SessionFacts } from '../../../electron/engine/orphans/detect';
import type { ProcessRow } from '../../../electron/engine/orphans/process-table';

const NOW = Date.parse('2026-11-21T12:00:00.000Z');
const SESSION_START = NOW - 60 * 60_000;

const session: SessionFacts = { agent: 'claude-code', id: 'sess-1', project: '/home/dev/app', startedAtMs: SESSION_START, live: false };

function row(overrides: Partial<ProcessRow> = {}): ProcessRow {
  const pid = overrides.pid ?? 5000;
  return { pid, ppid: 1, identity: { pid, uid: 1000, startKey: '123' }, startMs: NOW - 30 * 60_000, cwd: '/home/dev/app', argv: ['node', 'server.js'], exe: '/usr/bin/node', rssBytes: 50 * 1024 * 1024, ...overrides };
}

const systemdUser = row({ pid: 900, ppid: 1, exe: '/usr/lib/systemd/systemd', argv: ['/usr/lib/systemd/systemd', '--user'], cwd: '/', startMs: NOW - 86_400_000 });
const liveShell = row({ pid: 901, ppid: 1, exe: '/usr/bin/bash', argv: ['bash'], cwd: '/home/dev', startMs: NOW - 86_400_000 });

describe('findLeftovers', () => {
  it.each<[string, Partial<ProcessRow>, SessionFacts, boolean]>([
    ['a dev server reparented to init in the ended session\'s project', {}, session, true],
    ['the same, in a subfolder of the project', { cwd: '/home/dev/app/web' }, session, true],
    ['reparented to systemd --user (a subreaper)', { ppid: 900 }, session, true],
    ['whose parent shell still runs', { ppid: 901 }, session, false],
    ['in a sibling folder that shares the prefix', { cwd: '/home/dev/app-old' }, session, false],
    ['started before the session began', { startMs: SESSION_START - 10_000 }, session, false],
    ['started within the clock slack of the session start', { startMs: SESSION_START - 1_500 }, session, true],
    ['of a session whose agent still runs', {}, { ...session, live: true }, false],
    ['of a session without a project', {}, { ...session, project: null }, false],
    ['that is itself an agent (claude)', { exe: '/home/dev/.local/bin/claude', argv: ['claude'] }, session, false],
    ['that is a tmux server', { exe: '/usr/bin/tmux', argv: ['tmux', 'new', '-d'] }, session, false],
    ['whose folder cannot be read', { cwd: null }, session, false],
  ])('%s → listed: %s', (_what, overrides, facts, listed) => {
    const found = findLeftovers([systemdUser, liveShell, row(overrides)], [facts], NOW, 1);
    expect(found.map((l) => l.pid)).toEqual(listed ? [5000] : []);
  });

  it('says what it found: command, folder, age, memory and the session', () => {
    const [found] = findLeftovers([row({ argv: ['node', 'node_modules/.bin/vite', '--port', '5173'] })], [session], NOW, 1);
    expect(found).toMatchObject({ pid: 5000, command: 'node node_modules/.bin/vite --port 5173', cwd: '/home/dev/app', ageMs: 30 * 60_000, rssBytes: 50 * 1024 * 1024, session: { agent: 'claude-code', id: 'sess-1', project: '/home/dev/app' } });
  });

  it('gives a process to the session with the deepest project, then the latest start', () => {
    const sessions: SessionFacts[] = [
      { ...session, id: 'outer' },
      { ...session, id: 'inner-old', project: '/home/dev/app/web', startedAtMs: SESSION_START },
      { ...session, id: 'inner-new', project: '/home/dev/app/web', startedAtMs: SESSION_START + 10 * 60_000 },
    ];
    expect(findLeftovers([row({ cwd: '/home/dev/app/web/src' })], sessions, NOW, 1).map((l) => l.session.id)).toEqual(['inner-new']);
    expect(findLeftovers([row({ cwd: '/home/dev/app/api' })], sessions, NOW, 1).map((l) => l.session.id)).toEqual(['outer']);
  });

  it('never lists the process asking', () => {
    expect(findLeftovers([row({ pid: 5000 })], [session], NOW, 5000)).toEqual([]);
  });
});
