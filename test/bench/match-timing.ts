/**
 * The cost of one `match()` of the process matcher over every session of the corpus, as the Monitor
 * pays it every few seconds. Three agent-like processes (copies of /bin/sleep named claude and codex)
 * run meanwhile, so the whole path is exercised — with no agent running, `match()` returns right after
 * the process listing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProcessMatcher } from '../../electron/engine/processes/matcher';
import type { Session } from '../../shared/session';
import { median, percentile } from './measure';

export interface MatcherTiming {
  sessions: number;
  agents: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
  medianCpuMs: number;
}

const CALLS = 30;

export async function measureMatcher(sessions: readonly Session[], claudeDirs: string[]): Promise<MatcherTiming> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-agents-'));
  const children: ChildProcess[] = [];
  try {
    if (existsSync('/bin/sleep')) {
      for (const name of ['claude', 'codex']) {
        copyFileSync('/bin/sleep', join(dir, name));
        chmodSync(join(dir, name), 0o755);
      }
      for (const name of ['claude', 'claude', 'codex']) children.push(spawn(join(dir, name), ['600'], { cwd: dir, stdio: 'ignore' }));
      await Promise.all(children.map((child) => new Promise((resolve) => child.once('spawn', resolve))));
    }
    const matcher = createProcessMatcher({ claudeDirs });
    let started = performance.now();
    await matcher.match(sessions);
    const firstMs = performance.now() - started;
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const before = process.cpuUsage();
      started = performance.now();
      await matcher.match(sessions);
      wall.push(performance.now() - started);
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    }
    return { sessions: sessions.length, agents: children.length, firstMs, medianMs: median(wall), p95Ms: percentile(wall, 95), medianCpuMs: median(cpu) };
  } finally {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    })));
    rmSync(dir, { recursive: true, force: true });
  }
}
