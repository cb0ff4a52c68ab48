/**
 * The parallel cold scan of the built CLI (worker threads, sessions split across workers and merged)
 * gives exactly what a serial in-process scan gives, on a generated corpus with subagents, compactions
 * and bad lines — both when workers send finished sessions and when they send state for the cache.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type StatusReport, StatusReportSchema } from '../../shared/session';
import { scanStatus } from '../../electron/engine/scan';
import { writeCorpus } from '../support/corpus';
import { CLI, ensureBuilt } from '../support/cli';
import { tempDir } from '../support/paths';

ensureBuilt();
const dir = tempDir();
afterAll(() => dir.cleanup());
const corpus = writeCorpus(join(dir.path, 'corpus'), { seed: 5, claudeSessions: 30, codexSessions: 12, badLineRate: 0.03 });
const empty = join(dir.path, 'corpus');

const figures = (report: StatusReport) => report.sessions.map(({ status: _s, pid: _p, process: _pr, context: { etaMinutes: _e, ...context }, ...rest }) => ({ ...rest, context }));

function status(...flags: string[]): StatusReport {
  const args = ['status', '--json', '--all', ...flags, '--claude-dir', corpus.claudeDir, '--codex-dir', corpus.codexDir, '--gemini-dir', empty, '--data-dir', join(dir.path, 'data')];
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_PARALLEL_MIN_FILES: '1' } });
  expect(result.status, result.stderr).toBe(0);
  return StatusReportSchema.parse(JSON.parse(result.stdout));
}

describe('parallel cold scan', () => {
  it('equals a serial scan, session by session: finished sessions (--no-cache), folded state (filling the cache), then warm', async () => {
    const serial = await scanStatus({ claudeDirs: [corpus.claudeDir], codexDirs: [corpus.codexDir], geminiDirs: [empty], processes: false });
    expect(serial.sessions).toHaveLength(42);
    expect(serial.problems.badLines).toBeGreaterThan(0);
    for (const report of [status('--no-cache'), status(), status()]) {
      expect(figures(report)).toEqual(figures(serial));
      expect(report.problems.badLines).toBe(serial.problems.badLines);
    }
  });
});
