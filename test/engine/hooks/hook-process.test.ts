/**
 * The hook program as the agents run it — a separate Node process, the payload on stdin — against real
 * files in a temporary data dir: what it prints (only the one JSON warning line, once per level), what it
 * records (termination requests, the session registry, statusLine figures, checkpoints), and that bad
 * input never makes it fail or print.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRequests } from '../../../electron/engine/termination/store';
import { tempDir } from '../../support/paths';
import { runHookProcess, runHookUnderAgent } from './hook-process';
import { appendClaudeAnswer, claudePayload, claudeTranscript } from './transcripts';

const dir = tempDir();
afterAll(() => dir.cleanup());
let count = 0;

function workspace() {
  const base = join(dir.path, String((count += 1)));
  const project = join(base, 'proj');
  mkdirSync(project, { recursive: true });
  return { dataDir: join(base, 'data'), claudeRoot: join(base, 'claude'), project, bin: join(base, 'bin') };
}

const hooksLog = (dataDir: string) => readFileSync(join(dataDir, 'logs', 'hooks.log'), 'utf8');

describe('PostToolUse usage check (spawned hook.js)', () => {
  it('prints one warning line in the shape Claude Code reads, once per level; records nothing below critical', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '0a7c2f5e-1111-4aaa-8bbb-000000000001', w.project);
    const args = ['post-tool-use', '--agent', 'claude-code', '--data-dir', w.dataDir];
    appendClaudeAnswer(t, 60_000);
    expect(runHookProcess(args, claudePayload(t, 'PostToolUse'))).toMatchObject({ status: 0, stdout: '', stderr: '' });

    appendClaudeAnswer(t, 150_000);
    const warned = runHookProcess(args, claudePayload(t, 'PostToolUse', { tool_name: 'Bash' }));
    expect(warned).toMatchObject({ status: 0, stderr: '' });
    const line = `Headroom: context at 75% (150,000 of 200,000 tokens), past the 70% warning. Keep the remaining work compact; to save progress run: headroom checkpoint ${t.sessionId}`;
    expect(warned.stdout).toBe(`${JSON.stringify({ systemMessage: line, hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: line } })}\n`);

    appendClaudeAnswer(t, 152_000);
    expect(runHookProcess(args, claudePayload(t, 'PostToolUse'))).toMatchObject({ status: 0, stdout: '' });
    expect(listRequests(w.dataDir).requests).toEqual([]);
  });

  it('at critical records one graceful termination request naming the agent process, and tells the agent once', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '0a7c2f5e-1111-4aaa-8bbb-000000000002', w.project);
    const args = ['post-tool-use', '--agent', 'claude-code', '--data-dir', w.dataDir];
    // claude-opus-4-8 runs with 1M: 920,000 is critical (92%) but not yet near its auto-compact point.
    appendClaudeAnswer(t, 920_000, 'claude-opus-4-8');
    const first = runHookUnderAgent(w.bin, 'claude', args, claudePayload(t, 'PostToolUse'));
    expect(first.status).toBe(0);
    const continuation = `cd ${w.project} && claude --resume ${t.sessionId}`;
    const line = `Headroom: context critical at 92% (920,000 of 1,000,000 tokens), past 90%. Headroom recorded a request to stop this session after a checkpoint. Finish the current step, summarise where things stand, then stop; the work continues with: ${continuation}`;
    expect(JSON.parse(first.stdout)).toEqual({ systemMessage: line, hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: line } });

    const [stored, ...others] = listRequests(w.dataDir).requests;
    expect(others).toEqual([]);
    expect(stored!.outcome).toBeNull();
    expect(stored!.request).toMatchObject({
      sessionId: t.sessionId,
      agent: 'claude-code',
      reason: 'context critical at 92% (920,000 of 1,000,000 tokens)',
      continuationCommand: continuation,
      priority: 'graceful',
      source: 'hook',
      target: { pid: first.agentPid, uid: process.getuid!(), startKey: first.agentStartKey },
    });

    appendClaudeAnswer(t, 925_000, 'claude-opus-4-8');
    const again = runHookUnderAgent(w.bin, 'claude', args, claudePayload(t, 'PostToolUse'));
    expect(again).toMatchObject({ status: 0, stdout: '' });
    expect(listRequests(w.dataDir).requests).toHaveLength(1);
  });

  it.each([
    ['not JSON', 'tool finished', 'stdin is not JSON (13 bytes: "tool finished")'],
    ['JSON without a session', '{"hook_event_name":"PostToolUse"}', 'the payload has no session_id'],
    ['a transcript that does not exist', '{"session_id":"s1","transcript_path":"/nonexistent/s1.jsonl","hook_event_name":"PostToolUse"}', 'failed: Error: ENOENT'],
  ])('exits 0 and prints nothing for %s, logging why', (_what, stdin, logged) => {
    const w = workspace();
    expect(runHookProcess(['post-tool-use', '--agent', 'claude-code', '--data-dir', w.dataDir], stdin)).toEqual(expect.objectContaining({ status: 0, stdout: '', stderr: '' }));
    expect(hooksLog(w.dataDir)).toContain(`claude-code post-tool-use: ${logged}`);
  });

  it('exits 0 and prints nothing for a bad command line, logging it', () => {
    const w = workspace();
    const result = runHookProcess(['post-tool-use', '--agent', 'gemini', '--data-dir', w.dataDir], '{}');
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });
});

describe('SessionStart / SessionEnd (spawned hook.js under a process named claude)', () => {
  it('records the agent process (pid, owner, start time) and keeps the entry when the session ends', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '0a7c2f5e-1111-4aaa-8bbb-000000000003', w.project);
    const started = runHookUnderAgent(w.bin, 'claude', ['session-start', '--agent', 'claude-code', '--data-dir', w.dataDir], claudePayload(t, 'SessionStart', { source: 'startup' }));
    expect(started).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const entryPath = join(w.dataDir, 'sessions', 'claude-code', `${t.sessionId}.json`);
    const entry = JSON.parse(readFileSync(entryPath, 'utf8'));
    expect(entry).toMatchObject({ sessionId: t.sessionId, agent: 'claude-code', cwd: w.project, transcriptPath: t.path, source: 'startup', endedAt: null, endReason: null });
    expect(entry.process).toEqual({ pid: started.agentPid, uid: process.getuid!(), startKey: started.agentStartKey });

    const ended = runHookUnderAgent(w.bin, 'claude', ['session-end', '--agent', 'claude-code', '--data-dir', w.dataDir], claudePayload(t, 'SessionEnd', { reason: 'prompt_input_exit' }));
    expect(ended).toMatchObject({ status: 0, stdout: '' });
    const after = JSON.parse(readFileSync(entryPath, 'utf8'));
    expect(after).toMatchObject({ ...entry, endReason: 'prompt_input_exit', endedAt: expect.any(String) });
  });
});

describe('PreCompact (spawned hook.js)', () => {
  it('writes a checkpoint of the session through the coordinator, with the compaction trigger as the reason', () => {
    const w = workspace();
    const t = claudeTranscript(w.claudeRoot, '0a7c2f5e-1111-4aaa-8bbb-000000000004', w.project);
    appendClaudeAnswer(t, 120_000);
    const result = runHookProcess(['pre-compact', '--agent', 'claude-code', '--data-dir', w.dataDir], claudePayload(t, 'PreCompact', { trigger: 'auto', custom_instructions: null }));
    expect(result).toMatchObject({ status: 0, stdout: '', stderr: '' });
    const checkpointDir = join(w.dataDir, 'checkpoints', 'claude-code', t.sessionId);
    const records = readdirSync(checkpointDir).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    expect(records).toHaveLength(1);
    const record = JSON.parse(readFileSync(join(checkpointDir, records[0]!), 'utf8'));
    expect(record.record).toMatchObject({ sessionId: t.sessionId, agent: 'claude-code', reason: 'before compaction (auto)', contextTokens: 120_000, resumeCommand: `cd ${w.project} && claude --resume ${t.sessionId}` });
    expect(existsSync(record.record.markdownPath)).toBe(true);
    expect(hooksLog(w.dataDir)).toContain(`claude-code pre-compact: checkpoint of claude-code session ${t.sessionId} written to ${record.record.markdownPath}`);
  });
});

describe('statusLine wrapper (spawned hook.js)', () => {
  const payload = (sessionId: string) => JSON.stringify({ session_id: sessionId, model: { id: 'claude-opus-4-8[1m]' }, version: '2.1.197', context_window: { total_input_tokens: 60_005, context_window_size: 1_000_000, used_percentage: 6, remaining_percentage: 94 } });

  it("records Claude Code's figures and runs the user's command with the same stdin, returning its output and exit code", () => {
    const w = workspace();
    const stdin = payload('sess-status-1');
    const result = runHookProcess(['statusline', '--agent', 'claude-code', '--data-dir', w.dataDir, '--run', "tr 'a-z' 'A-Z'; exit 3"], stdin);
    expect(result).toMatchObject({ status: 3, stdout: stdin.toUpperCase(), stderr: '' });
    const record = JSON.parse(readFileSync(join(w.dataDir, 'statusline', 'claude-code', 'sess-status-1.json'), 'utf8'));
    expect(record).toEqual({ sessionId: 'sess-status-1', recordedAt: expect.any(Number), contextWindowSize: 1_000_000, usedPercentage: 6, totalInputTokens: 60_005, modelId: 'claude-opus-4-8[1m]', version: '2.1.197' });
  });

  it('prints its own short line when the user had no statusLine, and survives a payload it cannot read', () => {
    const w = workspace();
    expect(runHookProcess(['statusline', '--agent', 'claude-code', '--data-dir', w.dataDir], payload('sess-status-2'))).toMatchObject({ status: 0, stdout: 'ctx 6% · 60,005 / 1,000,000\n' });
    expect(runHookProcess(['statusline', '--agent', 'claude-code', '--data-dir', w.dataDir], 'garbage')).toMatchObject({ status: 0, stdout: 'ctx —\n' });
  });
});
