/**
 * `scanStatus` on the committed real transcripts. Every expected figure was worked out from the
 * files by an independent reading of the spec (a separate script that sums usage by hand), not by
 * running Headroom.
 */
import { describe, expect, it } from 'vitest';
import { StatusReportSchema } from '../../shared/session';
import { scanStatus } from '../../electron/engine/scan';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, tempDir } from '../support/paths';

const NOW = Date.parse('2026-11-21T12:30:00Z');
const report = await scanStatus({ claudeDirs: [CLAUDE_FIXTURES], codexDirs: [CODEX_FIXTURES], geminiDirs: [tempDir().path], now: () => NOW });
const byId = (prefix: string) => {
  const session = report.sessions.find((s) => s.id.startsWith(prefix));
  if (!session) throw new Error(`no session ${prefix}`);
  return session;
};

describe('status report on real transcripts', () => {
  it('matches the published JSON schema', () => {
    expect(() => StatusReportSchema.parse(report)).not.toThrow();
    expect(report.sessions).toHaveLength(9);
    expect(report.problems).toEqual({ badLines: 0, items: [] });
  });

  it.each([
    // id, used, window, compactions, input, cacheCreation, cacheRead, output, total
    // claude-opus-4-8 always runs with the 1M window (Claude Code reports contextWindow 1,000,000).
    ['b9f31db9', 20_005, 1_000_000, 1, 45, 180_000, 420_000, 390, 600_435],
    ['6f1039d8', 20_005, 200_000, 1, 30, 110_000, 280_000, 311, 390_341],
    ['573f847f', 806, 1_000_000, 1, 15, 60_000, 60_000, 126, 120_141],
    ['4d5611e5', 106_060, 200_000, 1, 230, 550_794, 12_222_723, 28_891, 12_802_638],
    ['d6e0bada', 27_666, 200_000, 0, 54, 17_696, 88_231, 212, 106_193],
    ['1af7fc5e', 17_437, 200_000, 0, 93, 12_698, 103_219, 953, 116_963],
  ])('Claude Code session %s: context and tokens', (id, used, window, compactions, input, cacheCreation, cacheRead, output, total) => {
    const session = byId(id);
    expect(session.agent).toBe('claude-code');
    expect(session.context).toMatchObject({ usedTokens: used, windowTokens: window, compactions, source: 'usage', autoCompactAtTokens: window - 33_000 });
    expect(session.context.percent).toBeCloseTo((used / window) * 100, 10);
    expect(session.tokens).toEqual({ input, cacheCreation, cacheRead, output, reasoning: 0, total });
  });

  it.each([
    // id, L, W, compactions, input (non-cached), cacheRead, output, reasoning, total, Codex's own "% left"
    ['01a1fddd', 40_042, 258_400, 1, 140_000, 200_000, 553, 48, 340_553, 89],
    ['019c8a59', 162_366, 258_400, 1, 2_188_981, 31_621_504, 133_999, 42_113, 33_944_484, 39],
    ['019c8bfe', 63_727, 258_400, 0, 59_525, 238_848, 1_123, 483, 299_496, 79],
  ])('Codex session %s: context, percent as Codex shows it, tokens', (id, used, window, compactions, input, cacheRead, output, reasoning, total, codexLeft) => {
    const session = byId(id);
    expect(session.context).toMatchObject({ usedTokens: used, windowTokens: window, compactions, source: 'usage' });
    expect(Math.round(100 - session.context.percent!)).toBe(codexLeft);
    expect(session.tokens).toEqual({ input, cacheCreation: 0, cacheRead, output, reasoning, total });
  });

  it('counts activity the way a person would', () => {
    expect(byId('b9f31db9').activity).toEqual({ userMessages: 6, assistantMessages: 8, toolCalls: 3, filesModified: 1, errors: 0 });
    expect(byId('b9f31db9').details.recentPrompts).toEqual([
      'hello',
      'please TOOL:BASH echo demo-bash && ls',
      'TOOL:WRITE /home/dev/work/proj-claude-demo-20261121-112753/demo.txt demo content',
      'TOOL:AGENT say hi from a subagent',
      '/compact',
      'after compaction',
    ]);
    // Task notifications and "[Request interrupted by user]" lines are not prompts.
    expect(byId('4d5611e5').activity).toEqual({ userMessages: 2, assistantMessages: 139, toolCalls: 150, filesModified: 11, errors: 13 });
    expect(byId('d6e0bada').activity.userMessages).toBe(3);
    expect(byId('1af7fc5e').activity).toEqual({ userMessages: 1, assistantMessages: 7, toolCalls: 12, filesModified: 1, errors: 1 });
    expect(byId('1af7fc5e').title).toBe('/init');
    expect(byId('01a1fddd').activity).toEqual({ userMessages: 5, assistantMessages: 7, toolCalls: 1, filesModified: 0, errors: 0 });
    expect(byId('019c8a59').activity.userMessages).toBe(38);
  });

  it('takes identity from the records: project, model, branch, title, times, files', () => {
    const spotter = byId('4d5611e5');
    expect(spotter.project).toBe('/home/USER/projects/spotter-worktrees/spotter-dov');
    expect(spotter.model).toBe('claude-opus-4-6');
    expect(spotter.files.map((f) => f.split('/').slice(-1)[0])).toEqual(['4d5611e5-241a-462a-8d15-5122611a9569.jsonl', 'agent-a2898e3.jsonl']);
    expect(byId('573f847f').title).toBe('Fake session title');
    const codex = byId('01a1fddd');
    expect(codex).toMatchObject({ project: '/home/dev/work/proj-codex-demo-20261121-112809', model: 'gpt-5.5', startedAt: '2026-11-21T11:28:09.894Z' });
    expect(report.sessions[0]!.id).toBe(codex.id);
  });

  it('prices known models and refuses to guess unknown ones', () => {
    // claude-sonnet-4-5: $3 in, $15 out, 5-minute cache writes 1.25×, reads 0.1×.
    const auto = byId('6f1039d8');
    expect(auto.costUsd).toBeCloseTo((30 * 3 + 110_000 * 3.75 + 280_000 * 0.3 + 311 * 15) / 1e6, 12);
    // gpt-5.5 is in no price table: unknown, not $0.
    expect(byId('01a1fddd').costUsd).toBeNull();
  });
});
