/** The machine a run measured, for the results: CPU model, cores, memory, OS and Node. */
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export function describeMachine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  return `${model}, ${cpus().length} logical CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`;
}

/** How busy the machine was: wall times on a shared machine stretch with its load, CPU times do not. */
export function loadAverage(): string {
  return loadavg().map((load) => load.toFixed(2)).join(' / ');
}
