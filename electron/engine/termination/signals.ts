/**
 * Ends one process, exactly: SIGTERM to the recorded pid once its identity is verified, SIGKILL only
 * if it is still running after the grace period — and only after verifying its identity again, since
 * the pid could have been freed and reused while we waited. Nothing is ever signalled by name, and a
 * process group is never signalled (the agent's own children are its business).
 */
import { type ProcessIdentity, checkIdentity, isRunning, myUid, readIdentity } from './identity';

export interface EndOptions {
  graceMs: number;
  /** How long to wait for the exit after SIGKILL before giving up. */
  killWaitMs?: number;
  pollMs?: number;
  /** Waits between polls; injectable so tests can drive it. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Reads identities and sends signals; injectable for tests of the refusal paths. */
  system?: ProcessSystem;
}

export interface ProcessSystem {
  identity(pid: number): ProcessIdentity | null;
  running(pid: number): boolean;
  signal(pid: number, signal: 'SIGTERM' | 'SIGKILL'): void;
  uid(): number | null;
}

export const REAL_SYSTEM: ProcessSystem = {
  identity: (pid) => readIdentity(pid),
  running: (pid) => isRunning(pid),
  signal: (pid, signal) => process.kill(pid, signal),
  uid: myUid,
};

export type EndResult =
  | { kind: 'ended'; signal: 'SIGTERM' | 'SIGKILL'; waitedMs: number }
  | { kind: 'already-gone' }
  | { kind: 'refused'; reason: string }
  | { kind: 'still-running'; reason: string };

export async function endProcess(target: ProcessIdentity, options: EndOptions): Promise<EndResult> {
  const system = options.system ?? REAL_SYSTEM;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const started = now();

  const first = system.identity(target.pid);
  if (first === null || !system.running(target.pid)) return { kind: 'already-gone' };
  const check = checkIdentity(target, first, system.uid());
  if (!check.ok) return { kind: 'refused', reason: check.reason };

  const sent = send(system, target.pid, 'SIGTERM');
  if (sent) return sent;
  if (await exited(system, target.pid, options.graceMs, options, sleep, now)) return { kind: 'ended', signal: 'SIGTERM', waitedMs: now() - started };

  const again = checkIdentity(target, system.identity(target.pid), system.uid());
  if (!again.ok) return system.running(target.pid) ? { kind: 'refused', reason: again.reason } : { kind: 'ended', signal: 'SIGTERM', waitedMs: now() - started };
  const killed = send(system, target.pid, 'SIGKILL');
  if (killed) return killed;
  if (await exited(system, target.pid, options.killWaitMs ?? 5000, options, sleep, now)) return { kind: 'ended', signal: 'SIGKILL', waitedMs: now() - started };
  return { kind: 'still-running', reason: `process ${target.pid} did not exit within ${options.killWaitMs ?? 5000} ms of SIGKILL` };
}

/** Sends a signal; a process that vanished in between counts as ended by the caller's next check. */
function send(system: ProcessSystem, pid: number, signal: 'SIGTERM' | 'SIGKILL'): EndResult | null {
  try {
    system.signal(pid, signal);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ESRCH') return { kind: 'already-gone' };
    return { kind: 'refused', reason: `${signal} to process ${pid} failed: ${code ?? (error as Error).message}` };
  }
}

async function exited(system: ProcessSystem, pid: number, limitMs: number, options: EndOptions, sleep: (ms: number) => Promise<void>, now: () => number): Promise<boolean> {
  const deadline = now() + limitMs;
  for (;;) {
    if (!system.running(pid)) return true;
    if (now() >= deadline) return false;
    await sleep(Math.min(options.pollMs ?? 50, Math.max(1, deadline - now())));
  }
}
