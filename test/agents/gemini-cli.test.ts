/**
 * Gemini CLI, for real: one chat over three runs (`--resume latest`, a shell call with `--yolo`), and
 * after each run Headroom's numbers compared with the usage the fake Gemini server reported — the
 * percent must be the "% used" Gemini CLI shows (prompt tokens / its token limit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/session';
import { GEMINI_TOKEN_LIMIT, expectedGeminiTokens, geminiLine, readChat, usageProblems } from '../realclient/conformance/gemini';
import { startFakeGemini, type GeminiServer, type GeminiUsage } from '../realclient/fake/gemini';
import type { Exchange } from '../realclient/fake/state';
import { scan, sessionIn } from '../realclient/headroom';
import { GeminiRunner } from '../realclient/run/gemini';
import { createWorkspace, type Workspace } from '../realclient/run/workspace';
import { expectSuccess, useClient } from '../realclient/suite';
import { where } from '../realclient/transcript';

const client = useClient('gemini-cli');

describe('Gemini CLI: one chat with turns and a shell call', () => {
  let server: GeminiServer;
  let workspace: Workspace;
  let gemini: GeminiRunner;
  let sessionId = '';

  beforeAll(async () => {
    if (!client.ready) return;
    server = await startFakeGemini();
    workspace = await createWorkspace('gemini');
    gemini = await GeminiRunner.create({ bin: client.bin, server, workspace });
  });

  afterAll(async () => {
    await server?.close();
    await workspace?.dispose();
  });

  async function step(prompt: string, options: { resume?: boolean; yolo?: boolean } = {}) {
    const mark = server.state.exchanges.length;
    const result = await gemini.prompt(prompt, options);
    expectSuccess(result);
    const output = JSON.parse(result.stdout) as { session_id?: string; response?: string };
    return { output, exchanges: server.state.exchanges.slice(mark).filter((exchange) => exchange.kind === 'main') };
  }

  async function observe(mainExchanges: Exchange<GeminiUsage>[]): Promise<{ session: Session; lines: Awaited<ReturnType<typeof readChat>>['lines']; file: string }> {
    const { file, lines } = await readChat(gemini.geminiDir, sessionId);
    expect(usageProblems(lines, mainExchanges), 'every answer of the fake must be in the chat with its token counts').toEqual([]);
    const report = await scan({ geminiDirs: [gemini.geminiDir], home: workspace.home });
    const session = sessionIn(report, 'gemini-cli', sessionId);
    expect(session.tokens, 'tokens: every answer of the chat').toEqual(expectedGeminiTokens(mainExchanges));
    return { session, lines, file };
  }

  function expectContext(session: Session, lines: Awaited<ReturnType<typeof readChat>>['lines'], last: Exchange<GeminiUsage> | undefined): void {
    if (last?.usage == null) throw new Error('the step produced no answer');
    const used = last.usage.promptTokenCount;
    expect(session.context.usedTokens, `context.usedTokens must be tokens.input of ${where(geminiLine(lines, last))}`).toBe(used);
    expect(session.context.windowTokens, 'Gemini CLI divides by tokenLimit(model)').toBe(GEMINI_TOKEN_LIMIT);
    expect(session.context.percent).toBe((used / GEMINI_TOKEN_LIMIT) * 100);
    // What Gemini CLI's footer prints: (promptTokenCount / limit × 100).toFixed(0).
    expect(session.context.percent?.toFixed(0)).toBe(((used / GEMINI_TOKEN_LIMIT) * 100).toFixed(0));
  }

  it('tracks turns across --resume and a shell call', async (ctx) => {
    client.skipUnlessReady(ctx);
    const all: Exchange<GeminiUsage>[] = [];
    const first = await step('hello');
    sessionId = first.output.session_id ?? '';
    expect(sessionId, 'gemini -p --output-format json prints the session id').toMatch(/^[0-9a-f-]{36}$/);
    all.push(...first.exchanges);
    let { session, lines } = await observe(all);
    expectContext(session, lines, all.at(-1));
    expect(session.activity.toolCalls).toBe(0);

    const shell = await step('please TOOL:SHELL echo headroom-shell', { resume: true, yolo: true });
    expect(shell.output.session_id, '--resume latest continues the same chat').toBe(sessionId);
    expect(shell.output.response).toContain('headroom-shell');
    all.push(...shell.exchanges);
    ({ session, lines } = await observe(all));
    expectContext(session, lines, all.at(-1));
    expect(session.activity.toolCalls).toBe(1);
    expect(session.details.toolCounts).toEqual({ run_shell_command: 1 });

    const third = await step('a third turn', { resume: true });
    all.push(...third.exchanges);
    const observed = await observe(all);
    expectContext(observed.session, observed.lines, all.at(-1));
    expect(observed.session.files, 'resumed runs go on in one chat file, and Headroom reads that one').toEqual([observed.file]);
    expect(all.map((exchange) => exchange.turn), 'one growing conversation at the fake').toEqual([1, 2, 3, 4]);
  });
});
