/**
 * How long the PostToolUse usage check makes the agent wait, on a long session (a 40 MB transcript):
 * in-process (what the check itself costs), and as the agent runs it — a fresh Node process per tool
 * call — next to a bare `node -e ""` started the same way, interleaved, so machine load affects both
 * alike. The numbers are printed; the assertions hold the check to a small share of Node's own start-up.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkUsage } from '../../../electron/engine/hooks/usage-check';
import { parseHookPayload } from '../../../electron/engine/hooks/payload';
import { tempDir } from '../../support/paths';
import { runHookProcess } from './hook-process';
import { appendClaudeAnswer, claudePayload, claudeTranscript, type ClaudeTranscript } from './transcripts';

const dir = tempDir();
afterAll(() => dir.cleanup());
let transcript: ClaudeTranscript;
let bigResult: ClaudeTranscript;
const dataDir = join(dir.path, 'data');

/** ~40 MB of ordinary turns: prompts, answers with usage, tool results. */
function fill(t: ClaudeTranscript, megabytes: number): void {
  const text = 'x'.repeat(1500);
  const limit = megabytes * 1024 * 1024;
  let written = 0;
  for (let batch = 0; written < limit; batch += 1) {
    const lines: string[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const n = batch * 1000 + i;
      lines.push(JSON.stringify({ type: 'user', sessionId: t.sessionId, cwd: t.project, uuid: `u${n}`, timestamp: '2026-11-21T10:00:00.000Z', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${n}`, content: text }] } }));
    }
    const chunk = `${lines.join('\n')}\n`;
    appendFileSync(t.path, chunk);
    written += Buffer.byteLength(chunk);
  }
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

beforeAll(() => {
  mkdirSync(dataDir, { recursive: true });
  transcript = claudeTranscript(join(dir.path, 'claude'), '9c0ffee0-4444-4ddd-8eee-000000000001', join(dir.path, 'project'));
  fill(transcript, 40);
  appendClaudeAnswer(transcript, 90_000);
  bigResult = claudeTranscript(join(dir.path, 'claude'), '9c0ffee0-4444-4ddd-8eee-000000000002', join(dir.path, 'project'));
  fill(bigResult, 5);
  appendClaudeAnswer(bigResult, 95_000);
  // A 600 KB tool result after the last answer: the first 256 KB window holds no usage.
  appendFileSync(bigResult.path, `${JSON.stringify({ type: 'user', sessionId: bigResult.sessionId, message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'big', content: 'y'.repeat(600_000) }] } })}\n`);
}, 120_000);

describe('usage check latency', () => {
  it.each([
    ['a 40 MB transcript', () => transcript, 90_000],
    ['a 600 KB tool result after the last answer', () => bigResult, 95_000],
  ])('in-process on %s: a few milliseconds', async (_what, which, used) => {
    const t = which();
    const parsed = parseHookPayload(claudePayload(t, 'PostToolUse'));
    if (!parsed.ok) throw new Error(parsed.message);
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const started = performance.now();
      const result = await checkUsage({ agent: 'claude-code', dataDir, payload: parsed.payload, now: Date.now(), log: () => undefined });
      times.push(performance.now() - started);
      expect(result?.context.usedTokens).toBe(used);
    }
    process.stderr.write(`[hook latency] check in-process, ${_what}: p50 ${percentile(times, 0.5).toFixed(2)} ms, p95 ${percentile(times, 0.95).toFixed(2)} ms\n`);
    expect(percentile(times, 0.5)).toBeLessThan(20);
  });

  it('as a spawned process: hook.js costs little more than starting Node at all', () => {
    const payload = claudePayload(transcript, 'PostToolUse');
    const hook: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      const run = runHookProcess(['post-tool-use', '--agent', 'claude-code', '--data-dir', dataDir], payload);
      expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
      hook.push(run.wallMs);
      const started = performance.now();
      spawnSync(process.execPath, ['-e', ''], { input: payload });
      bare.push(performance.now() - started);
    }
    const overhead = percentile(hook, 0.5) - percentile(bare, 0.5);
    process.stderr.write(
      `[hook latency] spawned hook.js post-tool-use on 40 MB: p50 ${percentile(hook, 0.5).toFixed(0)} ms, p95 ${percentile(hook, 0.95).toFixed(0)} ms; ` +
        `bare node -e "": p50 ${percentile(bare, 0.5).toFixed(0)} ms, p95 ${percentile(bare, 0.95).toFixed(0)} ms; overhead p50 ${overhead.toFixed(0)} ms\n`,
    );
    expect(overhead).toBeLessThan(80);
  });
});
