/**
 * Running the built Headroom CLI (`dist/cli/headroom.js`) the way a user does, against the corpus,
 * with a throw-away HOME and data folder so nothing of the machine's own setup is read.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { StatusReport } from '../../shared/session';

const run = promisify(execFile);

export interface HeadroomCli {
  script: string;
  /** Whether `status` has `--no-cache` (the warm-start cache exists). */
  hasCache: boolean;
}

export async function findCli(repo: string): Promise<HeadroomCli> {
  const script = join(repo, 'dist', 'cli', 'headroom.js');
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npm run build:node\` first`);
  const { stdout } = await run(process.execPath, [script, 'status', '--help'], { timeout: 30_000 });
  return { script, hasCache: stdout.includes('--no-cache') };
}

export interface Roots {
  claudeDir: string;
  codexDir: string;
  geminiDir: string;
  dataDir: string;
}

export function statusArgs(cli: HeadroomCli, roots: Roots, options: { cache: boolean }): string[] {
  const args = [cli.script, 'status', '--json', '--all', '--claude-dir', roots.claudeDir, '--codex-dir', roots.codexDir, '--gemini-dir', roots.geminiDir, '--data-dir', roots.dataDir];
  if (cli.hasCache && !options.cache) args.push('--no-cache');
  return args;
}

export function headroomEnv(emptyHome: string, dataDir: string): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: emptyHome, HEADROOM_DATA_DIR: dataDir, LANG: 'C', NO_COLOR: '1' };
}

export interface ReportTotals {
  sessions: number;
  claude: number;
  codex: number;
  badLines: number;
}

export function readStatusReport(file: string): { report: StatusReport; totals: ReportTotals } {
  const report = JSON.parse(readFileSync(file, 'utf8')) as StatusReport;
  const totals: ReportTotals = { sessions: report.sessions.length, claude: 0, codex: 0, badLines: report.problems.badLines };
  for (const session of report.sessions) {
    if (session.agent === 'claude-code') totals.claude += session.tokens.total;
    else if (session.agent === 'codex') totals.codex += session.tokens.total;
  }
  return { report, totals };
}
