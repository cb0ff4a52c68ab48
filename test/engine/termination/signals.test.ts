/**
 * Ending an agent process for real: children of this test, named like agents (a copy of /bin/sleep or
 * /bin/sh called `claude`), in temporary folders. Each test signals only the pid it started, and checks
 * from /proc what actually happened to it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isRunning, readIdentity } from '../../../electron/engine/termination/identity';
import { endProcess } from '../../../electron/engine/termination/signals';
import { tempDir } from '../../support/paths';
import { fakeBinary, start, stopAll } from '../processes/fake-agent';

const root = tempDir();
afterAll(() => root.cleanup());
afterEach(stopAll);
let folders = 0;

function folder(name: string): string {
  const path = join(root.path, `${(folders += 1)}-${name}`);
  mkdirSync(path, { recursive: true });
  return path;
}

const linux = process.platform === 'linux';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe.runIf(linux)('endProcess', () => {
  it('ends a verified agent process with SIGTERM', async () => {
    const agent = await start(fakeBinary(folder('bin'), 'claude'), ['600'], { cwd: folder('project') });
    const identity = readIdentity(agent.pid)!;
    expect(identity).toEqual({ pid: agent.pid, uid: process.getuid!(), startKey: expect.stringMatching(/^\d+$/) });

    const result = await endProcess(identity, { graceMs: 10_000 });
    expect(result).toMatchObject({ kind: 'ended', signal: 'SIGTERM' });
    await agent.exited;
    expect(agent.child.signalCode).toBe('SIGTERM');
  });

  it('sends SIGKILL after the grace period to a process that ignores SIGTERM', async () => {
    // sh ignoring TERM, blocked reading a pipe this test keeps open; it says when the trap is set.
    const agent = await start(fakeBinary(folder('bin'), 'claude', '/bin/sh'), ['-c', "trap '' TERM; echo ready; read line"], { cwd: folder('project'), stdio: ['pipe', 'pipe', 'ignore'] });
    await new Promise((resolve) => agent.child.stdout!.once('data', resolve));
    const identity = readIdentity(agent.pid)!;
    const result = await endProcess(identity, { graceMs: 300 });
    expect(result).toMatchObject({ kind: 'ended', signal: 'SIGKILL' });
    expect(result.kind === 'ended' && result.waitedMs).toBeGreaterThanOrEqual(300);
    await agent.exited;
    expect(agent.child.signalCode).toBe('SIGKILL');
  });

  it('refuses a pid whose start time differs from the recorded one, and leaves the process running', async () => {
    const agent = await start(fakeBinary(folder('bin'), 'claude'), ['600'], { cwd: folder('project') });
    const actual = readIdentity(agent.pid)!;
    const recorded = { ...actual, startKey: String(Number(actual.startKey) - 250) };
    const result = await endProcess(recorded, { graceMs: 100 });
    expect(result).toEqual({
      kind: 'refused',
      reason: `process ${agent.pid} started at ${actual.startKey}, not at the recorded ${recorded.startKey}: the pid was reused by another program`,
    });
    expect(isRunning(agent.pid)).toBe(true);
  });

  it.runIf(isRoot)("refuses another user's process even when asked by root, and leaves it running", async () => {
    // An agent-named program run as "nobody", who must be able to reach it through the temp folders.
    chmodSync(root.path, 0o755);
    const binDir = folder('bin');
    chmodSync(binDir, 0o755);
    const bin = fakeBinary(binDir, 'claude');
    const other = spawn(bin, ['600'], { uid: 65534, gid: 65534, stdio: 'ignore', cwd: '/' });
    await new Promise((resolve) => other.once('spawn', resolve));
    try {
      const identity = readIdentity(other.pid!)!;
      expect(identity.uid).toBe(65534);
      const result = await endProcess(identity, { graceMs: 100 });
      expect(result).toEqual({ kind: 'refused', reason: `process ${other.pid} belongs to user 65534, not to this user (0)` });
      expect(isRunning(other.pid!)).toBe(true);
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });

  it('reports a process that already exited as already gone, signalling nothing', async () => {
    const agent = await start(fakeBinary(folder('bin'), 'claude'), ['600'], { cwd: folder('project') });
    const identity = readIdentity(agent.pid)!;
    agent.child.kill('SIGKILL');
    await agent.exited;
    expect(await endProcess(identity, { graceMs: 100 })).toEqual({ kind: 'already-gone' });
  });
});
