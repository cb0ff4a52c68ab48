/**
 * Claude Code's interactive UI, for real, in a pseudo-terminal: the statusLine command receives Claude
 * Code's own `context_window` figures after every answer, and Headroom's numbers for the same session
 * must match them — `used_percentage` is what the user sees in Claude Code, so Headroom must show it too.
 * The second turn sits at exactly 50.5 % so the comparison also pins down the rounding.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicContext, startFakeAnthropic, type AnthropicServer, type AnthropicUsage } from '../realclient/fake/anthropic';
import { scanSession } from '../realclient/headroom';
import { ClaudeRunner } from '../realclient/run/claude';
import { describeRun } from '../realclient/run/process';
import { ptyPython } from '../realclient/run/pty';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { useClient } from '../realclient/suite';

const client = useClient('claude-code');
const STATUSLINE_LOGGER = fileURLToPath(new URL('../realclient/run/statusline-log.mjs', import.meta.url));
const MODEL = 'claude-sonnet-4-5';
const TURNS: AnthropicUsage[] = [
  { input_tokens: 5, cache_creation_input_tokens: 20_000, cache_read_input_tokens: 0, output_tokens: 41 },
  // 101,000 of 200,000 = 50.5 %: Claude Code shows 51.
  { input_tokens: 5, cache_creation_input_tokens: 30_000, cache_read_input_tokens: 70_995, output_tokens: 42 },
];

interface StatusPayload {
  session_id: string;
  context_window: { total_input_tokens: number; context_window_size: number; used_percentage: number | null; current_usage: Record<string, number> | null };
}

describe('Claude Code statusLine: Headroom shows the percent Claude Code shows', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;
  let statusLog = '';

  beforeAll(async () => {
    if (!client.ready || ptyPython() === null) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('statusline');
    statusLog = join(workspace.root, 'statusline.jsonl');
    // Claude Code runs this command through its shell; the quotes keep paths with spaces whole.
    const command = `"${process.execPath}" "${STATUSLINE_LOGGER}" "${statusLog}"`;
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace, settings: { statusLine: { type: 'command', command } } });
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  it('matches context_window.used_percentage, total_input_tokens and context_window_size after each turn', async (ctx) => {
    client.skipUnlessReady(ctx);
    if (ptyPython() === null) ctx.skip('python3 with the pty module is needed to drive Claude Code\'s interactive UI');
    server.state.queueUsage(...TURNS);
    const contexts = TURNS.map(anthropicContext);
    const run = await claude.interactive(['--model', MODEL], [
      { wait_file: statusLog, timeout: 60 },
      { send: 'hello' },
      { wait_text: 'hello', timeout: 20 },
      { send: '\r' },
      { wait_file: statusLog, match: `"total_input_tokens":${contexts[0]}`, timeout: 60 },
      { send: 'second turn' },
      { wait_text: 'second turn', timeout: 20 },
      { send: '\r' },
      { wait_file: statusLog, match: `"total_input_tokens":${contexts[1]}`, timeout: 60 },
    ]);
    expect(run.exitCode, `${describeRun(run)}\n(raw terminal output: ${run.screenLog})`).toBe(0);

    const payloads = (await readFile(statusLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as StatusPayload);
    const answered = payloads.filter((payload) => payload.context_window.current_usage !== null);
    const last = answered.at(-1);
    if (last === undefined) throw new Error(`no statusLine payload with current_usage in ${statusLog}`);
    expect(last.context_window.total_input_tokens, 'Claude Code counted the usage the fake sent').toBe(contexts[1]);

    const session = await scanSession({ claudeDirs: [claude.configDir], home: workspace.home }, 'claude-code', last.session_id);
    expect(session.context.usedTokens, 'context_window.total_input_tokens').toBe(last.context_window.total_input_tokens);
    expect(session.context.windowTokens, 'context_window.context_window_size').toBe(last.context_window.context_window_size);
    expect(Math.round(session.context.percent ?? Number.NaN), 'context_window.used_percentage').toBe(last.context_window.used_percentage);
    expect(session.context.percent).toBe(50.5);
  });
});
