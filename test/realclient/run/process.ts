/**
 * Runs one real client process the way the scenarios need it: an argument array (never a shell
 * string), a clean environment built from scratch, stdin closed (Codex otherwise waits for more input),
 * a hard time limit that kills the whole process group, and — when available — its own network namespace.
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { isolate, type Forward } from './isolation';

export interface RunOptions {
  command: string;
  args: string[];
  cwd: string;
  /** The complete environment: nothing is inherited from the test process. */
  env: Record<string, string>;
  timeoutMs: number;
  /** Fake servers the client must reach; with a network namespace these are the only reachable ports. */
  forwards: Forward[];
}

export interface RunResult {
  command: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  isolated: boolean;
}

/** PATH for the clients: this Node first (Gemini CLI is a Node script), then the system directories. */
export const CLIENT_PATH = [dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':');

export function runProcess(options: RunOptions): Promise<RunResult> {
  const wrapped = isolate(options.command, options.args, options.forwards);
  const command = wrapped?.command ?? options.command;
  const args = wrapped?.args ?? options.args;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    const finish = (exitCode: number | null, error?: Error): void => {
      clearTimeout(timer);
      resolve({
        command: [options.command, ...options.args].join(' '),
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8') + (error === undefined ? '' : `\n${error.message}`),
        durationMs: Date.now() - started,
        timedOut,
        isolated: wrapped !== null,
      });
    };
    child.once('error', (error) => finish(null, error));
    child.once('close', (code) => finish(code));
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** A readable account of a failed run, for assertion messages. */
export function describeRun(result: RunResult): string {
  const status = result.timedOut ? 'timed out' : `exit ${String(result.exitCode)}`;
  return `${result.command} → ${status} after ${result.durationMs} ms\n--- stdout\n${result.stdout.slice(-3000)}\n--- stderr\n${result.stderr.slice(-3000)}`;
}
