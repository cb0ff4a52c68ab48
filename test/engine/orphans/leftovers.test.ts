/**
 * Leftover processes for real: a shell started in a temporary project starts a "dev server" (a copy of
 * /bin/sleep) in the background and exits, so the server is reparented — a real orphan. It must be
 * found from /proc with the session it belongs to, ended by exact pid, and processes that are not
 * leftovers (a child whose parent runs, an orphan elsewhere) must not be listed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { endLeftover, scanLeftovers } from '../../../electron/engine/orphans/leftovers';
import { isRunning } from '../../../electron/engine/termination/identity';
import { tempDir } from '../../support/paths';
import { claudeContext, makeSession } from '../policies/make-session';
import { fakeBinary, start, stopAll } from '../processes/fake-agent';

const root = tempDir();
afterAll(() => root.cleanup());
const orphans: number[] = [];
afterEach(async () => {
  await stopAll();
  for (const pid of orphans.splice(0)) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
});
let count = 0;

function folder(name: string): string {
  const path = join(root.path, `${(count += 1)}-${name}`);
  mkdirSync(path, { recursive: true });
  return realpathSync(path);
}

/** Starts `program 600` in the background from a shell that then exits: the program is orphaned. */
function startOrphan(program: string, cwd: string): number {
  const result = spawnSync('/bin/sh', ['-c', `"$0" 600 >/dev/null 2>&1 & echo $!`, program], { cwd, encoding: 'utf8' });
  const pid = Number(result.stdout.trim());
  orphans.push(pid);
  return pid;
}

function endedSession(id: string, project: string, startedAt: number) {
  return makeSession({ id, project, status: 'ended', pid: null, startedAt: new Date(startedAt).toISOString(), lastActivityAt: new Date(startedAt + 1000).toISOString(), context: claudeContext(10_000) });
}

describe.runIf(process.platform === 'linux')('leftover processes', () => {
  it('finds a dev server orphaned in an ended session\'s project, and ends exactly it', async () => {
    const project = folder('project');
    const sessionStart = Date.now() - 60_000;
    const server = startOrphan(fakeBinary(folder('bin'), 'dev-server'), project);
    const elsewhere = startOrphan(fakeBinary(folder('bin'), 'dev-server'), folder('elsewhere'));
    const attached = await start(fakeBinary(folder('bin'), 'watcher'), ['600'], { cwd: project });

    const found = await scanLeftovers([endedSession('sess-ended', project, sessionStart)], Date.now());
    expect(found.map((l) => l.pid)).toEqual([server]);
    expect(found[0]).toMatchObject({ cwd: project, command: expect.stringMatching(/dev-server 600$/), session: { agent: 'claude-code', id: 'sess-ended', project } });
    expect(found[0]!.rssBytes).toBeGreaterThan(0);
    expect(found[0]!.ageMs).toBeGreaterThanOrEqual(0);

    expect(await endLeftover(found[0]!, { graceMs: 5000 })).toMatchObject({ kind: 'ended', signal: 'SIGTERM' });
    expect(isRunning(server)).toBe(false);
    expect(isRunning(elsewhere)).toBe(true);
    expect(isRunning(attached.pid)).toBe(true);
  });

  it('lists nothing while the session\'s agent still runs, or for a process older than the session', async () => {
    const project = folder('project');
    const early = startOrphan(fakeBinary(folder('bin'), 'dev-server'), project);
    const startedLater = Date.now() + 5_000;
    expect(await scanLeftovers([endedSession('sess-later', project, startedLater)], Date.now())).toEqual([]);
    const live = { ...endedSession('sess-live', project, Date.now() - 60_000), status: 'running' as const, pid: process.pid };
    expect(await scanLeftovers([live], Date.now())).toEqual([]);
    expect(isRunning(early)).toBe(true);
  });

  it('re-checks the process before signalling: a pid that now runs something else is refused', async () => {
    const project = folder('project');
    const server = startOrphan(fakeBinary(folder('bin'), 'dev-server'), project);
    const [found] = await scanLeftovers([endedSession('sess-reuse', project, Date.now() - 60_000)], Date.now());
    const changed = { ...found!, row: { ...found!.row, identity: { ...found!.row.identity, startKey: '1' } } };
    expect(await endLeftover(changed, { graceMs: 100 })).toMatchObject({ kind: 'refused' });
    expect(isRunning(server)).toBe(true);
  });
});
