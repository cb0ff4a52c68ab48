/**
 * Working directory and open transcripts of processes on macOS (and other Unixes without /proc),
 * from one `lsof` call for all candidate processes. lsof is optional: when it is missing, slow or
 * denied, the result is empty and the matcher falls back to what ps and Claude Code's registry say.
 */
import { execFile } from 'node:child_process';

export interface OpenFiles {
  cwd: string | null;
  transcripts: string[];
}

const TIMEOUT_MS = 3000;

/**
 * Parses `lsof -F pfn` output: `p<pid>` starts a process, `f<fd>` names a descriptor (`cwd`, `3w`, …),
 * `n<path>` gives its path.
 */
export function parseLsof(output: string): Map<number, OpenFiles> {
  const result = new Map<number, OpenFiles>();
  let current: OpenFiles | undefined;
  let fd = '';
  for (const line of output.split('\n')) {
    const tag = line[0];
    const value = line.slice(1);
    if (tag === 'p') {
      const pid = Number(value);
      current = Number.isInteger(pid) ? { cwd: null, transcripts: [] } : undefined;
      if (current) result.set(pid, current);
    } else if (tag === 'f') {
      fd = value;
    } else if (tag === 'n' && current) {
      if (fd === 'cwd') current.cwd = value;
      else if (/^\d+$/.test(fd) && value.startsWith('/') && /\.jsonl?$/.test(value) && !current.transcripts.includes(value)) current.transcripts.push(value);
    }
  }
  return result;
}

export function listOpenFiles(pids: readonly number[]): Promise<Map<number, OpenFiles>> {
  if (pids.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve) => {
    execFile(
      'lsof',
      ['-w', '-n', '-P', '-p', pids.join(','), '-F', 'pfn'],
      { timeout: TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } },
      // lsof exits 1 when one of the pids is gone; what it printed for the others is still good.
      (_error, stdout) => resolve(parseLsof(String(stdout ?? ''))),
    );
  });
}
