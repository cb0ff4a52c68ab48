/**
 * Claude Code, for real: one session grown prompt by prompt (a Bash and a Write call, `--resume`,
 * `--continue`, a subagent, a manual `/compact`), and after every step Headroom's numbers for it compared
 * with the usage the fake Anthropic server reported. Every transcript record the numbers come from is
 * checked first, so a format change fails naming the record that changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/session';
import { assistantLine, compactBoundaries, expectedClaudeTokens, parseClaudeResult, readClaudeSession, usageProblems, type ClaudeTranscript } from '../realclient/conformance/claude';
import { anthropicContext, startFakeAnthropic, type AnthropicServer, type AnthropicUsage } from '../realclient/fake/anthropic';
import type { Exchange } from '../realclient/fake/state';
import { scan, sessionIn } from '../realclient/headroom';
import { ClaudeRunner, type PromptOptions } from '../realclient/run/claude';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { field, where } from '../realclient/transcript';

const client = useClient('claude-code');

describe('Claude Code: one session from the first prompt to a manual /compact', () => {
  let server: AnthropicServer;
  let workspace: Workspace;
  let claude: ClaudeRunner;
  let sessionId = '';
  /** The window Claude Code itself reported for the session's model. */
  let window = 0;
  /** Context after each step, to show it grows. */
  const contexts: number[] = [];

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeAnthropic();
    workspace = await createWorkspace('claude');
    claude = await ClaudeRunner.create({ bin: client.bin, server, workspace });
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  /** Runs one `claude -p` and returns the fake's answers during it. */
  async function step(prompt: string, options: PromptOptions = {}) {
    const mark = server.state.exchanges.length;
    const result = await claude.prompt(prompt, options);
    expectSuccess(result);
    return { result, exchanges: server.state.exchanges.slice(mark) };
  }

  const sessionExchanges = (): Exchange<AnthropicUsage>[] => server.state.exchanges.filter((exchange) => exchange.conversation.startsWith(`${sessionId}:`));

  /** The transcript (every fake answer checked to be in it, usage intact) and Headroom's session. */
  async function observe(): Promise<{ transcript: ClaudeTranscript; session: Session; sessions: Session[] }> {
    const transcript = await readClaudeSession(claude.projectsDir, sessionId);
    expect(usageProblems(transcript, sessionExchanges()), 'every answer of the fake must be in the transcript with its usage').toEqual([]);
    const report = await scan({ claudeDirs: [claude.configDir], home: workspace.home });
    return { transcript, session: sessionIn(report, 'claude-code', sessionId), sessions: report.sessions };
  }

  /** Headroom's context must be the step's final main-thread answer, exactly as Claude Code counts it. */
  function expectContext(session: Session, transcript: ClaudeTranscript, last: Exchange<AnthropicUsage> | undefined): void {
    if (last?.usage == null) throw new Error('the step produced no main answer');
    const line = assistantLine(transcript, last);
    const used = anthropicContext(last.usage);
    expect(session.context.usedTokens, `context.usedTokens must be input + cache_creation + cache_read of ${where(line)}`).toBe(used);
    expect(session.context.windowTokens, `context.windowTokens must be Claude Code's own contextWindow for ${String(field(line.record, 'message.model'))}`).toBe(window);
    expect(session.context.percent, 'context.percent = usedTokens / windowTokens × 100').toBe((used / window) * 100);
    expect(session.tokens, 'tokens: the sum of every main answer the fake gave in this session').toEqual(expectedClaudeTokens(sessionExchanges()));
    contexts.push(used);
  }

  it('grows the context turn by turn; --resume and --continue append to the same session', async (ctx) => {
    client.skipUnlessReady(ctx);
    const first = await step('hello');
    const result = parseClaudeResult(first.result.stdout);
    sessionId = result.sessionId;
    window = result.contextWindow ?? 0;
    let { transcript, session } = await observe();
    expectContext(session, transcript, first.exchanges.at(-1));
    expect(session.activity.toolCalls).toBe(0);

    const bash = await step('please TOOL:BASH echo headroom-bash', { resume: sessionId, allowedTools: ['Bash'] });
    expect(parseClaudeResult(bash.result.stdout).sessionId, '--resume must continue the same session').toBe(sessionId);
    ({ transcript, session } = await observe());
    expectContext(session, transcript, bash.exchanges.at(-1));
    expect(session.details.toolCounts).toEqual({ Bash: 1 });

    const target = join(workspace.project, 'notes.txt');
    const write = await step(`TOOL:WRITE ${target} written through the fake model`, { continue: true, allowedTools: ['Write'] });
    expect(parseClaudeResult(write.result.stdout).sessionId, '--continue must continue the same session').toBe(sessionId);
    expect(await readFile(target, 'utf8')).toBe('written through the fake model');
    ({ transcript, session } = await observe());
    expectContext(session, transcript, write.exchanges.at(-1));
    expect(session.activity.toolCalls).toBe(2);
    expect(session.details.toolCounts).toEqual({ Bash: 1, Write: 1 });
    expect(session.activity.filesModified).toBe(1);
    expect(session.details.filesModified).toEqual([target]);
    expect(session.files, 'resumed and continued runs append to one transcript').toEqual([transcript.main]);
    expect(contexts, 'context grows with every answer').toEqual([...contexts].sort((a, b) => a - b));
  });

  // Claude Code runs its default claude-opus-4-8 (and reports it) with the 1M window.
  it('reports the window Claude Code itself uses for its default model', async (ctx) => {
    client.skipUnlessReady(ctx);
    const { transcript, session } = await observe();
    const model = transcript.lines.map((line) => field(line.record, 'message.model')).findLast((value) => typeof value === 'string');
    expect(window, 'claude -p reported modelUsage.*.contextWindow').toBeGreaterThan(0);
    expect(session.context.windowTokens, `context.windowTokens must be Claude Code's own contextWindow for ${String(model)}`).toBe(window);
    expect(session.context.percent).toBe(((contexts.at(-1) ?? Number.NaN) / window) * 100);
  });

  it('counts a subagent once, inside its parent session', async (ctx) => {
    client.skipUnlessReady(ctx);
    const agent = await step('TOOL:AGENT say hi from the subagent', { resume: sessionId, allowedTools: ['Agent'] });
    const parentThread = agent.exchanges[0]?.conversation;
    const subagentAnswers = agent.exchanges.filter((exchange) => exchange.conversation !== parentThread);
    expect(subagentAnswers, 'the subagent made its own model call').toHaveLength(1);

    const { transcript, session, sessions } = await observe();
    expect(transcript.subagents, 'Claude Code writes the subagent to <session>/subagents/agent-*.jsonl').toHaveLength(1);
    const subagentLine = assistantLine(transcript, subagentAnswers[0] as Exchange<AnthropicUsage>);
    expect(subagentLine.file, `${where(subagentLine)} should be in the subagent file`).toBe(transcript.subagents[0]);
    expect(field(subagentLine.record, 'isSidechain'), `${where(subagentLine)}: isSidechain`).toBe(true);

    expect(sessions.map((candidate) => candidate.id), 'the subagent is part of its parent, not a session of its own').toEqual([sessionId]);
    expect(session.files).toEqual([transcript.main, transcript.subagents[0]]);
    // expectContext also checks the tokens: the subagent's answer counted exactly once.
    expectContext(session, transcript, agent.exchanges.at(-1));
    expect(session.details.toolCounts).toEqual({ Bash: 1, Write: 1, Agent: 1 });
  });

  it('drops the context to the post-compaction figure after a manual /compact, and counts one compaction', async (ctx) => {
    client.skipUnlessReady(ctx);
    const before = contexts.at(-1) ?? 0;
    const compact = await step('/compact', { resume: sessionId });
    expect(compact.exchanges.map((exchange) => exchange.kind), 'the fake recognised Claude Code\'s summary request').toEqual(['compaction']);

    let { transcript, session } = await observe();
    const boundaries = compactBoundaries(transcript);
    expect(boundaries, 'one system/compact_boundary record').toHaveLength(1);
    const boundary = boundaries[0] as (typeof boundaries)[number];
    expect(boundary.trigger, `${where(boundary.line)}: compactMetadata.trigger`).toBe('manual');
    expect(session.context.compactions).toBe(1);
    expect(session.context.usedTokens, `context.usedTokens must be compactMetadata.postTokens of ${where(boundary.line)}`).toBe(boundary.postTokens);
    expect(boundary.postTokens).toBeLessThan(before);
    expect(session.context.percent).toBe((boundary.postTokens / window) * 100);
    expect(session.tokens, 'the summary call is not in the transcript, so spend is unchanged').toEqual(expectedClaudeTokens(sessionExchanges()));

    const after = await step('one more turn after the compaction', { resume: sessionId });
    ({ transcript, session } = await observe());
    expect(after.exchanges.at(-1)?.turn, 'the compacted conversation starts over at the fake').toBe(1);
    expectContext(session, transcript, after.exchanges.at(-1));
    expect(session.context.compactions).toBe(1);
  });
});
