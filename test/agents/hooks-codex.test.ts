/**
 * Headroom's hooks inside the real Codex CLI, offline against the fake Responses server: installed with
 * `headroom hooks install --agent codex` into the scenario's CODEX_HOME (`hooks.json`), trusted for the
 * unattended runs with `--dangerously-bypass-hook-trust`. SessionStart registers the codex process, a
 * real shell call runs the PostToolUse usage check (Codex's % of its effective window; the warning reaches
 * the model as the developer message Codex makes of a hook's additionalContext), and an
 * auto-compaction (past `model_auto_compact_token_limit`) runs PreCompact, which writes a checkpoint.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli';
import { parseThreadId, readRollout } from '../realclient/conformance/codex';
import { openAIUsage, startFakeOpenAI, type OpenAIServer } from '../realclient/fake/openai';
import { CodexRunner } from '../realclient/run/codex';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { field } from '../realclient/transcript';

const client = useClient('codex');
/** gpt-5.5: 272k × 95 %, what Codex records as model_context_window. */
const WINDOW = 258_400;
/** The shell step stays below this; the compaction step lowers it so Codex compacts before answering. */
const NO_COMPACTION = 1_000_000;
const COMPACT_LIMIT = 50_000;

describe('Headroom hooks in the real Codex CLI', () => {
  let server: OpenAIServer;
  let workspace: Workspace;
  let codex: CodexRunner;
  let dataDir = '';
  let threadId = '';

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeOpenAI();
    workspace = await createWorkspace('hooks-codex');
    codex = await CodexRunner.create({ bin: client.bin, server, workspace, model: 'gpt-5.5' });
    dataDir = join(workspace.root, 'headroom-data');
    const installed = runCli(['hooks', 'install', '--agent', 'codex', '--config-dir', codex.codexHome, '--data-dir', dataDir]);
    expect(installed.status, installed.stderr).toBe(0);
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  async function exec(prompt: string, resume?: string, compactLimit = NO_COMPACTION) {
    const mark = server.state.exchanges.length;
    const args = ['exec', '--skip-git-repo-check', '--dangerously-bypass-hook-trust', '-c', `model_auto_compact_token_limit=${compactLimit}`];
    if (resume) args.push('resume', resume);
    const result = await codex.run([...args, prompt]);
    expectSuccess(result);
    return { output: result.stdout + result.stderr, exchanges: server.state.exchanges.slice(mark) };
  }

  const hooksLog = () => readFile(join(dataDir, 'logs', 'hooks.log'), 'utf8').catch(() => '(no hooks log)');

  it('SessionStart registers the codex process running the thread', async (ctx) => {
    client.skipUnlessReady(ctx);
    const first = await exec('hello');
    threadId = parseThreadId(first.output);
    const entry = JSON.parse(await readFile(join(dataDir, 'sessions', 'codex', `${threadId}.json`), 'utf8').catch(async () => `{"missing":${JSON.stringify(await hooksLog())}}`));
    expect(entry).toMatchObject({ sessionId: threadId, agent: 'codex', cwd: workspace.project, source: 'startup' });
    expect(entry.process.pid).toBeGreaterThan(1);
    expect(entry.process.startKey).toMatch(/^\d+$/);
  });

  it('a real shell call runs the PostToolUse check against Codex\'s own window', async (ctx) => {
    client.skipUnlessReady(ctx);
    // The answer that calls the shell: 190,000 tokens, 72 % of Codex's effective window above its 12k baseline.
    server.state.queueUsage(openAIUsage(189_950, 150_000, 50, 8));
    await exec('TOOL:SHELL echo headroom-codex', threadId);
    const state = JSON.parse(await readFile(join(dataDir, 'hooks', 'state', 'codex', `${threadId}.json`), 'utf8').catch(async () => `{"missing":${JSON.stringify(await hooksLog())}}`));
    expect(state).toEqual({ warnedLevel: 'warning', extendedContext: false });
    const percent = Math.floor(((190_000 - 12_000) / (WINDOW - 12_000)) * 100);
    const warning = `Headroom: context at ${percent}% (190,000 of ${WINDOW.toLocaleString('en-US')} tokens), past the 70% warning. Keep the remaining work compact; to save progress run: headroom checkpoint ${threadId}`;
    // Codex hands a hook's additionalContext to the model as a developer message, marked as such.
    const { lines } = await readRollout(codex.sessionsDir, threadId);
    const handed = lines.filter((line) => field(line.record, 'payload.role') === 'developer' && JSON.stringify(field(line.record, 'payload.internal_chat_message_metadata_passthrough.content_item_kinds')) === '["hooks.additional_context"]');
    expect(handed.map((line) => field(line.record, 'payload.content')), await hooksLog()).toEqual([[{ type: 'input_text', text: warning }]]);
  });

  it('an auto-compaction runs PreCompact, which writes a checkpoint first', async (ctx) => {
    client.skipUnlessReady(ctx);
    const next = await exec('the next prompt compacts first', threadId, COMPACT_LIMIT);
    expect(next.exchanges.map((e) => e.kind)).toEqual(['compaction', 'main']);
    const dir = join(dataDir, 'checkpoints', 'codex', threadId);
    const records = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
    expect(records, await hooksLog()).toHaveLength(1);
    const checkpoint = JSON.parse(await readFile(join(dir, records[0]!), 'utf8'));
    expect(checkpoint.record).toMatchObject({ sessionId: threadId, agent: 'codex', reason: 'before compaction (auto)' });
  });
});
