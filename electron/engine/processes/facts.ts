/**
 * Gathers what the platform can tell about the agent processes, reading only those processes:
 * Linux from /proc, macOS from one lsof call plus ps's fields, Windows nothing beyond the process list
 * (no working directory there, so only Claude Code's registry can match).
 */
import { totalmem } from 'node:os';
import type { AgentProcess } from './listing';
import { listOpenFiles } from './lsof';
import { readBootTimeMs, readClockTicks, readCwd, readOpenTranscripts, readRssBytes, readStat } from './linux';

export interface ProcessFacts {
  ppid: number | null;
  cwd: string | null;
  /** /proc/<pid>/stat field 22, Linux only: Claude Code's `procStart`. */
  startTicks: string | null;
  startMs: number | null;
  cpuSeconds: number | null;
  /** ps's %cpu (macOS: a decaying average; Linux: the same lifetime average ps would print). */
  psCpuPercent: number | null;
  rssBytes: number | null;
  openTranscripts: string[];
}

export type FactsReader = (processes: readonly AgentProcess[]) => Promise<Map<number, ProcessFacts>>;

export function factsReader(platform: NodeJS.Platform = process.platform): FactsReader {
  if (platform === 'linux') return linuxFacts();
  if (platform === 'win32') return async (processes) => new Map(processes.map((p) => [p.pid, fromPs(p)]));
  return lsofFacts;
}

/** What ps-list alone says; RSS from %mem is coarse (0.1% of RAM) but better than nothing off Linux. */
function fromPs(p: AgentProcess): ProcessFacts {
  return {
    ppid: p.ppid,
    cwd: null,
    startTicks: null,
    startMs: p.ps?.startMs ?? null,
    cpuSeconds: null,
    psCpuPercent: p.ps?.cpuPercent ?? null,
    rssBytes: p.ps?.memoryPercent == null ? null : Math.round((p.ps.memoryPercent / 100) * totalmem()),
    openTranscripts: [],
  };
}

function linuxFacts(): FactsReader {
  // Boot time and the tick rate do not change while we run; read them once.
  let clock: { bootMs: number | null; hz: number } | undefined;
  return async (processes) => {
    clock ??= { bootMs: readBootTimeMs(), hz: readClockTicks() };
    const { bootMs, hz } = clock;
    const facts = new Map<number, ProcessFacts>();
    for (const p of processes) {
      const stat = readStat(p.pid);
      const startMs = stat && bootMs !== null ? bootMs + (Number(stat.startTicks) / hz) * 1000 : null;
      const cpuSeconds = stat ? stat.cpuTicks / hz : null;
      facts.set(p.pid, {
        ppid: stat?.ppid ?? p.ppid,
        cwd: readCwd(p.pid),
        startTicks: stat?.startTicks ?? null,
        startMs,
        cpuSeconds,
        psCpuPercent: lifetimeAverage(cpuSeconds, startMs),
        rssBytes: readRssBytes(p.pid),
        openTranscripts: readOpenTranscripts(p.pid),
      });
    }
    return facts;
  };
}

async function lsofFacts(processes: readonly AgentProcess[]): Promise<Map<number, ProcessFacts>> {
  const open = await listOpenFiles(processes.map((p) => p.pid));
  return new Map(
    processes.map((p) => {
      const files = open.get(p.pid);
      return [p.pid, { ...fromPs(p), cwd: files?.cwd ?? null, openTranscripts: files?.transcripts ?? [] }];
    }),
  );
}

/** CPU share over the process's whole life, as Linux ps prints it: the first sample's best guess. */
function lifetimeAverage(cpuSeconds: number | null, startMs: number | null): number | null {
  if (cpuSeconds === null || startMs === null) return null;
  const lifeSeconds = (Date.now() - startMs) / 1000;
  return lifeSeconds > 0 ? (cpuSeconds / lifeSeconds) * 100 : null;
}
