/**
 * CPU use of a process "right now": the share of one core it used since the previous sample
 * (100 = one full core). ps's own %cpu is an average over the process's whole life on Linux, which
 * says little about a long-running agent that is busy at this moment; it is used only for the first
 * sample of a process, before there is an interval to measure.
 */
export interface CpuSample {
  /** Tells one process from a later one with the same pid. */
  identity: string;
  /** CPU time used so far (user + system), in seconds; null when the platform does not tell. */
  cpuSeconds: number | null;
  atMs: number;
  /** ps's %cpu, used when there is no earlier sample. */
  fallbackPercent: number | null;
}

export class CpuMeter {
  private readonly previous = new Map<number, { identity: string; cpuSeconds: number; atMs: number }>();

  percent(pid: number, sample: CpuSample): number | null {
    const before = this.previous.get(pid);
    if (sample.cpuSeconds === null) {
      this.previous.delete(pid);
      return sample.fallbackPercent;
    }
    this.previous.set(pid, { identity: sample.identity, cpuSeconds: sample.cpuSeconds, atMs: sample.atMs });
    if (!before || before.identity !== sample.identity || sample.atMs <= before.atMs) return sample.fallbackPercent;
    const used = Math.max(0, sample.cpuSeconds - before.cpuSeconds);
    return (used / ((sample.atMs - before.atMs) / 1000)) * 100;
  }

  /** Forgets processes that are no longer sampled, so the map stays as small as the agent list. */
  keepOnly(pids: ReadonlySet<number>): void {
    for (const pid of this.previous.keys()) if (!pids.has(pid)) this.previous.delete(pid);
  }
}
