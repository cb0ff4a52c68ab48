/**
 * The hook's tail-only context figures must equal the engine's full read of the same transcript: on
 * every committed Claude Code and Codex fixture (real transcripts), and after records appended the way
 * the agents append them (a compaction, an API-error placeholder, a subagent's sidechain line, a bad
 * line). Claude Code's statusLine record, when there is one, settles the window.
 */
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/session';
import { HOOK_DEFAULTS } from '../../../electron/engine/hooks/hook-settings';
import { quickContext } from '../../../electron/engine/hooks/quick-context';
import { tailUsage } from '../../../electron/engine/hooks/tail-usage';
import { scanStatus } from '../../../electron/engine/scan';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, tempDir } from '../../support/paths';

const dir = tempDir();
afterAll(() => dir.cleanup());

async function engineSessions(claudeDirs: string[], codexDirs: string[]): Promise<Session[]> {
  const empty = join(dir.path, 'empty');
  mkdirSync(empty, { recursive: true });
  const report = await scanStatus({ claudeDirs: claudeDirs.length ? claudeDirs : [empty], codexDirs: codexDirs.length ? codexDirs : [empty], geminiDirs: [empty], processes: false, env: {} });
  return report.sessions;
}

function quick(session: Session) {
  const agent = session.agent;
  return quickContext({ agent, tail: tailUsage(agent, session.files[0]!), statusline: null, knownExtended: false, settings: HOOK_DEFAULTS }).context;
}

function engineFigures(session: Session) {
  const { usedTokens, windowTokens, percent, autoCompactAtTokens } = session.context;
  return { usedTokens, windowTokens, percent, autoCompactAtTokens };
}

describe('quick context from the tail equals the engine', () => {
  it('on every Claude Code and Codex fixture', async () => {
    const sessions = await engineSessions([CLAUDE_FIXTURES], [CODEX_FIXTURES]);
    expect(sessions.length).toBeGreaterThanOrEqual(8);
    for (const session of sessions) expect(quick(session), `${session.agent} ${session.id}`).toEqual(engineFigures(session));
  });

  it('after a compaction, an API error, a sidechain line and a bad line are appended to a Claude transcript', async () => {
    const root = join(dir.path, 'claude');
    const project = join(root, 'projects', '-p');
    mkdirSync(project, { recursive: true });
    const id = '4d5611e5-241a-462a-8d15-5122611a9569';
    const transcript = join(project, `${id}.jsonl`);
    copyFileSync(join(CLAUDE_FIXTURES, 'projects', '-home-marco-projects-spotter', `${id}.jsonl`), transcript);
    const at = '2026-11-21T12:00:00.000Z';
    const line = (record: object) => appendFileSync(transcript, `${JSON.stringify({ sessionId: id, timestamp: at, ...record })}\n`);

    line({ type: 'system', subtype: 'compact_boundary', isSidechain: false, compactMetadata: { trigger: 'auto', preTokens: 150_000, postTokens: 4_321 } });
    let [session] = await engineSessions([root], []);
    expect(session!.context.usedTokens).toBe(4_321);
    expect(quick(session!)).toEqual(engineFigures(session!));

    line({ type: 'assistant', isSidechain: false, requestId: 'r1', message: { id: 'm1', model: 'claude-sonnet-4-5', role: 'assistant', content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: 10, cache_creation_input_tokens: 2_000, cache_read_input_tokens: 30_000, output_tokens: 5 } } });
    line({ type: 'assistant', isSidechain: false, isApiErrorMessage: true, message: { id: 'm2', model: '<synthetic>', role: 'assistant', content: [{ type: 'text', text: 'API Error' }], usage: { input_tokens: 0, output_tokens: 0 } } });
    line({ type: 'assistant', isSidechain: true, requestId: 'r3', message: { id: 'm3', model: 'claude-sonnet-4-5', role: 'assistant', content: [], usage: { input_tokens: 1, cache_creation_input_tokens: 0, cache_read_input_tokens: 90_000, output_tokens: 1 } } });
    appendFileSync(transcript, '{"type":"assistant","message":\n');
    [session] = await engineSessions([root], []);
    expect(session!.context.usedTokens).toBe(32_010);
    expect(quick(session!)).toEqual(engineFigures(session!));
  });

  it("uses Claude Code's own window from its statusLine record", async () => {
    const [session] = (await engineSessions([CLAUDE_FIXTURES], [])).filter((s) => s.id === '4d5611e5-241a-462a-8d15-5122611a9569');
    const tail = tailUsage('claude-code', session!.files[0]!);
    const statusline = { sessionId: session!.id, recordedAt: 0, contextWindowSize: 1_000_000, usedPercentage: 11, totalInputTokens: tail.usedTokens, modelId: 'claude-opus-4-8[1m]', version: '2.1.197' };
    const figures = quickContext({ agent: 'claude-code', tail, statusline, knownExtended: false, settings: HOOK_DEFAULTS }).context;
    expect(figures).toEqual({ usedTokens: tail.usedTokens, windowTokens: 1_000_000, percent: (tail.usedTokens! / 1_000_000) * 100, autoCompactAtTokens: 967_000 });
  });

  it("reads a Codex response's token_usage_record, written before the tool runs (its token_count comes after PostToolUse)", async () => {
    const root = join(dir.path, 'codex');
    const day = join(root, 'sessions', '2026', '11', '21');
    mkdirSync(day, { recursive: true });
    const name = 'rollout-2026-11-21T11-28-09-01a1fddd-208c-7e92-bd2c-7bebf7c40be2.jsonl';
    const rollout = join(day, name);
    copyFileSync(join(CODEX_FIXTURES, 'sessions', '2026', '11', '21', name), rollout);
    const [before] = await engineSessions([], [root]);
    appendFileSync(rollout, `${JSON.stringify({ timestamp: '2026-11-21T12:00:00.000Z', type: 'response_item', payload: { type: 'function_call', name: 'exec_command', arguments: '{"cmd":"ls"}', call_id: 'call_1' } })}\n`);
    appendFileSync(rollout, `${JSON.stringify({ timestamp: '2026-11-21T12:00:00.001Z', type: 'token_usage_record', payload: { thread_id: before!.id, response_id: 'resp_1', usage: { input_tokens: 189_950, cached_input_tokens: 150_000, output_tokens: 50, reasoning_output_tokens: 8, total_tokens: 190_000 } } })}\n`);
    const tail = tailUsage('codex', rollout);
    expect(tail).toEqual({ usedTokens: 190_000, windowTokens: before!.context.windowTokens, model: null, extendedContext: false });
  });
});
