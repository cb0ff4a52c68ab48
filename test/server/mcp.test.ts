/**
 * `headroom mcp` as an MCP client sees it: the SDK's own Client and StdioClientTransport spawn the built
 * CLI (`node dist/cli/headroom.js mcp`) over a temporary Claude Code folder and data dir; the server runs
 * a real monitor, so a line appended to the transcript shows up in the next answer. Every tool is called,
 * with good and bad input; the round-trip time of a call is measured and printed.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json';
import { SettingsStore } from '../../electron/engine/settings/store';
import { HEADROOM_VERSION } from '../../electron/server/mcp-version';
import { CLI, ensureBuilt } from '../support/cli';
import { tempDir } from '../support/paths';
import { appendClaudeAnswer, claudeTranscript, type ClaudeTranscript } from '../engine/hooks/transcripts';

const dir = tempDir();
const ID = '5e1f0c2a-2222-4bbb-8ccc-000000000001';
let client: Client;
let transcript: ClaudeTranscript;
let dataDir = '';
let project = '';

interface ToolResult {
  isError?: boolean;
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
}

async function call(name: string, args: Record<string, unknown> = {}): Promise<ToolResult> {
  return (await client.callTool({ name, arguments: args })) as ToolResult;
}

async function data(name: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const result = await call(name, args);
  if (result.isError) throw new Error(`${name} failed: ${result.content[0]?.text}`);
  expect(JSON.parse(result.content[0]!.text)).toEqual(result.structuredContent);
  return result.structuredContent!;
}

/** Waits for the server's monitor to see a change this test made to the transcript. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  ensureBuilt();
  project = join(dir.path, 'project');
  mkdirSync(project, { recursive: true });
  dataDir = join(dir.path, 'data');
  // No automatic checkpoints: this test decides when checkpoints are written.
  expect(new SettingsStore(dataDir).set('checkpoint.auto', false).ok).toBe(true);
  const empty = join(dir.path, 'empty');
  mkdirSync(empty);
  transcript = claudeTranscript(join(dir.path, 'claude'), ID, project);
  appendClaudeAnswer(transcript, 100_000, 'claude-sonnet-4-5', new Date().toISOString());
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', '--claude-dir', transcript.root, '--codex-dir', empty, '--gemini-dir', empty, '--data-dir', dataDir],
    stderr: 'pipe',
  });
  client = new Client({ name: 'headroom-test', version: '1.0.0' });
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
  dir.cleanup();
});

describe('headroom mcp over stdio', () => {
  it('lists the seven tools, each with an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['check_should_terminate', 'create_checkpoint', 'get_monitor_status', 'get_token_usage', 'health_check', 'list_sessions', 'request_termination']);
    for (const tool of tools) expect(tool.inputSchema.type).toBe('object');
  });

  it('health_check: up, with the package version', async () => {
    expect(HEADROOM_VERSION).toBe(packageJson.version);
    expect(await data('health_check')).toMatchObject({ ok: true, version: packageJson.version, data_dir: dataDir, sessions: 1, problems: 0 });
  });

  it('list_sessions and get_token_usage (by id, id prefix and folder) give the monitor\'s figures', async () => {
    const listed = await data('list_sessions', { agent: 'claude-code' });
    expect(listed).toMatchObject({ total: 1, sessions: [{ session_id: ID, agent: 'claude-code', project, used_tokens: 100_000, percent: 50, level: 'ok' }] });
    expect(await data('list_sessions', { agent: 'codex' })).toEqual({ total: 0, sessions: [] });

    const usage = { session_id: ID, agent: 'claude-code', project, used_tokens: 100_000, window_tokens: 200_000, percent: 50, auto_compact_at_tokens: 167_000, source: 'usage', level: 'ok' };
    expect(await data('get_token_usage', { session_id: ID })).toMatchObject(usage);
    expect(await data('get_token_usage', { session_id: ID.slice(0, 8) })).toMatchObject(usage);
    expect(await data('get_token_usage', { cwd: join(project, 'src') })).toMatchObject(usage);
  });

  it('answers bad input and unknown sessions with MCP errors that say what is wrong', async () => {
    const unknown = await call('get_token_usage', { session_id: 'ffffffff-0000' });
    expect(unknown).toMatchObject({ isError: true, content: [{ type: 'text', text: 'MCP error -32602: no session with id "ffffffff-0000"' }] });
    const neither = await call('check_should_terminate', {});
    expect(neither.content[0]!.text).toBe('MCP error -32602: give session_id or cwd');
    const wrongType = await call('get_token_usage', { session_id: 42 });
    expect(wrongType.isError).toBe(true);
    expect(wrongType.content[0]!.text).toMatch(/^MCP error -32602: Input validation error: Invalid arguments for tool get_token_usage: .*session_id/s);
    const noReason = await call('request_termination', { session_id: ID, reason: '   ' });
    expect(noReason.isError).toBe(true);
    expect(noReason.content[0]!.text).toMatch(/reason/);
    expect((await data('health_check')).ok).toBe(true);
  });

  it('check_should_terminate follows the live transcript: no at 50 %, yes once it passes 90 %', async () => {
    expect(await data('check_should_terminate', { session_id: ID })).toEqual({ session_id: ID, should_terminate: false, reason: 'context at 50%, below the warning threshold of 70%', level: 'ok', percent: 50, pending_requests: 0 });
    appendClaudeAnswer(transcript, 182_000, 'claude-sonnet-4-5', new Date().toISOString());
    await until(async () => (await data('get_token_usage', { session_id: ID }))['used_tokens'] === 182_000, 'the monitor to read the new answer');
    const verdict = await data('check_should_terminate', { session_id: ID });
    expect(verdict).toMatchObject({ should_terminate: true, level: 'compact-soon', percent: 91 });
    expect(verdict['reason']).toBe('context 182000 tokens is within reach of the auto-compaction point (167000); checkpoint and continue in a fresh session');
  });

  it('create_checkpoint writes one (and reports the cooldown on a second try without force)', async () => {
    const written = await data('create_checkpoint', { session_id: ID, reason: 'before a refactor' });
    expect(written).toMatchObject({ session_id: ID, resume_command: `cd ${project} && claude --resume ${ID}`, context_tokens: 182_000 });
    expect(existsSync(written['markdown_path'] as string)).toBe(true);
    expect(readFileSync(written['json_path'] as string, 'utf8')).toContain('before a refactor');
    const again = await call('create_checkpoint', { session_id: ID });
    expect(again.isError).toBe(true);
    expect(again.content[0]!.text).toMatch(/^MCP error -32600: no checkpoint of 5e1f0c2a-2222-4bbb-8ccc-000000000001 \(cooldown\): last checkpoint 0 min ago/);
    expect(await data('create_checkpoint', { session_id: ID, force: true })).toMatchObject({ session_id: ID });
  });

  it('request_termination records a request the monitor status and the stop check then report', async () => {
    const recorded = await data('request_termination', { cwd: project, reason: 'the context is nearly full', priority: 'immediate' });
    expect(recorded).toMatchObject({ session_id: ID, priority: 'immediate', continuation_command: `cd ${project} && claude --resume ${ID}`, will_end_process: false });
    const request = JSON.parse(readFileSync(recorded['path'] as string, 'utf8'));
    expect(request).toMatchObject({ kind: 'headroom-termination-request', id: recorded['request_id'], sessionId: ID, reason: 'the context is nearly full', priority: 'immediate', source: 'mcp', target: null });

    const status = await data('get_monitor_status');
    expect(status).toMatchObject({ sessions: 1, by_level: { 'compact-soon': 1 }, watching: 'native events', pending_termination_requests: [{ request_id: recorded['request_id'], session_id: ID, priority: 'immediate', reason: 'the context is nearly full', attempts: 0 }] });
    expect(await data('check_should_terminate', { session_id: ID })).toMatchObject({ should_terminate: true, reason: 'a termination request is pending: the context is nearly full', pending_requests: 1 });
  });

  it('answers a call in a few milliseconds (round trip, measured)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const started = performance.now();
      await call('get_token_usage', { session_id: ID });
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const p50 = times[Math.floor(times.length * 0.5)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    process.stderr.write(`[mcp] get_token_usage round trip over stdio: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (40 calls)\n`);
    expect(p50).toBeLessThan(100);
  });
});
