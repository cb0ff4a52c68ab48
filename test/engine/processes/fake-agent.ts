/**
 * Real processes that look like agents: a copy of /bin/sleep (or /bin/sh) under an agent's name,
 * started in a chosen folder. Tests kill only the children they started, by pid.
 */
import { type ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Started {
  child: ChildProcess;
  pid: number;
  exited: Promise<void>;
}

const running = new Set<ChildProcess>();

/** Copies `from` to `<dir>/<name>` as an executable; the kernel then reports the process under that name. */
export function fakeBinary(dir: string, name: string, from = '/bin/sleep'): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  copyFileSync(from, path);
  chmodSync(path, 0o755);
  return path;
}

/** Starts a process and resolves once it runs its own program (libuv reports `spawn` after exec). */
export async function start(command: string, args: string[], options: { cwd: string; stdio?: StdioOptions }): Promise<Started> {
  const child = spawn(command, args, { cwd: options.cwd, stdio: options.stdio ?? 'ignore' });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });
  return { child, pid: child.pid!, exited };
}

export async function stop(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  await started.exited;
}

/** Stops every child a test left running. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(async (child) => {
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
  }));
}

/** Polls a condition that a child process brings about on its own schedule (e.g. a grandchild starting). */
export async function eventually<T>(probe: () => T | null | undefined | Promise<T | null | undefined>, what: string, limitMs = 10_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
