/**
 * The window Claude Code itself reports (its statusLine, recorded by Headroom's hook) beats every guess
 * from the transcript: a claude-sonnet-4-5 session the table sizes at 200k is shown at 1M once Claude
 * Code says it runs with 1M — and sessions without a record keep the transcript's evidence.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeStatuslineRecord } from '../../electron/engine/hooks/statusline-record';
import { scanStatus } from '../../electron/engine/scan';
import { CLAUDE_FIXTURES, tempDir } from '../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());
const SONNET = '6f1039d8-684a-4732-870c-c177ae095f9e';

describe("Claude Code's own window", () => {
  it('is used when the statusLine hook recorded it', async () => {
    const dataDir = join(dir.path, 'data');
    await writeStatuslineRecord(dataDir, { sessionId: SONNET, recordedAt: Date.parse('2026-11-21T11:30:00Z'), contextWindowSize: 1_000_000, usedPercentage: 2, totalInputTokens: 20_005, modelId: 'claude-sonnet-4-5[1m]', version: '2.1.197' });
    const report = await scanStatus({ claudeDirs: [CLAUDE_FIXTURES], codexDirs: [dir.path], geminiDirs: [dir.path], dataDir, processes: false });
    const sonnet = report.sessions.find((s) => s.id === SONNET)!;
    expect(sonnet.context).toMatchObject({ usedTokens: 20_005, windowTokens: 1_000_000, autoCompactAtTokens: 967_000 });
    expect(sonnet.context.percent).toBeCloseTo(2.0005, 10);
    const spotter = report.sessions.find((s) => s.id.startsWith('4d5611e5'))!;
    expect(spotter.context.windowTokens).toBe(200_000);
  });
});
