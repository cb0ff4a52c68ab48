/**
 * `headroom mcp` with real clients, against the transcripts of a real Claude Code session (offline, fake
 * Anthropic server): the MCP SDK's own client calls every tool over stdio while Headroom's live monitor
 * watches the session; then Claude Code itself, after `claude mcp add headroom -- node …/headroom.js mcp`
 * (the README's instruction), calls a Headroom tool when the model asks for it, and the answer lands in
 * its transcript.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli';
import { parseClaudeResult, readClaudeSession } from '../realclient/conformance/claude';
import { anthropicContext, startFakeAnthropic, type AnthropicServer } from '../realclient/fake/anthropic';
import { ClaudeRunner } from '../realclient/run/claude';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';

const client = useClient('claude-code');
const MODEL = 'claude-sonnet-4-5';
const WINDOW = 200_000;

describe('headroom mcp against a real Claude Code session', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;
  let mcp: Client | null = null;
  let dataDir = '';
  let sessionId = '';
  let used = 0;
  let mcpArgs: string[] = [];

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('mcp');
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace });
    dataDir = join(workspace.root, 'headroom-data');
    const empty = join(workspace.root, 'empty');
    mkdirSync(empty);
    mcpArgs = [CLI, 'mcp', '--claude-dir', claude.configDir, '--codex-dir', empty, '--gemini-dir', empty, '--data-dir', dataDir];
    const first = await claude.prompt('hello', { model: MODEL });
    expectSuccess(first);
    sessionId = parseClaudeResult(first.stdout).sessionId;
    used = anthropicContext(server.state.exchanges.filter((e) => e.kind === 'main').at(-1)!.usage!);
  });

  afterAll(async () => {
    await mcp?.close();
    await server?.close();
    await workspace?.dispose();
  });

  async function data(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = (await mcp!.callTool({ name, arguments: args })) as { isError?: boolean; content: { text: string }[]; structuredContent?: Record<string, unknown> };
    if (result.isError) throw new Error(`${name}: ${result.content[0]?.text}`);
    return result.structuredContent!;
  }

  it("the SDK's client calls every tool; the figures are Claude Code's", async (ctx) => {
    client.skipUnlessReady(ctx);
    mcp = new Client({ name: 'headroom-agents-test', version: '1.0.0' });
    await mcp.connect(new StdioClientTransport({ command: process.execPath, args: mcpArgs, stderr: 'pipe' }));

    expect(await data('health_check')).toMatchObject({ ok: true, sessions: 1 });
    expect(await data('list_sessions')).toMatchObject({ total: 1, sessions: [{ session_id: sessionId, agent: 'claude-code', project: workspace.project, used_tokens: used }] });
    expect(await data('get_token_usage', { cwd: workspace.project })).toMatchObject({ session_id: sessionId, used_tokens: used, window_tokens: WINDOW, percent: (used / WINDOW) * 100, source: 'usage', level: 'ok' });
    expect(await data('check_should_terminate', { session_id: sessionId })).toMatchObject({ should_terminate: false, level: 'ok' });
    const checkpoint = await data('create_checkpoint', { session_id: sessionId, reason: 'asked over MCP' });
    expect(existsSync(checkpoint['markdown_path'] as string)).toBe(true);
    expect(checkpoint).toMatchObject({ resume_command: `cd ${workspace.project} && claude --resume ${sessionId}`, context_tokens: used });
    const request = await data('request_termination', { session_id: sessionId, reason: 'done for today' });
    expect(existsSync(request['path'] as string)).toBe(true);
    expect(await data('get_monitor_status')).toMatchObject({ sessions: 1, pending_termination_requests: [{ request_id: request['request_id'], session_id: sessionId, reason: 'done for today' }] });
    expect(await data('check_should_terminate', { session_id: sessionId })).toMatchObject({ should_terminate: true, reason: 'a termination request is pending: done for today' });

    // The monitor is live: a new turn of the real client shows up in the next answer.
    const second = await claude.prompt('a second turn', { model: MODEL, resume: sessionId });
    expectSuccess(second);
    const now = anthropicContext(server.state.exchanges.filter((e) => e.kind === 'main').at(-1)!.usage!);
    expect(now).toBeGreaterThan(used);
    const deadline = Date.now() + 15_000;
    while ((await data('get_token_usage', { session_id: sessionId }))['used_tokens'] !== now && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await data('get_token_usage', { session_id: sessionId }))['used_tokens']).toBe(now);
  });

  it('Claude Code, with `claude mcp add headroom`, calls a Headroom tool and gets its answer', async (ctx) => {
    client.skipUnlessReady(ctx);
    const added = await claude.run(['mcp', 'add', 'headroom', '--', process.execPath, ...mcpArgs]);
    expectSuccess(added);
    // The context when the model asks: that of the session's latest answer so far.
    const before = anthropicContext(server.state.exchanges.filter((e) => e.kind === 'main').at(-1)!.usage!);
    server.state.queueReply({ type: 'tool', name: 'mcp__headroom__get_token_usage', input: { session_id: sessionId } });
    const asked = await claude.prompt('how full is your context?', { model: MODEL, resume: sessionId, allowedTools: ['mcp__headroom__get_token_usage'] });
    expectSuccess(asked);
    const transcript = await readClaudeSession(claude.projectsDir, sessionId);
    const results = transcript.lines.flatMap((line) => {
      const content = (line.record['message'] as { content?: unknown } | undefined)?.content;
      return Array.isArray(content) ? (content as { type?: string; content?: unknown }[]).filter((block) => block?.type === 'tool_result') : [];
    });
    // Claude Code keeps the tool's structured answer as the tool_result content.
    const answer = JSON.parse(String(results.at(-1)?.content));
    expect(answer, 'the tool result Claude Code recorded').toEqual({ session_id: sessionId, agent: 'claude-code', project: workspace.project, status: expect.any(String), used_tokens: before, window_tokens: WINDOW, percent: (before / WINDOW) * 100, auto_compact_at_tokens: 167_000, source: 'usage', level: 'ok' });
  });
});
