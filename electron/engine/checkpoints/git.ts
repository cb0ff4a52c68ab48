/**
 * Runs git as a child process with an argument array (never a shell string) in a clean environment:
 * variables a surrounding git hook may have set (GIT_DIR, GIT_INDEX_FILE...) are dropped so they
 * cannot redirect us to another repository or index, optional locks are off so read commands never
 * rewrite an index, and messages are in English so they can be matched.
 */
import { spawn } from 'node:child_process';

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface GitRunOptions {
  cwd: string;
  env?: Record<string, string>;
  input?: string;
}

const INHERITED_GIT_VARS = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'];

/** Snapshot commits are made by Headroom; a fixed identity means they never fail for a missing user.email. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Headroom',
  GIT_AUTHOR_EMAIL: 'headroom@localhost',
  GIT_COMMITTER_NAME: 'Headroom',
  GIT_COMMITTER_EMAIL: 'headroom@localhost',
};

export function runGit(args: readonly string[], options: GitRunOptions): Promise<GitResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARS) delete env[name];
  Object.assign(env, IDENTITY, { GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, options.env);
  return new Promise((resolve, reject) => {
    const stdin = options.input === undefined ? 'ignore' : 'pipe';
    const child = spawn('git', ['-c', 'commit.gpgSign=false', ...args], { cwd: options.cwd, env, stdio: [stdin, 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (child.stdin) {
      // git may exit before reading all of its input (an error); that is reported through its exit code.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** Like `runGit`, but a non-zero exit is an error carrying git's own message. */
export async function git(args: readonly string[], options: GitRunOptions): Promise<string> {
  const result = await runGit(args, options);
  if (result.code !== 0) throw new Error(`git ${args[0] ?? ''} failed: ${result.stderr.trim() || `exit ${result.code}`}`);
  return result.stdout;
}
