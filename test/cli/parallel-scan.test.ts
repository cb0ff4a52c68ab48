/**
 * The parallel cold scan of the built CLI (worker threads, sessions split across workers and merged)
 * gives exactly what a serial in-process scan gives, on a generated corpus with subagents, compactions
 * and bad lines.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StatusReportSchema } from '../../shared/session';
import { scanStatus } from '../../electron/engine/scan';
import { writeCorpus } from '../support/corpus';
import { CLI, ensureBuilt } from '../support/cli';
import { tempDir } from '../support/paths';

ensureBuilt();
const dir = tempDir();
afterAll(() => dir.cleanup());
const corpus = writeCorpus(join(dir.path, 'corpus'), { seed: 5, claudeSessions: 30, codexSessions: 12, badLineRate: 0.03 });
const empty = join(dir.path, 'corpus');

describe('parallel cold scan', () => {
  it('equals a serial scan, session by session', async () => {
    const args = ['status', '--json', '--all', '--no-cache', '--claude-dir', corpus.claudeDir, '--codex-dir', corpus.codexDir, '--gemini-dir', empty, '--data-dir', join(dir.path, 'data')];
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, HEADROOM_PARALLEL_MIN_FILES: '1' } });
    expect(result.status, result.stderr).toBe(0);
    const parallel = StatusReportSchema.parse(JSON.parse(result.stdout));
    const serial = await scanStatus({ claudeDirs: [corpus.claudeDir], codexDirs: [corpus.codexDir], geminiDirs: [empty], processes: false });
    const figures = (report: typeof serial) => report.sessions.map(({ status: _s, pid: _p, process: _pr, context: { etaMinutes: _e, ...context }, ...rest }) => ({ ...rest, context }));
    expect(parallel.sessions).toHaveLength(42);
    expect(figures(parallel)).toEqual(figures(serial));
    expect(parallel.problems.badLines).toBe(serial.problems.badLines);
    expect(parallel.problems.badLines).toBeGreaterThan(0);
  });
});
