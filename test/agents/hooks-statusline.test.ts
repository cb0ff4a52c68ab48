/**
 * The statusLine wrapper in the real Claude Code UI (a pseudo-terminal): the user already has a
 * statusLine command; `headroom hooks install --statusline` wraps it. Claude Code must keep running the
 * user's command with its own payload (it still logs every payload and its text is still shown), and
 * Headroom must have recorded Claude Code's own `context_window` figures for the session.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { anthropicContext, startFakeAnthropic, type AnthropicServer, type AnthropicUsage } from '../realclient/fake/anthropic';
import { ClaudeRunner } from '../realclient/run/claude';
import { describeRun } from '../realclient/run/process';
import { ptyPython } from '../realclient/run/pty';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { useClient } from '../realclient/suite';

const client = useClient('claude-code');
const STATUSLINE_LOGGER = fileURLToPath(new URL('../realclient/run/statusline-log.mjs', import.meta.url));
const MODEL = 'claude-sonnet-4-5';
const TURN: AnthropicUsage = { input_tokens: 5, cache_creation_input_tokens: 30_000, cache_read_input_tokens: 70_995, output_tokens: 42 };

describe('statusLine wrapper in the real Claude Code UI', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;
  let statusLog = '';
  let userCommand = '';
  let dataDir = '';

  beforeAll(async () => {
    if (!client.ready || ptyPython() === null) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('hooks-statusline');
    statusLog = join(workspace.root, 'statusline.jsonl');
    userCommand = `"${process.execPath}" "${STATUSLINE_LOGGER}" "${statusLog}"`;
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace, settings: { statusLine: { type: 'command', command: userCommand, padding: 1 } } });
    dataDir = join(workspace.root, 'headroom-data');
    const installed = runCli(['hooks', 'install', '--agent', 'claude-code', '--config-dir', claude.configDir, '--data-dir', dataDir, '--statusline']);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toContain('statusLine: wrapped');
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  it("runs the user's statusLine unchanged and records Claude Code's context_window for the session", async (ctx) => {
    client.skipUnlessReady(ctx);
    if (ptyPython() === null) ctx.skip("python3 with the pty module is needed to drive Claude Code's interactive UI");
    server.state.queueUsage(TURN);
    const used = anthropicContext(TURN);
    const run = await claude.interactive(['--model', MODEL], [
      { wait_file: statusLog, timeout: 60 },
      { wait_text: 'headroom statusline ok', timeout: 30 },
      { send: 'hello' },
      { wait_text: 'hello', timeout: 20 },
      { send: '\r' },
      { wait_file: statusLog, match: `"total_input_tokens":${used}`, timeout: 60 },
    ]);
    expect(run.exitCode, `${describeRun(run)}\n(raw terminal output: ${run.screenLog})`).toBe(0);

    const payloads = (await readFile(statusLog, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { session_id: string; context_window: { context_window_size: number; used_percentage: number | null; total_input_tokens: number } });
    const last = payloads.at(-1)!;
    expect(last.context_window.total_input_tokens, "the user's command still gets Claude Code's payload").toBe(used);

    const record = JSON.parse(await readFile(join(dataDir, 'statusline', 'claude-code', `${last.session_id}.json`), 'utf8'));
    expect(record).toMatchObject({ sessionId: last.session_id, contextWindowSize: last.context_window.context_window_size, usedPercentage: last.context_window.used_percentage, totalInputTokens: used });
    expect(record.contextWindowSize).toBe(200_000);

    expect(runCli(['hooks', 'uninstall', '--agent', 'claude-code', '--config-dir', claude.configDir]).status).toBe(0);
    expect(JSON.parse(await readFile(join(claude.configDir, 'settings.json'), 'utf8'))).toEqual({ statusLine: { type: 'command', command: userCommand, padding: 1 } });
  });
});
