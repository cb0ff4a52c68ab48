/**
 * Runs a command as a child process and measures it: wall time (here, to the microsecond), and the
 * child's peak resident memory and CPU time from GNU time (`/usr/bin/time`), which reads them from
 * the kernel when the child exits. Without GNU time, peak memory is sampled from /proc every 20 ms,
 * which can miss a short peak; the result says which one it is.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  seconds: number;
  peakRssBytes: number | null;
  cpuSeconds: number | null;
  peakFrom: 'time' | 'sampled' | null;
  exitCode: number;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export async function measure(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd: string; stdoutFile: string }): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'headroom-bench-time-'));
  const timeFile = join(scratch, 'time.txt');
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, [...args]];
  const out = openSync(options.stdoutFile, 'w');
  let sampledPeak = 0;
  try {
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const sampler = useTime ? null : setInterval(() => (sampledPeak = Math.max(sampledPeak, vmHwm(child.pid!) ?? 0)), 20);
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code ?? -1));
    });
    const seconds = (performance.now() - started) / 1000;
    if (sampler) clearInterval(sampler);
    if (!useTime) return { seconds, peakRssBytes: sampledPeak || null, cpuSeconds: null, peakFrom: sampledPeak ? 'sampled' : null, exitCode, stderr };
    const [maxKb, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { seconds, peakRssBytes: maxKb! * 1024, cpuSeconds: user! + system!, peakFrom: 'time', exitCode, stderr };
  } finally {
    closeSync(out);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Peak resident memory of a live process so far (Linux `VmHWM`), in bytes. */
export function vmHwm(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a live process has used so far, from /proc/<pid>/stat. */
export function cpuSecondsOf(pid: number, ticksPerSecond = 100): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
