/**
 * kill -9 in the middle of a checkpoint: after the git snapshot, after both files are staged, and
 * between publishing the markdown and the JSON. Each time: no checkpoint is visible (no JSON, history
 * empty), and the next checkpoint takes over the dead writer's lock at once and cleans up after it.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { CheckpointCoordinator } from '../../../electron/engine/checkpoints/coordinator';
import { readHolder } from '../../../electron/engine/checkpoints/lock';
import { makeSession } from '../policies/make-session';
import { makeRepo, repoState, write } from './git-fixture';
import { bundleWorker, Worker } from './worker-process';

let script = '';
beforeAll(async () => {
  script = await bundleWorker();
}, 60_000);

describe('a writer killed mid-checkpoint', () => {
  it.each(['git-done', 'staged', 'markdown-published'] as const)('at %s leaves no half checkpoint and no lock that blocks', async (step) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'headroom-crash-'));
    const repo = makeRepo();
    write(repo, 'README.md', 'work in progress\n');
    const before = repoState(repo);
    const session = makeSession({ id: `crash-${step}`, project: repo, lastActivityAt: new Date().toISOString() });
    const dir = join(dataDir, 'checkpoints', 'claude-code', session.id);

    const worker = new Worker(script, dataDir);
    expect(await worker.next()).toBe('ready');
    worker.send({ session, stopAt: step });
    expect(JSON.parse(await worker.next())).toEqual({ stopped: step });
    const victim = worker.child.pid;
    worker.child.kill('SIGKILL');
    await worker.exited();

    expect(readHolder(join(dir, '.lock'))).toMatchObject({ pid: victim });
    const left = readdirSync(dir).filter((name) => !name.startsWith('.lock'));
    expect(left.filter((name) => name.endsWith('.json'))).toEqual([]);
    // What the dead writer left, by step: nothing; two complete temporary files; a markdown without its JSON.
    const expectedLeft = { 'git-done': [], staged: ['.json.tmp-', '.md.tmp-'], 'markdown-published': ['.json.tmp-', '.md'] }[step];
    expect(left.map((name) => name.replace(/^[0-9TZ-]+/, '').replace(/-\d+-[0-9a-f]+$/, '-')).sort()).toEqual(expectedLeft);
    const coordinator = new CheckpointCoordinator({ dataDir, settings: () => DEFAULT_SETTINGS });
    expect(coordinator.history(session.id).checkpoints).toEqual([]);
    expect(repoState(repo)).toEqual(before);

    const result = await coordinator.checkpoint(session);
    expect(result.ok).toBe(true);
    const names = readdirSync(dir).sort();
    expect(names).toHaveLength(2);
    const stamp = names[0]?.replace(/\.json$/, '');
    expect(names).toEqual([`${stamp}.json`, `${stamp}.md`]);
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    expect(coordinator.history(session.id).checkpoints).toHaveLength(1);
  }, 30_000);
});
