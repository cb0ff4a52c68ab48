/**
 * A project's git repository as a checkpoint sees it: read-only towards the user's state.
 *
 * Guarantees: every command runs against a private copy of the user's index (GIT_INDEX_FILE in a
 * temporary folder), so even commands that refresh an index (status, diff, stash create) write only
 * the copy. The user's index, working tree, HEAD and branches are never written; only new objects
 * and refs under refs/headroom/ are added (by the snapshot).
 */
import { copyFile, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { git, runGit } from './git';

export interface GitRepo {
  /** The working tree's top folder. */
  top: string;
  /** The current commit, or null in a repository without commits. */
  head: string | null;
  /** The branch name, or null when HEAD is detached. */
  branch: string | null;
  /** Environment that points git at the private index copy. */
  env: Record<string, string>;
  /** A scratch folder for extra temporary indexes; removed by `close`. */
  scratch: string;
  close(): Promise<void>;
}

/** Opens the repository containing `dir`; null when `dir` is not inside a git working tree. */
export async function openRepo(dir: string): Promise<GitRepo | null> {
  const inside = await runGit(['rev-parse', '--show-toplevel'], { cwd: dir }).catch(() => null);
  if (!inside || inside.code !== 0) return null;
  const top = inside.stdout.trim();
  const indexPath = resolve(top, (await git(['rev-parse', '--git-path', 'index'], { cwd: top })).trim());
  const scratch = await mkdtemp(join(tmpdir(), 'headroom-git-'));
  const privateIndex = join(scratch, 'index');
  try {
    await copyFile(indexPath, privateIndex);
    // Keep the index's own time: git detects "racily clean" entries (a file changed in the same second
    // it was staged, same size) by comparing against it; a fresh copy time would hide such changes.
    const { atime, mtime } = await stat(indexPath);
    await utimes(privateIndex, atime, mtime);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // a fresh repo has no index yet
  }
  const headResult = await runGit(['rev-parse', '--verify', '-q', 'HEAD^{commit}'], { cwd: top });
  const branchResult = await runGit(['symbolic-ref', '--short', '-q', 'HEAD'], { cwd: top });
  return {
    top,
    head: headResult.code === 0 ? headResult.stdout.trim() : null,
    branch: branchResult.code === 0 ? branchResult.stdout.trim() : null,
    env: { GIT_INDEX_FILE: privateIndex },
    scratch,
    close: () => rm(scratch, { recursive: true, force: true }),
  };
}

export interface GitSummary {
  /** Branch name, `(detached at abc1234)`, or `(no commits yet on main)`. */
  branch: string;
  head: string | null;
  statusPorcelain: string;
  diffStat: string;
}

/** Branch, `git status --porcelain` and the diff stat against HEAD, for the handoff. */
export async function summarize(repo: GitRepo): Promise<GitSummary> {
  const opts = { cwd: repo.top, env: repo.env };
  const statusPorcelain = await git(['status', '--porcelain=v1', '--untracked-files=all'], opts);
  const diffStat = await git(repo.head ? ['diff', '--stat', 'HEAD'] : ['diff', '--stat', '--cached'], opts);
  return { branch: branchLabel(repo), head: repo.head, statusPorcelain, diffStat };
}

function branchLabel(repo: GitRepo): string {
  if (repo.branch && repo.head) return repo.branch;
  if (repo.head) return `(detached at ${repo.head.slice(0, 7)})`;
  return `(no commits yet on ${repo.branch ?? 'an unnamed branch'})`;
}
