/**
 * Runs an interactive client in a pseudo-terminal through `pty-drive.py` (Python's standard `pty`
 * module; Node has no pty without a native add-on). The script of steps waits on screen text and on
 * files, never on the clock alone, so a slow machine makes the run slower, not flaky.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, type RunResult } from './process';
import type { Forward } from './isolation';

const DRIVER = fileURLToPath(new URL('./pty-drive.py', import.meta.url));

export type PtyStep =
  | { wait_text: string; timeout?: number; fresh?: boolean }
  | { wait_file: string; match?: string; count?: number; timeout?: number }
  | { send: string };

let python: string | null | undefined;

/** The real Python 3 executable (not a version-manager shim, which needs the user's environment), or null. */
export function ptyPython(): string | null {
  if (python !== undefined) return python;
  const probe = spawnSync('python3', ['-c', 'import pty, sys; print(sys.executable)'], { encoding: 'utf8', timeout: 20_000 });
  python = probe.status === 0 && probe.stdout.trim() !== '' ? probe.stdout.trim() : null;
  return python;
}

export interface PtyRun {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  steps: PtyStep[];
  /** Where the step script and the raw terminal output are written. */
  scratchDir: string;
  timeoutMs: number;
  forwards: Forward[];
}

export async function runInPty(run: PtyRun): Promise<RunResult & { screenLog: string }> {
  const interpreter = ptyPython();
  if (interpreter === null) throw new Error('python3 with the pty module is needed to drive an interactive client');
  const script = join(run.scratchDir, 'pty-steps.json');
  const screenLog = join(run.scratchDir, 'pty-screen.log');
  await writeFile(script, JSON.stringify(run.steps, null, 2));
  const result = await runProcess({
    command: interpreter,
    args: [DRIVER, script, screenLog, '--', run.command, ...run.args],
    cwd: run.cwd,
    env: run.env,
    timeoutMs: run.timeoutMs,
    forwards: run.forwards,
  });
  return { ...result, screenLog };
}
