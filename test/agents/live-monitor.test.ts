/**
 * The live path, for real: the Monitor watches one HOME while Claude Code, Codex and Gemini CLI run in
 * it. After every client run the monitor must already show the context the fake server reported (it
 * followed the files as they were written), and at the end its snapshot must equal a cold scan of the
 * same folders — incremental reads and a full read agree.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, Session } from '../../shared/session';
import { Monitor } from '../../electron/engine/monitor';
import { anthropicContext, startFakeAnthropic, type AnthropicServer } from '../realclient/fake/anthropic';
import { startFakeGemini, type GeminiServer } from '../realclient/fake/gemini';
import { startFakeOpenAI, type OpenAIServer } from '../realclient/fake/openai';
import { parseClaudeResult } from '../realclient/conformance/claude';
import { parseThreadId } from '../realclient/conformance/codex';
import { scan } from '../realclient/headroom';
import { ClaudeRunner } from '../realclient/run/claude';
import { CodexRunner } from '../realclient/run/codex';
import { GeminiRunner } from '../realclient/run/gemini';
import type { RunResult } from '../realclient/run/process';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { waitForSessions } from '../realclient/watch';

const clients = [useClient('claude-code'), useClient('codex'), useClient('gemini-cli')] as const;
/** Both the monitor and the cold scan judge running/idle at this instant, so their snapshots compare. */
const NOW = Date.parse('2030-01-01T00:00:00Z');

describe('Live: the monitor follows real clients and ends where a cold scan does', () => {
  let anthropic: AnthropicServer;
  let openai: OpenAIServer;
  let geminiServer: GeminiServer;
  let workspace: Workspace;
  let monitor: Monitor;
  let roots: { claudeDirs: string[]; codexDirs: string[]; geminiDirs: string[]; home: string };

  beforeAll(async () => {
    if (!clients.every((client) => client.ready)) return;
    [anthropic, openai, geminiServer] = await Promise.all([startFakeAnthropic(), startFakeOpenAI(), startFakeGemini()]);
    workspace = await createWorkspace('live');
    const home = workspace.home;
    // The agents' transcript folders do not exist yet: the monitor must pick them up when they appear.
    roots = { claudeDirs: [join(home, '.claude')], codexDirs: [join(home, '.codex')], geminiDirs: [join(home, '.gemini')], home };
    // No process matching: a cold scan has none, and liveness is polled on its own clock.
    monitor = new Monitor({ ...roots, env: {}, now: () => NOW, rootRetryMs: 100, processes: false });
    await monitor.start();
  });

  afterAll(async () => {
    await monitor?.close();
    await Promise.all([anthropic?.close(), openai?.close(), geminiServer?.close()]);
    await workspace?.dispose();
  });

  /** Runs a client, then waits until the monitor shows `agent:id` with exactly the context the fake last reported. */
  async function runAndFollow(agent: Agent, run: () => Promise<RunResult>, idOf: (result: RunResult) => string, expectedUsed: () => number): Promise<Session> {
    const result = await run();
    expectSuccess(result);
    const id = idOf(result);
    const used = expectedUsed();
    const sessions = await waitForSessions(monitor, (all) => all.some((s) => s.agent === agent && s.id === id && s.context.usedTokens === used), `${agent}:${id} at ${used} tokens`);
    return sessions.find((s) => s.agent === agent && s.id === id) as Session;
  }

  it('tracks each run as it happens, and its final snapshot equals a cold scan', async (ctx) => {
    for (const client of clients) client.skipUnlessReady(ctx);
    const [claudeClient, codexClient, geminiClient] = clients;
    const claude = await ClaudeRunner.create({ bin: claudeClient.bin, server: anthropic, workspace });
    const codex = await CodexRunner.create({ bin: codexClient.bin, server: openai, workspace });
    const gemini = await GeminiRunner.create({ bin: geminiClient.bin, server: geminiServer, workspace });
    const lastClaude = () => anthropicContext(anthropic.state.exchanges.at(-1)?.usage ?? { input_tokens: -1, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 });
    const lastCodex = () => openai.state.exchanges.at(-1)?.usage?.total_tokens ?? -1;
    const lastGemini = () => geminiServer.state.exchanges.findLast((exchange) => exchange.kind === 'main')?.usage?.promptTokenCount ?? -1;
    const claudeId = (result: RunResult) => parseClaudeResult(result.stdout).sessionId;
    const codexId = (result: RunResult) => parseThreadId(result.stdout + result.stderr);
    const geminiId = (result: RunResult) => String((JSON.parse(result.stdout) as { session_id?: string }).session_id);

    const first = await runAndFollow('claude-code', () => claude.prompt('hello'), claudeId, lastClaude);
    const id = first.id;
    await runAndFollow('claude-code', () => claude.prompt('please TOOL:BASH echo live-bash', { resume: id, allowedTools: ['Bash'] }), claudeId, lastClaude);
    const withAgent = await runAndFollow('claude-code', () => claude.prompt('TOOL:AGENT say hi from the subagent', { resume: id, allowedTools: ['Agent'] }), claudeId, lastClaude);
    expect(withAgent.files, 'the subagent file joined the session live').toHaveLength(2);

    const thread = await runAndFollow('codex', () => codex.exec('hello'), codexId, lastCodex);
    await runAndFollow('codex', () => codex.exec('please TOOL:SHELL echo live-shell', { resume: thread.id }), codexId, lastCodex);

    await runAndFollow('gemini-cli', () => gemini.prompt('hello'), geminiId, lastGemini);
    await runAndFollow('gemini-cli', () => gemini.prompt('please TOOL:SHELL echo live-shell', { resume: true, yolo: true }), geminiId, lastGemini);

    const byKey = (sessions: Session[]) => [...sessions].sort((a, b) => `${a.agent}:${a.id}`.localeCompare(`${b.agent}:${b.id}`));
    const live = byKey(monitor.sessions());
    const cold = byKey((await scanWithNow()).sessions);
    expect(live.map((s) => `${s.agent}:${s.activity.toolCalls}`), 'one session per client, each with its tool calls').toEqual(['claude-code:2', 'codex:1', 'gemini-cli:1']);
    expect(live, 'the live snapshot equals a cold scan of the same folders').toEqual(cold);
  });

  function scanWithNow() {
    return scan(roots, () => NOW);
  }
});
