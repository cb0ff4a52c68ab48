/**
 * Codex CLI, for real: one thread over four `codex exec` runs (a shell call, `resume --last`,
 * `resume <id>`, auto-compaction at a 70k limit), and after each run Headroom's numbers compared with
 * the usage the fake Responses server reported — Headroom's percent must be the "% context left" Codex
 * itself shows, subtracted from 100.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/session';
import { codexPercentLeft, expectedCodexTokens, lastTokenCount, parseThreadId, readRollout, tokenCountLine, usageProblems } from '../realclient/conformance/codex';
import { startFakeOpenAI, type OpenAIServer, type OpenAIUsage } from '../realclient/fake/openai';
import type { Exchange } from '../realclient/fake/state';
import { scan, sessionIn } from '../realclient/headroom';
import { CodexRunner } from '../realclient/run/codex';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { field, where, type TranscriptLine } from '../realclient/transcript';

const client = useClient('codex');
/** gpt-5.5 in Codex's bundled catalogue: 272,000 tokens, of which Codex uses 95 %. */
const WINDOW = 258_400;
/** Low enough that the fourth prompt finds 80k in context and compacts first. */
const COMPACT_LIMIT = 70_000;

describe('Codex CLI: one thread with a shell call, resume and auto-compaction', () => {
  let server: OpenAIServer;
  let workspace: Workspace;
  let codex: CodexRunner;
  let threadId = '';

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeOpenAI();
    workspace = await createWorkspace('codex');
    codex = await CodexRunner.create({ bin: client.bin, server, workspace, model: 'gpt-5.5' });
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  async function step(prompt: string, resume?: string) {
    const mark = server.state.exchanges.length;
    const result = await codex.exec(prompt, { resume, config: { model_auto_compact_token_limit: COMPACT_LIMIT } });
    expectSuccess(result);
    const output = result.stdout + result.stderr;
    if (resume !== undefined) expect(parseThreadId(output), 'resume continues the same thread').toBe(threadId);
    return { output, exchanges: server.state.exchanges.slice(mark) };
  }

  async function observe(): Promise<{ lines: TranscriptLine[]; file: string; session: Session; sessions: Session[] }> {
    const { file, lines } = await readRollout(codex.sessionsDir, threadId);
    const exchanges = server.state.exchanges.filter((exchange) => exchange.conversation === threadId);
    expect(usageProblems(lines, exchanges), 'every answer of the fake must be in the rollout as a token_count').toEqual([]);
    const report = await scan({ codexDirs: [codex.codexHome], home: workspace.home });
    const session = sessionIn(report, 'codex', threadId);
    expect(session.tokens, 'tokens: every answer of the thread, compaction call included').toEqual(expectedCodexTokens(exchanges));
    return { lines, file, session, sessions: report.sessions };
  }

  /** Context as Codex shows it: last_token_usage.total_tokens against the effective window, 100 − "% left". */
  function expectContext(session: Session, lines: TranscriptLine[], last: Exchange<OpenAIUsage> | undefined): void {
    if (last?.usage == null) throw new Error('the step produced no answer');
    const used = last.usage.total_tokens;
    const line = tokenCountLine(lines, last);
    const newest = lastTokenCount(lines);
    expect(field(newest.record, 'payload.info.model_context_window'), `${where(newest)}: info.model_context_window for gpt-5.5`).toBe(WINDOW);
    expect(session.context.usedTokens, `context.usedTokens must be info.last_token_usage.total_tokens of ${where(line)}`).toBe(used);
    expect(session.context.windowTokens, `context.windowTokens must be info.model_context_window of ${where(newest)}`).toBe(WINDOW);
    const left = codexPercentLeft(used, WINDOW);
    expect(Math.round(session.context.percent ?? Number.NaN), `Codex shows ${left}% context left for ${used} of ${WINDOW}`).toBe(100 - left);
    const effective = WINDOW - 12_000;
    expect(session.context.percent, 'unrounded: the share of the effective window above the 12k baseline').toBe(100 - Math.min(100, Math.max(0, ((effective - Math.max(0, used - 12_000)) / effective) * 100)));
  }

  it('tracks turns, a shell call and both kinds of resume in one rollout', async (ctx) => {
    client.skipUnlessReady(ctx);
    const first = await step('hello');
    threadId = parseThreadId(first.output);
    expect(first.exchanges.map((exchange) => exchange.conversation), 'Codex sends its thread id as prompt_cache_key').toEqual([threadId]);
    let { lines, session } = await observe();
    expectContext(session, lines, first.exchanges.at(-1));
    expect(session.activity.toolCalls).toBe(0);

    const shell = await step('please TOOL:SHELL echo headroom-shell', 'last');
    expect(shell.output).toContain('headroom-shell');
    ({ lines, session } = await observe());
    expectContext(session, lines, shell.exchanges.at(-1));
    expect(session.activity.toolCalls).toBe(1);
    expect(session.details.toolCounts).toEqual({ exec_command: 1 });

    const third = await step('a third turn', threadId);
    const observed = await observe();
    expectContext(observed.session, observed.lines, third.exchanges.at(-1));
    expect(observed.session.files, 'resumed runs append to one rollout').toEqual([observed.file]);
    expect(observed.sessions.map((candidate) => candidate.id)).toEqual([threadId]);
    expect(observed.session.context.compactions, 'a turn that ends above the limit is compacted only before the next one').toBe(0);
  });

  it('auto-compacts before the next prompt once past model_auto_compact_token_limit', async (ctx) => {
    client.skipUnlessReady(ctx);
    const fourth = await step('the fourth prompt compacts first', threadId);
    expect(fourth.output).toContain('context compacted');
    expect(fourth.exchanges.map((exchange) => exchange.kind), 'Codex summarised, then answered').toEqual(['compaction', 'main']);
    const { lines, session } = await observe();
    const compacted = lines.filter((line) => line.record['type'] === 'compacted');
    expect(compacted.map(where), 'one compacted record').toHaveLength(1);
    expect(session.context.compactions).toBe(1);
    expect(fourth.exchanges.at(-1)?.turn, 'the compacted thread starts over at the fake').toBe(1);
    expectContext(session, lines, fourth.exchanges.at(-1));
  });
});
