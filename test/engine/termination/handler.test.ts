/**
 * The termination handler end to end on real files and real processes: requests recorded the way the
 * CLI, MCP and hooks record them; checkpoints written by the real coordinator; a fake agent (a copy of
 * /bin/sleep named `claude`) that is ended — or, when anything does not match, left alone. Time is
 * injected: retries are driven by moving `now`, never by waiting.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/session';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/settings';
import { CheckpointCoordinator } from '../../../electron/engine/checkpoints/coordinator';
import { acquireLock } from '../../../electron/engine/checkpoints/lock';
import { lockPath, sessionCheckpointDir } from '../../../electron/engine/checkpoints/paths';
import { requestTermination } from '../../../electron/engine/termination/for-session';
import { TerminationHandler } from '../../../electron/engine/termination/handler';
import { isRunning, readIdentity } from '../../../electron/engine/termination/identity';
import { listRequests } from '../../../electron/engine/termination/store';
import { tempDir } from '../../support/paths';
import { claudeContext, makeSession } from '../policies/make-session';
import { fakeBinary, start, stopAll } from '../processes/fake-agent';

const root = tempDir();
afterAll(() => root.cleanup());
afterEach(stopAll);
let count = 0;
const T0 = Date.parse('2026-11-21T12:00:00.000Z');

function setup(termination: Partial<Settings['termination']> = {}) {
  const base = join(root.path, String((count += 1)));
  const project = join(base, 'project');
  mkdirSync(project, { recursive: true });
  const dataDir = join(base, 'data');
  const settings: Settings = { ...DEFAULT_SETTINGS, termination: { ...DEFAULT_SETTINGS.termination, ...termination } };
  let now = T0;
  const clock = { now: () => now, set: (at: number) => void (now = at) };
  const notices: string[] = [];
  const sessions = new Map<string, Session>();
  const coordinator = new CheckpointCoordinator({ dataDir, settings: () => settings, now: clock.now });
  const handler = new TerminationHandler({
    dataDir,
    settings: () => settings,
    findSession: (agent, id) => sessions.get(`${agent}:${id}`) ?? null,
    checkpoint: (session, request) => coordinator.checkpoint(session, request),
    notify: (session, detail) => notices.push(`${session.id}: ${detail}`),
    now: clock.now,
  });
  return { base, project, dataDir, settings, clock, notices, sessions, handler };
}

function session(id: string, project: string, pid: number | null): Session {
  return makeSession({ id, project, pid, status: pid ? 'running' : 'idle', startedAt: '2026-11-21T11:00:00.000Z', lastActivityAt: '2026-11-21T11:59:00.000Z', context: claudeContext(185_000) });
}

const checkpoints = (dataDir: string, id: string) => readdirSync(sessionCheckpointDir(dataDir, 'claude-code', id)).filter((name) => name.endsWith('.md'));

describe.runIf(process.platform === 'linux')('TerminationHandler', () => {
  it('graceful: checkpoint first, then a notice with the continuation command; the agent keeps running', async () => {
    const s = setup({ allowSignals: true });
    const agent = await start(fakeBinary(join(s.base, 'bin'), 'claude'), ['600'], { cwd: s.project });
    const target = session('sess-graceful', s.project, agent.pid);
    s.sessions.set('claude-code:sess-graceful', target);
    const request = requestTermination(s.dataDir, target, { reason: 'context at 92%', source: 'cli' }, T0);
    expect(request.target).toEqual(readIdentity(agent.pid));

    const [handled] = await s.handler.runOnce();
    const [markdown] = checkpoints(s.dataDir, 'sess-graceful');
    const markdownPath = join(sessionCheckpointDir(s.dataDir, 'claude-code', 'sess-graceful'), markdown!);
    const resume = `cd ${s.project} && claude --resume sess-graceful`;
    expect(handled!.outcome).toEqual({
      status: 'notified',
      at: '2026-11-21T12:00:00.000Z',
      detail: 'checkpoint written and the user notified.',
      attempts: 1,
      checkpoint: { markdownPath, resumeCommand: resume },
      continuationCommand: resume,
      signal: null,
    });
    expect(s.notices).toEqual([`sess-graceful: Stop requested: context at 92%. Checkpoint saved: ${markdownPath}. Continue with: ${resume}`]);
    expect(isRunning(agent.pid)).toBe(true);
    expect(await s.handler.runOnce()).toEqual([]);
    expect(listRequests(s.dataDir).requests[0]!.outcome!.status).toBe('notified');
  });

  it('immediate with signals allowed: checkpoint, notice, then SIGTERM to exactly the recorded process', async () => {
    const s = setup({ allowSignals: true, graceSeconds: 5 });
    const agent = await start(fakeBinary(join(s.base, 'bin'), 'claude'), ['600'], { cwd: s.project });
    const bystander = await start(fakeBinary(join(s.base, 'bin2'), 'claude'), ['600'], { cwd: s.project });
    const target = session('sess-now', s.project, agent.pid);
    s.sessions.set('claude-code:sess-now', target);
    requestTermination(s.dataDir, target, { reason: 'user asked', continuationCommand: 'claude --resume sess-now', priority: 'immediate', source: 'mcp' }, T0);

    const [handled] = await s.handler.runOnce();
    expect(handled!.outcome).toMatchObject({ status: 'terminated', signal: 'SIGTERM', continuationCommand: 'claude --resume sess-now' });
    expect(handled!.outcome!.detail).toMatch(new RegExp(`^process ${agent.pid} ended by SIGTERM after \\d+ ms$`));
    await agent.exited;
    expect(agent.child.signalCode).toBe('SIGTERM');
    expect(checkpoints(s.dataDir, 'sess-now')).toHaveLength(1);
    expect(s.notices[0]).toMatch(/Continue with: claude --resume sess-now The agent process is being ended\.$/);
    expect(isRunning(bystander.pid)).toBe(true);
  });

  it('immediate with signals off (the default): checkpoint and notice only, and the outcome says why', async () => {
    const s = setup();
    const agent = await start(fakeBinary(join(s.base, 'bin'), 'claude'), ['600'], { cwd: s.project });
    const target = session('sess-off', s.project, agent.pid);
    s.sessions.set('claude-code:sess-off', target);
    requestTermination(s.dataDir, target, { reason: 'r', priority: 'immediate', source: 'cli' }, T0);
    const [handled] = await s.handler.runOnce();
    expect(handled!.outcome).toMatchObject({ status: 'notified', detail: 'checkpoint written and the user notified. Signals are off (settings: termination.allowSignals), so the agent was left running.', signal: null });
    expect(isRunning(agent.pid)).toBe(true);
  });

  it('refuses for good when the recorded process identity no longer matches (pid reused)', async () => {
    const s = setup({ allowSignals: true });
    const agent = await start(fakeBinary(join(s.base, 'bin'), 'claude'), ['600'], { cwd: s.project });
    const target = session('sess-reused', s.project, agent.pid);
    s.sessions.set('claude-code:sess-reused', target);
    const actual = readIdentity(agent.pid)!;
    const stale = { ...actual, startKey: String(Number(actual.startKey) - 1000) };
    requestTermination(s.dataDir, target, { reason: 'r', priority: 'immediate', source: 'cli' }, T0, () => stale);
    const [handled] = await s.handler.runOnce();
    expect(handled!.outcome).toMatchObject({ status: 'refused', detail: `process ${agent.pid} started at ${actual.startKey}, not at the recorded ${stale.startKey}: the pid was reused by another program`, signal: null });
    expect(isRunning(agent.pid)).toBe(true);
    expect(checkpoints(s.dataDir, 'sess-reused')).toHaveLength(1);
  });

  it('retries with backoff while the session is unknown, then closes the request as not found', async () => {
    const s = setup();
    const missing = session('sess-missing', s.project, null);
    requestTermination(s.dataDir, missing, { reason: 'r', source: 'cli' }, T0);
    const attemptsAt: number[] = [];
    // Due at T0, then 2 s, 4 s, 8 s, 16 s after each failure; polled every second.
    for (let at = T0; at <= T0 + 40_000; at += 1000) {
      s.clock.set(at);
      const handled = await s.handler.runOnce();
      if (handled.length > 0) attemptsAt.push(at - T0);
    }
    expect(attemptsAt).toEqual([0, 2000, 6000, 14_000, 30_000]);
    const [stored] = listRequests(s.dataDir).requests;
    expect(stored!.outcome).toMatchObject({ status: 'not-found', attempts: 5, detail: 'no claude-code session sess-missing is being monitored' });
    expect(s.notices).toEqual([]);
  });

  it('waits for a checkpoint held by someone else, then writes exactly one', async () => {
    const s = setup();
    const target = session('sess-locked', s.project, null);
    s.sessions.set('claude-code:sess-locked', target);
    requestTermination(s.dataDir, target, { reason: 'r', source: 'hook' }, T0);
    const held = acquireLock(lockPath(sessionCheckpointDir(s.dataDir, 'claude-code', 'sess-locked')));
    expect(held.ok).toBe(true);
    const [first] = await s.handler.runOnce();
    expect(first!.outcome).toBeNull();
    expect(first!.retryError).toMatch(/^checkpoint not written \(locked\): another checkpoint of this session is being written/);
    if (held.ok) held.release();
    s.clock.set(T0 + 2000);
    const [second] = await s.handler.runOnce();
    expect(second!.outcome).toMatchObject({ status: 'notified', attempts: 2 });
    expect(checkpoints(s.dataDir, 'sess-locked')).toHaveLength(1);
  });

  it('two handlers at once: one handles the request, the other leaves it', async () => {
    const s = setup();
    const target = session('sess-race', s.project, null);
    s.sessions.set('claude-code:sess-race', target);
    requestTermination(s.dataDir, target, { reason: 'r', source: 'cli' }, T0);
    const other = new TerminationHandler({
      dataDir: s.dataDir,
      settings: () => s.settings,
      findSession: (agent, id) => s.sessions.get(`${agent}:${id}`) ?? null,
      checkpoint: (sess, request) => new CheckpointCoordinator({ dataDir: s.dataDir, settings: () => s.settings, now: s.clock.now }).checkpoint(sess, request),
      notify: (sess, detail) => s.notices.push(`${sess.id}: ${detail}`),
      now: s.clock.now,
    });
    const results = (await Promise.all([s.handler.runOnce(), other.runOnce()])).flat();
    expect(results).toHaveLength(1);
    expect(checkpoints(s.dataDir, 'sess-race')).toHaveLength(1);
    expect(s.notices).toHaveLength(1);
  });

  it('never acts on a request file that does not validate', async () => {
    const s = setup({ allowSignals: true });
    const agent = await start(fakeBinary(join(s.base, 'bin'), 'claude'), ['600'], { cwd: s.project });
    s.sessions.set('claude-code:sess-bad', session('sess-bad', s.project, agent.pid));
    const dir = join(s.dataDir, 'termination', 'claude-code', 'sess-bad');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ kind: 'headroom-termination-request', sessionId: 'sess-bad', agent: 'claude-code', priority: 'immediate', target: { pid: agent.pid } }));
    expect(await s.handler.runOnce()).toEqual([]);
    const listing = listRequests(s.dataDir);
    expect(listing.requests).toEqual([]);
    expect(listing.problems).toHaveLength(1);
    expect(listing.problems[0]).toMatch(/forged\.json: version: .*/);
    expect(isRunning(agent.pid)).toBe(true);
  });
});
