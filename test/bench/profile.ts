/**
 * Where a cold scan spends its time: runs it once under `node --cpu-prof` and sums the profile's
 * samples by function (self time) and by source file, so the heaviest parts can be named with numbers.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from './measure';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  functions: ProfileEntry[];
  files: ProfileEntry[];
}

export async function profileScan(args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, top = 20): Promise<ProfileSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-prof-'));
  try {
    const result = await measure(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { env, cwd, stdoutFile: join(dir, 'out.json') });
    if (result.exitCode !== 0) throw new Error(`profiled scan failed: ${result.stderr}`);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('node wrote no .cpuprofile');
    return summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile, top);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function summarize(profile: CpuProfile, top: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    totalUs += us;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url ? frame.url.replace(/^file:\/\//, '').replace(/^.*\/(dist|node_modules)\//, '$1/') : '(native)';
    const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${file}:${frame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  });
  const entries = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / totalUs }));
  return { totalMs: totalUs / 1000, functions: entries(byFunction), files: entries(byFile) };
}
