import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRepo, summarize, type GitRepo } from '../../../electron/engine/checkpoints/git-repo';
import { snapshotUncommittedWork } from '../../../electron/engine/checkpoints/git-snapshot';
import { emptyRepo, makeRepo, repoState, sh, write } from './git-fixture';

const open: GitRepo[] = [];
async function openOrFail(dir: string): Promise<GitRepo> {
  const repo = await openRepo(dir);
  if (!repo) throw new Error(`${dir} is not a repository`);
  open.push(repo);
  return repo;
}
afterEach(async () => {
  for (const repo of open.splice(0)) await repo.close();
});

/** Runs a restore command exactly as printed, the way a user pastes it into a POSIX shell. */
function runPrinted(command: string): void {
  execFileSync('sh', ['-c', command], { stdio: 'pipe' });
}

/** Throws away every uncommitted change (tracked, staged, untracked; ignored files stay). */
function loseWork(dir: string): void {
  sh(dir, 'reset', '-q', '--hard');
  sh(dir, 'clean', '-q', '-fd');
}

describe('snapshotUncommittedWork', () => {
  it('snapshots tracked, staged and untracked work without changing tree, index or branch, and restores it', async () => {
    const dir = makeRepo({ 'README.md': 'hello\n', 'src/app.ts': 'export const a = 1;\n', '.gitignore': 'build/\n' });
    write(dir, 'README.md', 'hello, edited\n'); // dirty tracked, unstaged
    write(dir, 'src/app.ts', 'export const a = 2;\n');
    sh(dir, 'add', 'src/app.ts'); // staged
    write(dir, 'src/app.ts', 'export const a = 3;\n'); // and changed again after staging
    write(dir, 'notes/todo.txt', 'untracked\n');
    write(dir, 'build/out.js', 'ignored\n');
    const before = repoState(dir);

    const repo = await openOrFail(dir);
    const snapshot = await snapshotUncommittedWork(repo, 'sess-1');
    expect(repoState(dir)).toEqual(before);
    expect(existsSync(join(dir, '.git', 'index.lock'))).toBe(false);

    expect(snapshot).toMatchObject({ ref: 'refs/headroom/checkpoints/sess-1/1', untrackedFiles: 1 });
    expect(sh(dir, 'rev-parse', 'refs/headroom/checkpoints/sess-1/1').trim()).toBe(snapshot?.commit);
    // Stash shape: HEAD, index and untracked parents; the untracked commit holds only the untracked file.
    const parents = sh(dir, 'rev-list', '--parents', '-n', '1', snapshot?.commit ?? '').trim().split(' ');
    expect(parents).toHaveLength(4);
    expect(sh(dir, 'ls-tree', '-r', '--name-only', `${snapshot?.commit}^3`).trim()).toBe('notes/todo.txt');
    expect(sh(dir, 'show', `${snapshot?.commit}^2:src/app.ts`)).toBe('export const a = 2;\n');

    loseWork(dir);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('hello\n');
    runPrinted(snapshot?.restoreCommand ?? '');
    const restored = repoState(dir);
    expect(restored.files).toEqual(before.files);
    expect(restored.status).toBe(before.status);
    expect(sh(dir, 'diff', '--cached', '--name-status')).toBe('M\tsrc/app.ts\n');
  });

  it('catches a same-size edit that only git\'s racy-clean check can see', async () => {
    // The staged entry and the edited file share size and mtime (set to 2020-01-01 with `touch`), and
    // the index was last written in that same second: git can only tell the file changed because
    // file mtime ≥ index mtime ("racily clean"), so the index copy must keep the index's own mtime.
    const past = '@1577836800';
    const dir = emptyRepo();
    write(dir, 'v.ts', 'export const v = 1;\n');
    execFileSync('touch', ['-d', past, join(dir, 'v.ts')]);
    sh(dir, 'add', 'v.ts');
    sh(dir, 'commit', '-q', '-m', 'initial');
    write(dir, 'v.ts', 'export const v = 2;\n');
    execFileSync('touch', ['-d', past, join(dir, 'v.ts'), join(dir, '.git', 'index')]);
    const snapshot = await snapshotUncommittedWork(await openOrFail(dir), 'racy');
    expect(snapshot).not.toBeNull();
    expect(sh(dir, 'show', `${snapshot?.commit}:v.ts`)).toBe('export const v = 2;\n');
  });

  it('snapshots untracked-only changes', async () => {
    const dir = makeRepo();
    write(dir, 'new file.txt', 'fresh\n');
    const before = repoState(dir);
    const snapshot = await snapshotUncommittedWork(await openOrFail(dir), 'only-untracked');
    expect(repoState(dir)).toEqual(before);
    expect(snapshot?.untrackedFiles).toBe(1);
    loseWork(dir);
    runPrinted(snapshot?.restoreCommand ?? '');
    expect(repoState(dir).files).toEqual(before.files);
  });

  it('handles a repository without commits', async () => {
    const dir = emptyRepo();
    write(dir, 'a.txt', 'staged\n');
    sh(dir, 'add', 'a.txt');
    write(dir, 'a.txt', 'staged then edited\n');
    write(dir, 'b.txt', 'untracked\n');
    const before = repoState(dir);
    const repo = await openOrFail(dir);
    expect(await summarize(repo)).toMatchObject({ branch: '(no commits yet on main)', head: null });
    const snapshot = await snapshotUncommittedWork(repo, 'unborn');
    expect(repoState(dir)).toEqual(before);
    expect(snapshot?.restoreCommand).toBe(`git -C ${dir} restore --source=refs/headroom/checkpoints/unborn/1 --worktree -- .`);
    rmSync(join(dir, 'a.txt'));
    rmSync(join(dir, 'b.txt'));
    runPrinted(snapshot?.restoreCommand ?? '');
    expect(repoState(dir).files).toEqual(before.files);
  });

  it('handles a detached HEAD and a fresh repo with no index file', async () => {
    const dir = makeRepo();
    sh(dir, 'commit', '-q', '--allow-empty', '-m', 'second');
    sh(dir, 'checkout', '-q', '--detach', 'HEAD~1');
    write(dir, 'src/app.ts', 'detached edit\n');
    const before = repoState(dir);
    const repo = await openOrFail(dir);
    expect((await summarize(repo)).branch).toMatch(/^\(detached at [0-9a-f]{7}\)$/);
    const snapshot = await snapshotUncommittedWork(repo, 'detached');
    expect(repoState(dir)).toEqual(before);
    loseWork(dir);
    runPrinted(snapshot?.restoreCommand ?? '');
    expect(repoState(dir).files).toEqual(before.files);

    const fresh = emptyRepo();
    write(fresh, 'only.txt', 'x\n');
    expect(repoState(fresh).index).toBeNull();
    const freshSnapshot = await snapshotUncommittedWork(await openOrFail(fresh), 'fresh');
    expect(repoState(fresh).index).toBeNull();
    expect(freshSnapshot?.ref).toBe('refs/headroom/checkpoints/fresh/1');
  });

  it('numbers successive snapshots, returns null for a clean tree, and null outside a repository', async () => {
    const dir = makeRepo();
    expect(await snapshotUncommittedWork(await openOrFail(dir), 'clean')).toBeNull();
    write(dir, 'README.md', 'one\n');
    expect((await snapshotUncommittedWork(await openOrFail(dir), 'odd/id:1'))?.ref).toBe('refs/headroom/checkpoints/odd_id_1/1');
    write(dir, 'README.md', 'two\n');
    expect((await snapshotUncommittedWork(await openOrFail(dir), 'odd/id:1'))?.ref).toBe('refs/headroom/checkpoints/odd_id_1/2');
    expect(await openRepo(mkdtempSync(join(tmpdir(), 'headroom-norepo-')))).toBeNull();
  });

  it('summarizes branch, porcelain status and diff stat', async () => {
    const dir = makeRepo();
    write(dir, 'README.md', 'hello\nmore\n');
    write(dir, 'x.txt', 'new\n');
    const summary = await summarize(await openOrFail(dir));
    expect(summary.branch).toBe('main');
    expect(summary.statusPorcelain).toBe(' M README.md\n?? x.txt\n');
    expect(summary.diffStat).toBe(' README.md | 1 +\n 1 file changed, 1 insertion(+)\n');
  });
});
