/**
 * Runs the built hook program (dist/cli/hook.js, built by vitest's global setup) as the agents run it:
 * a separate process, the payload on stdin, optionally under a parent process named like the agent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fakeBinary } from '../processes/fake-agent';

export const HOOK_SCRIPT = fileURLToPath(new URL('../../../dist/cli/hook.js', import.meta.url));

export interface HookRunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

export function runHookProcess(args: readonly string[], stdin: string): HookRunResult {
  if (!existsSync(HOOK_SCRIPT)) throw new Error(`${HOOK_SCRIPT} is missing: run "npm run build"`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [HOOK_SCRIPT, ...args], { input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, wallMs: performance.now() - started };
}

/**
 * Runs the hook as a child of a shell named `claude` (or `codex`), as the agent's own hook runner would
 * be: returns the result and the pid of that agent-named parent.
 */
export function runHookUnderAgent(binDir: string, agentName: 'claude' | 'codex', args: readonly string[], stdin: string): HookRunResult & { agentPid: number; agentStartKey: string } {
  mkdirSync(binDir, { recursive: true });
  const agent = existsSync(join(binDir, agentName)) ? join(binDir, agentName) : fakeBinary(binDir, agentName, '/bin/sh');
  const payload = join(binDir, `payload-${process.hrtime.bigint()}.json`);
  writeFileSync(payload, stdin);
  // First the shell's own pid and start time (field 22 of /proc/<pid>/stat): the agent identity the hook
  // must find. The trailing exit keeps the shell from exec'ing node in its place (it must stay the parent).
  const script = 'echo $$ $(cut -d" " -f22 /proc/$$/stat); "$0" "$@" < "$PAYLOAD"; status=$?; exit $status';
  const started = performance.now();
  const result = spawnSync(agent, ['-c', script, process.execPath, HOOK_SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, PAYLOAD: payload } });
  const [identity = '', ...rest] = result.stdout.split('\n');
  const [pid = '', startKey = ''] = identity.split(' ');
  return { status: result.status, stdout: rest.join('\n'), stderr: result.stderr, wallMs: performance.now() - started, agentPid: Number(pid), agentStartKey: startKey };
}
