/** Runs the built `headroom` (dist/cli/headroom.js, built by vitest's global setup) with an argument array. */
import { spawnSync } from 'node:child_process';
import { CLI, ensureBuilt } from '../support/cli';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliRun {
  ensureBuilt();
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
