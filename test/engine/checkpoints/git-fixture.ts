/**
 * Real temporary git repositories for the checkpoint tests, and a byte-level picture of everything a
 * checkpoint must leave alone: every working-tree file, the index file, HEAD and the branch refs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  // Our own reads (status) must not refresh the index either, or they would change what we compare.
  GIT_OPTIONAL_LOCKS: '0',
};

export function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function write(dir: string, path: string, content: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

/** A repository with one commit holding `files`. */
export function makeRepo(files: Record<string, string> = { 'README.md': 'hello\n', 'src/app.ts': 'export const a = 1;\n' }): string {
  const dir = emptyRepo();
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  sh(dir, 'add', '-A');
  sh(dir, 'commit', '-q', '-m', 'initial');
  return dir;
}

export function emptyRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-repo-'));
  sh(dir, 'init', '-q', '-b', 'main');
  return dir;
}

export interface RepoState {
  files: Record<string, string>;
  index: string | null;
  indexMtimeMs: number | null;
  head: string;
  branches: string;
  status: string;
}

/** Everything a checkpoint must not change, read straight from disk. */
export function repoState(dir: string): RepoState {
  const indexPath = join(dir, '.git', 'index');
  let index: string | null = null;
  let indexMtimeMs: number | null = null;
  try {
    index = readFileSync(indexPath).toString('base64');
    indexMtimeMs = statSync(indexPath).mtimeMs;
  } catch {
    // no index file yet (a fresh repository): recorded as null
  }
  return {
    files: readTree(dir),
    index,
    indexMtimeMs,
    head: readFileSync(join(dir, '.git', 'HEAD'), 'utf8'),
    branches: sh(dir, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads'),
    status: sh(dir, 'status', '--porcelain=v1', '--untracked-files=all'),
  };
}

function readTree(root: string, dir = root, out: Record<string, string> = {}): Record<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) readTree(root, full, out);
    else out[relative(root, full)] = readFileSync(full).toString('base64');
  }
  return out;
}
