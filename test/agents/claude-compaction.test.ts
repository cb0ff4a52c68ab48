/**
 * Claude Code compacting on its own, for real, with `claude-sonnet-4-5` (a 200k window): proactive
 * auto-compaction once the context passes the threshold of a configured 200k auto-compact window, and
 * the reactive path where the API answers "prompt is too long" and Claude Code compacts and retries.
 * Headroom must show the window and percent Claude Code uses, one compaction, and the context of the
 * first answer after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/session';
import { assistantLine, compactBoundaries, expectedClaudeTokens, parseClaudeResult, readClaudeSession, usageProblems, type ClaudeTranscript } from '../realclient/conformance/claude';
import { anthropicContext, startFakeAnthropic, type AnthropicServer, type AnthropicUsage } from '../realclient/fake/anthropic';
import type { Exchange } from '../realclient/fake/state';
import { scanSession } from '../realclient/headroom';
import { ClaudeRunner, type PromptOptions } from '../realclient/run/claude';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { where } from '../realclient/transcript';

const client = useClient('claude-code');
const MODEL = 'claude-sonnet-4-5';
/** Claude Code's documented window for Sonnet 4.5 without the 1M tier. */
const WINDOW = 200_000;

describe('Claude Code compacts on its own (claude-sonnet-4-5, 200k window)', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('claude-compact');
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace });
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  async function step(prompt: string, options: PromptOptions) {
    const mark = server.state.exchanges.length;
    const result = await claude.prompt(prompt, { model: MODEL, ...options });
    expectSuccess(result);
    return { ...parseClaudeResult(result.stdout), exchanges: server.state.exchanges.slice(mark) };
  }

  async function observe(sessionId: string): Promise<{ transcript: ClaudeTranscript; session: Session; exchanges: Exchange<AnthropicUsage>[] }> {
    const exchanges = server.state.exchanges.filter((exchange) => exchange.conversation.startsWith(`${sessionId}:`));
    const transcript = await readClaudeSession(claude.projectsDir, sessionId);
    expect(usageProblems(transcript, exchanges), 'every answer of the fake must be in the transcript with its usage').toEqual([]);
    const session = await scanSession({ claudeDirs: [claude.configDir], home: workspace.home }, 'claude-code', sessionId);
    return { transcript, session, exchanges };
  }

  /** Context, window and percent exactly as Claude Code counts them for the answer `last`. */
  function expectContext(session: Session, transcript: ClaudeTranscript, last: Exchange<AnthropicUsage> | undefined): void {
    if (last?.usage == null) throw new Error('the step produced no main answer');
    const used = anthropicContext(last.usage);
    expect(session.context.usedTokens, `context.usedTokens must be input + cache_creation + cache_read of ${where(assistantLine(transcript, last))}`).toBe(used);
    expect(session.context.windowTokens, `context.windowTokens for ${MODEL}`).toBe(WINDOW);
    expect(session.context.percent).toBe((used / WINDOW) * 100);
  }

  it('auto-compacts past the threshold of a 200k auto-compact window; Headroom counts it and shows the fresh context', async (ctx) => {
    client.skipUnlessReady(ctx);
    const env = { CLAUDE_CODE_AUTO_COMPACT_WINDOW: String(WINDOW) };
    const first = await step('hello', { env });
    expect(first.contextWindow, 'Claude Code reports the Sonnet 4.5 window').toBe(WINDOW);

    // 170,000 tokens: past the 167,000 threshold (window − 20k output reserve − 13k), below the 177k block.
    server.state.queueUsage({ input_tokens: 5, cache_creation_input_tokens: 30_000, cache_read_input_tokens: 139_995, output_tokens: 50 });
    const big = await step('a turn that fills the context', { resume: first.sessionId, env });
    let { transcript, session } = await observe(first.sessionId);
    expectContext(session, transcript, big.exchanges.at(-1));
    expect(session.context.percent).toBe(85);
    expect(session.context.compactions).toBe(0);

    const next = await step('the next prompt compacts first', { resume: first.sessionId, env });
    expect(next.exchanges.map((exchange) => exchange.kind), 'Claude Code summarised before answering').toEqual(['compaction', 'main']);
    const after = await observe(first.sessionId);
    ({ transcript, session } = after);
    const boundaries = compactBoundaries(transcript);
    expect(boundaries.map((boundary) => boundary.trigger), 'one system/compact_boundary record with trigger "auto"').toEqual(['auto']);
    expect(session.context.compactions).toBe(1);
    expectContext(session, transcript, next.exchanges.at(-1));
    expect(session.tokens).toEqual(expectedClaudeTokens(after.exchanges));
  });

  it('recovers from "prompt is too long" by compacting; Headroom counts the compaction and the retried answer', async (ctx) => {
    client.skipUnlessReady(ctx);
    const first = await step('hello', {});
    await step('a second turn', { resume: first.sessionId });
    server.state.queueError('prompt is too long: 210000 tokens > 200000 maximum');
    const retried = await step('this prompt is refused as too long', { resume: first.sessionId });
    expect(retried.exchanges.map((exchange) => exchange.error === null ? exchange.kind : 'error'), 'refused, compacted, retried').toEqual(['error', 'compaction', 'main']);

    const { transcript, session, exchanges } = await observe(first.sessionId);
    const boundaries = compactBoundaries(transcript);
    expect(boundaries.map((boundary) => boundary.trigger), 'reactive compaction is recorded as trigger "auto"').toEqual(['auto']);
    expect(session.context.compactions).toBe(1);
    expectContext(session, transcript, retried.exchanges.at(-1));
    expect(session.tokens, 'the refused request has no usage and adds nothing').toEqual(expectedClaudeTokens(exchanges));
  });
});
