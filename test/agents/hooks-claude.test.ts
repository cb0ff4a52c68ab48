/**
 * Headroom's hooks inside the real Claude Code, offline against the fake Anthropic server: installed
 * with `headroom hooks install` into the scenario's own config folder, then fired by Claude Code itself —
 * SessionStart/SessionEnd register the claude process, a real Bash tool call runs the PostToolUse usage
 * check (its warning is given to the model once; at critical a termination request names the
 * claude process), and a real `/compact` runs PreCompact, which leaves a checkpoint in the data dir.
 * That the warning reaches the model is read from Claude Code's own record of it: the
 * `hook_additional_context` attachment it writes to the transcript.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRequests } from '../../electron/engine/termination/store';
import { runCli } from '../cli/run-cli';
import { parseClaudeResult, readClaudeSession } from '../realclient/conformance/claude';
import { anthropicContext, startFakeAnthropic, type AnthropicServer } from '../realclient/fake/anthropic';
import { ClaudeRunner, type PromptOptions } from '../realclient/run/claude';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { field } from '../realclient/transcript';

const client = useClient('claude-code');
/** 200k window, so a warning needs only 150k tokens of fake usage. */
const MODEL = 'claude-sonnet-4-5';

describe('Headroom hooks in the real Claude Code', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;
  let dataDir = '';
  let sessionId = '';
  let critical: Awaited<ReturnType<typeof step>> | null = null;

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('hooks-claude');
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace, settings: { theme: 'dark' } });
    dataDir = join(workspace.root, 'headroom-data');
    const installed = runCli(['hooks', 'install', '--agent', 'claude-code', '--config-dir', claude.configDir, '--data-dir', dataDir]);
    expect(installed.status, installed.stderr).toBe(0);
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  async function step(prompt: string, options: PromptOptions = {}) {
    const mark = server.state.exchanges.length;
    const result = await claude.prompt(prompt, { model: MODEL, ...options });
    expectSuccess(result);
    return { ...parseClaudeResult(result.stdout), exchanges: server.state.exchanges.slice(mark) };
  }

  /** The hook attachments of one type Claude Code wrote to the session's transcript. */
  async function hookAttachments(type: string): Promise<Record<string, unknown>[]> {
    const transcript = await readClaudeSession(claude.projectsDir, sessionId);
    return transcript.lines.map((line) => line.record['attachment']).filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && (a as Record<string, unknown>)['type'] === type);
  }

  const registry = async () => JSON.parse(await readFile(join(dataDir, 'sessions', 'claude-code', `${sessionId}.json`), 'utf8'));
  const hooksLog = () => readFile(join(dataDir, 'logs', 'hooks.log'), 'utf8').catch(() => '');

  it('SessionStart and SessionEnd register the claude process that ran the session', async (ctx) => {
    client.skipUnlessReady(ctx);
    const settings = JSON.parse(await readFile(join(claude.configDir, 'settings.json'), 'utf8'));
    expect(settings.theme, 'install kept the user settings').toBe('dark');
    sessionId = (await step('hello')).sessionId;
    const entry = await registry();
    expect(entry, await hooksLog()).toMatchObject({ sessionId, agent: 'claude-code', cwd: workspace.project, source: 'startup', endReason: 'other' });
    expect(entry.process.pid).toBeGreaterThan(1);
    expect(entry.process.startKey).toMatch(/^\d+$/);
    expect(entry.endedAt).not.toBeNull();
  });

  it('a real Bash call runs the PostToolUse check: at 75 % the warning is handed to the model once', async (ctx) => {
    client.skipUnlessReady(ctx);
    // The answer that asks for the tool reports 150,000 tokens of context: 75 % of 200k.
    server.state.queueUsage({ input_tokens: 5, cache_creation_input_tokens: 10_000, cache_read_input_tokens: 139_995, output_tokens: 40 });
    const bash = await step('please TOOL:BASH echo headroom-hook', { resume: sessionId, allowedTools: ['Bash'] });
    expect(bash.exchanges.filter((e) => e.kind === 'main')).toHaveLength(2);
    const warning = `Headroom: context at 75% (150,000 of 200,000 tokens), past the 70% warning. Keep the remaining work compact; to save progress run: headroom checkpoint ${sessionId}`;
    // Claude Code records what a hook added to the model's context as a hook_additional_context attachment.
    expect(await hookAttachments('hook_additional_context'), await hooksLog()).toEqual([{ type: 'hook_additional_context', content: [warning], hookName: 'PostToolUse:Bash', toolUseID: expect.any(String), hookEvent: 'PostToolUse' }]);
    expect((await hookAttachments('hook_system_message')).map((a) => a['content'])).toEqual([warning]);
    const state = JSON.parse(await readFile(join(dataDir, 'hooks', 'state', 'claude-code', `${sessionId}.json`), 'utf8'));
    expect(state).toEqual({ warnedLevel: 'warning', extendedContext: false });

    // The next tool call at the same level tells the model nothing new.
    server.state.queueUsage({ input_tokens: 5, cache_creation_input_tokens: 1_000, cache_read_input_tokens: 150_995, output_tokens: 40 });
    await step('please TOOL:BASH echo still-warning', { resume: sessionId, allowedTools: ['Bash'] });
    expect(await hookAttachments('hook_additional_context')).toHaveLength(1);
  });

  it('at critical the check records a termination request naming the claude process', async (ctx) => {
    client.skipUnlessReady(ctx);
    // 185,000 of 200k: past critical and within reach of Claude Code's auto-compaction point.
    server.state.queueUsage({ input_tokens: 5, cache_creation_input_tokens: 10_000, cache_read_input_tokens: 174_995, output_tokens: 40 });
    critical = await step('please TOOL:BASH echo headroom-critical', { resume: sessionId, allowedTools: ['Bash'] });
    const [stored, ...more] = listRequests(dataDir).requests;
    expect(more).toEqual([]);
    expect(stored?.request, await hooksLog()).toMatchObject({ sessionId, agent: 'claude-code', priority: 'graceful', source: 'hook', reason: 'context compact-soon at 92% (185,000 of 200,000 tokens)', continuationCommand: `cd ${workspace.project} && claude --resume ${sessionId}` });
    // The same run's SessionStart registered the same process.
    expect(stored?.request.target).toEqual((await registry()).process);
  });

  it('a real /compact runs PreCompact, which writes a checkpoint before the context is summarised', async (ctx) => {
    client.skipUnlessReady(ctx);
    const compact = await step('/compact', { resume: sessionId });
    expect(compact.exchanges.map((e) => e.kind)).toEqual(['compaction']);
    const dir = join(dataDir, 'checkpoints', 'claude-code', sessionId);
    const records = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    expect(records, await hooksLog()).toHaveLength(1);
    const checkpoint = JSON.parse(await readFile(join(dir, records[0]!), 'utf8'));
    // The context captured is that of the last answer before /compact (the one after the critical tool call).
    const last = critical?.exchanges.filter((e) => e.kind === 'main').at(-1);
    expect(checkpoint.record).toMatchObject({ sessionId, agent: 'claude-code', reason: 'before compaction (manual)', contextTokens: anthropicContext(last!.usage!) });
    const transcript = await readClaudeSession(claude.projectsDir, sessionId);
    const boundary = transcript.lines.find((line) => line.record['type'] === 'system' && line.record['subtype'] === 'compact_boundary');
    expect(field(boundary!.record, 'compactMetadata.trigger')).toBe('manual');
    expect(Date.parse(checkpoint.record.createdAt)).toBeLessThanOrEqual(Date.parse(String(boundary!.record['timestamp'])));
  });

  it('uninstall leaves the settings as they were', async (ctx) => {
    client.skipUnlessReady(ctx);
    expect(runCli(['hooks', 'uninstall', '--agent', 'claude-code', '--config-dir', claude.configDir]).status).toBe(0);
    expect(JSON.parse(await readFile(join(claude.configDir, 'settings.json'), 'utf8'))).toEqual({ theme: 'dark' });
  });
});
