/**
 * Snapshot of a project's uncommitted work as a stash-shaped commit under
 * `refs/headroom/checkpoints/<sessionId>/<n>`, without touching the user's working tree, index or branch.
 *
 * Shape (what `git stash -u` makes, so `git stash apply --index <ref>` restores it):
 *   W (working tree of tracked files) with parents HEAD, I (the index), and U (untracked files) when any.
 * W and I come from `git stash create` run against a private copy of the index; U is built in a second
 * temporary index from `git ls-files --others --exclude-standard` (ignored files stay out).
 * In a repository without commits there is no HEAD to stash against: the snapshot is then one
 * parentless commit of every tracked and untracked file, restored with `git restore --source`.
 */
import { git, runGit } from './git';
import type { GitRepo } from './git-repo';
import { join } from 'node:path';

export const SNAPSHOT_REF_PREFIX = 'refs/headroom/checkpoints';

export interface GitSnapshot {
  ref: string;
  commit: string;
  /** The exact command that brings the snapshot back into the working tree. */
  restoreCommand: string;
  untrackedFiles: number;
}

/** Snapshots uncommitted work; null when there is none (a clean tree needs no snapshot). */
export async function snapshotUncommittedWork(repo: GitRepo, sessionId: string): Promise<GitSnapshot | null> {
  const opts = { cwd: repo.top, env: repo.env };
  const status = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all'], opts);
  if (status === '') return null;
  const untracked = splitZ(await git(['ls-files', '--others', '--exclude-standard', '-z'], opts));
  const message = `headroom checkpoint of session ${sessionId}`;
  const commit = repo.head ? await stashShaped(repo, repo.head, untracked, message) : await unbornSnapshot(repo, message);
  const ref = await storeRef(repo, sessionId, commit);
  const restoreCommand = repo.head
    ? `git -C ${shellQuote(repo.top)} stash apply --index ${ref}`
    : `git -C ${shellQuote(repo.top)} restore --source=${ref} --worktree -- .`;
  return { ref, commit, restoreCommand, untrackedFiles: untracked.length };
}

async function stashShaped(repo: GitRepo, head: string, untracked: string[], message: string): Promise<string> {
  const opts = { cwd: repo.top, env: repo.env };
  const created = (await git(['stash', 'create', message], opts)).trim();
  let worktreeTree: string;
  let indexCommit: string;
  if (created) {
    if (untracked.length === 0) return created;
    worktreeTree = (await git(['rev-parse', `${created}^{tree}`], opts)).trim();
    indexCommit = (await git(['rev-parse', `${created}^2`], opts)).trim();
  } else {
    // Only untracked files changed: tracked files, index and HEAD are all the same tree.
    worktreeTree = (await git(['rev-parse', `${head}^{tree}`], opts)).trim();
    indexCommit = (await git(['commit-tree', worktreeTree, '-p', head, '-m', `index on ${message}`], opts)).trim();
  }
  const untrackedCommit = await commitUntracked(repo, untracked, message);
  const parents = ['-p', head, '-p', indexCommit, '-p', untrackedCommit];
  return (await git(['commit-tree', worktreeTree, ...parents, '-m', message], opts)).trim();
}

async function commitUntracked(repo: GitRepo, untracked: string[], message: string): Promise<string> {
  const opts = { cwd: repo.top, env: { GIT_INDEX_FILE: join(repo.scratch, 'untracked-index') } };
  await git(['update-index', '--add', '-z', '--stdin'], { ...opts, input: untracked.map((p) => `${p}\0`).join('') });
  const tree = (await git(['write-tree'], opts)).trim();
  return (await git(['commit-tree', tree, '-m', `untracked files on ${message}`], opts)).trim();
}

async function unbornSnapshot(repo: GitRepo, message: string): Promise<string> {
  const opts = { cwd: repo.top, env: repo.env };
  await git(['add', '-A', '--', '.'], opts);
  const tree = (await git(['write-tree'], opts)).trim();
  return (await git(['commit-tree', tree, '-m', message], opts)).trim();
}

/** Stores the commit under the next free number; `update-ref` with an empty old value never overwrites. */
async function storeRef(repo: GitRepo, sessionId: string, commit: string): Promise<string> {
  const base = `${SNAPSHOT_REF_PREFIX}/${refComponent(sessionId)}`;
  const listed = await git(['for-each-ref', '--format=%(refname)', `${base}/`], { cwd: repo.top });
  const taken = splitLines(listed).map((name) => Number(name.slice(base.length + 1))).filter(Number.isInteger);
  let n = taken.length === 0 ? 1 : Math.max(...taken) + 1;
  for (;; n += 1) {
    const ref = `${base}/${n}`;
    const result = await runGit(['update-ref', ref, commit, ''], { cwd: repo.top });
    if (result.code === 0) return ref;
    if (n > taken.length + 1000) throw new Error(`could not store the snapshot ref: ${result.stderr.trim()}`);
  }
}

/** Session ids become one ref path component: anything outside [A-Za-z0-9_-] turns into `_`. */
export function refComponent(sessionId: string): string {
  return sessionId.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** POSIX single-quoting, so a restore command with spaces in the path pastes as is. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function splitZ(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

function splitLines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}
