/**
 * ccusage, the reference point: pinned at 20.0.24 (20.0.26's native binary is missing from the
 * registry) and installed by the bench into `.cache/ccusage-20.0.24`, never as a dependency of the app.
 *
 * It is run as `ccusage session --json --offline` with HOME pointing at an empty folder and
 * CLAUDE_CONFIG_DIR / CODEX_HOME at the corpus, so it reads exactly the corpus (ccusage scans every
 * agent it detects under HOME) and does not try to fetch prices (there is no network here; without
 * --offline it would spend time failing to). Its totals are checked against the corpus's ground truth
 * by the caller, so a run that silently read nothing cannot pass as fast.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CCUSAGE_VERSION = '20.0.24';

export interface CcusageReport {
  sessions: number;
  totalTokens: number;
  byAgent: Record<string, number>;
}

/** Path of the pinned ccusage launcher, installing it first when it is not there yet. */
export async function ensureCcusage(cacheRoot: string, log: (line: string) => void): Promise<string> {
  const prefix = join(cacheRoot, `ccusage-${CCUSAGE_VERSION}`);
  const bin = join(prefix, 'node_modules', '.bin', 'ccusage');
  if (!isInstalled(prefix, bin)) {
    log(`installing ccusage@${CCUSAGE_VERSION} into ${prefix}`);
    await run('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `ccusage@${CCUSAGE_VERSION}`], { timeout: 300_000 });
    if (!isInstalled(prefix, bin)) throw new Error(`npm installed ccusage into ${prefix}, but ${bin} is missing`);
  }
  const { stdout } = await run(bin, ['--version'], { timeout: 30_000 });
  if (!stdout.includes(CCUSAGE_VERSION)) throw new Error(`expected ccusage ${CCUSAGE_VERSION}, ${bin} says ${stdout.trim()}`);
  return bin;
}

function isInstalled(prefix: string, bin: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(prefix, 'node_modules', 'ccusage', 'package.json'), 'utf8')) as { version?: string };
    return manifest.version === CCUSAGE_VERSION && existsSync(bin);
  } catch {
    return false;
  }
}

export function ccusageArgs(): string[] {
  return ['session', '--json', '--offline'];
}

export function ccusageEnv(corpus: { claudeDir: string; codexDir: string }, emptyHome: string): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: emptyHome, CLAUDE_CONFIG_DIR: corpus.claudeDir, CODEX_HOME: corpus.codexDir, LANG: 'C', NO_COLOR: '1' };
}

/** Reads `ccusage session --json` output: `{ session: [{ agent, totalTokens, … }], totals: { totalTokens } }`. */
export function readCcusageReport(file: string): CcusageReport {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { session?: { agent?: string; totalTokens?: number }[]; totals?: { totalTokens?: number } };
  const byAgent: Record<string, number> = {};
  for (const row of json.session ?? []) byAgent[row.agent ?? '?'] = (byAgent[row.agent ?? '?'] ?? 0) + (row.totalTokens ?? 0);
  return { sessions: json.session?.length ?? 0, totalTokens: json.totals?.totalTokens ?? 0, byAgent };
}
