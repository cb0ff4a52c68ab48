/**
 * The agent process a hook runs under. An agent starts its hook commands itself (usually through a
 * shell), so walking up from the hook's parent finds it: the first ancestor whose executable or script
 * is that agent (processes/agents.ts decides, by the same narrow rules the matcher uses). This is exact
 * — no guessing from working directories — and records the identity signals are later checked against.
 */
import { execFileSync } from 'node:child_process';
import type { Agent } from '../../../shared/session';
import { agentOfProcess } from '../processes/agents';
import { readArgv, readExe } from '../processes/linux';
import { parentOf, type ProcessIdentity, readIdentity } from '../termination/identity';

/** Shells and wrappers between an agent and its hook are few; this bounds a walk gone wrong. */
const MAX_DEPTH = 8;

export interface AncestorOptions {
  platform?: NodeJS.Platform;
  /** Reads a process's argv and executable; defaults to /proc (Linux only). */
  describe?: (pid: number) => { exe: string; argv: string[] } | null;
}

export function agentAncestor(agent: Agent, from: number = process.ppid, options: AncestorOptions = {}): ProcessIdentity | null {
  const platform = options.platform ?? process.platform;
  const describe = options.describe ?? (platform === 'linux' ? describeFromProc : platform === 'win32' ? null : describeFromPs);
  if (!describe) return null;
  let pid: number | null = from;
  for (let depth = 0; pid !== null && pid > 1 && depth < MAX_DEPTH; depth += 1) {
    const seen = describe(pid);
    if (seen && agentOfProcess(seen) === agent) return readIdentity(pid, platform);
    pid = parentOf(pid, platform);
  }
  return null;
}

function describeFromProc(pid: number): { exe: string; argv: string[] } | null {
  const argv = readArgv(pid);
  if (!argv) return null;
  return { exe: readExe(pid) ?? argv[0] ?? '', argv };
}

/** macOS and other Unixes: ps's executable path and command line (split on spaces, as ps joins it). */
function describeFromPs(pid: number): { exe: string; argv: string[] } | null {
  try {
    const exe = execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim();
    const args = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8', timeout: 5000 }).trim();
    return exe ? { exe, argv: args.split(' ') } : null;
  } catch {
    return null;
  }
}
