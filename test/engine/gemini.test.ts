/**
 * Gemini CLI chats: the real 0.61 transcript (resumed twice, so its message list was re-written
 * without token counts), `$rewindTo`, a legacy whole-file `.json` chat, and the stray second file a
 * resume in a later minute leaves.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine';
import { scanStatus } from '../../electron/engine/scan';
import { GEMINI_FIXTURES, tempDir } from '../support/paths';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const only = (gemini: string) => scanStatus({ claudeDirs: [gemini], codexDirs: [gemini], geminiDirs: [gemini] });

function chatDir(): { root: string; chats: string } {
  const { path, cleanup } = tempDir();
  cleanups.push(cleanup);
  const chats = join(path, 'tmp', 'proj', 'chats');
  mkdirSync(chats, { recursive: true });
  return { root: path, chats };
}

const reply = (id: string, input: number, cached: number, output: number) => ({ id, timestamp: '2026-11-20T10:00:00.000Z', type: 'gemini', content: 'ok', model: 'gemini-2.5-pro', tokens: { input, output, cached, thoughts: 2, tool: 0, total: input + output + 2 } });

describe('Gemini CLI chats', () => {
  it('reads the real client transcript: every reply paid for once, context from the newest reply', async () => {
    const [session] = (await only(GEMINI_FIXTURES)).sessions;
    expect(session).toMatchObject({ id: 'febf1502-2e31-47e2-a9df-110e9b6b7f6a', agent: 'gemini-cli', model: 'gemini-3.8-flash', badLines: 0 });
    // Named in the context Gemini CLI injects at the start of the chat.
    expect(session!.project).toBe('/home/dev/work/proj-gemini-demo-20261121-112814');
    // Replies reported 20k, 40k, 60k, 80k prompt tokens with 0, 20k, 40k, 60k cached.
    expect(session!.context).toMatchObject({ usedTokens: 80_000, windowTokens: 1_048_576, source: 'usage', autoCompactAtTokens: 524_288 });
    expect(session!.context.percent).toBeCloseTo((80_000 / 1_048_576) * 100, 10);
    expect(session!.tokens).toEqual({ input: 80_000, cacheRead: 120_000, cacheCreation: 0, output: 170, reasoning: 32, total: 200_202 });
    expect(session!.activity).toEqual({ userMessages: 3, assistantMessages: 4, toolCalls: 1, filesModified: 0, errors: 0 });
    expect(session!.details.recentPrompts).toEqual(['hello', 'TOOL:SHELL echo demo-gemini', 'third turn']);
  });

  it('honours $rewindTo for the conversation but keeps the rewound reply in the spend', async () => {
    const { root, chats } = chatDir();
    const lines = [
      { sessionId: 'g-1', projectHash: 'x', startTime: '2026-11-20T09:59:00.000Z', lastUpdated: '2026-11-20T09:59:00.000Z', kind: 'main' },
      { id: 'u1', timestamp: '2026-11-20T10:00:00.000Z', type: 'user', content: [{ text: 'first' }] },
      reply('r1', 1000, 0, 10),
      { id: 'u2', timestamp: '2026-11-20T10:01:00.000Z', type: 'user', content: [{ text: 'second' }] },
      reply('r2', 5000, 1000, 20),
      { $rewindTo: 'u2' },
    ];
    writeFileSync(join(chats, 'session-2026-11-20T09-59-g1.jsonl'), `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const [session] = (await only(root)).sessions;
    expect(session!.context.usedTokens).toBe(1000);
    expect(session!.activity.userMessages).toBe(1);
    expect(session!.tokens.total).toBe(1012 + 5022);
    // gemini-2.5-pro: $1.25 in, $0.125 cached, $10 out (thoughts billed as output).
    expect(session!.costUsd).toBeCloseTo((1000 * 1.25 + 4000 * 1.25 + 1000 * 0.125 + (10 + 2 + 20 + 2) * 10) / 1e6, 12);
  });

  it('reads a legacy whole-file .json chat', async () => {
    const { root, chats } = chatDir();
    const chat = { sessionId: 'legacy-1', projectHash: 'x', startTime: '2026-11-19T10:00:00.000Z', lastUpdated: '2026-11-19T10:05:00.000Z', messages: [{ id: 'u1', timestamp: '2026-11-19T10:00:00.000Z', type: 'user', content: 'hi' }, reply('r1', 3000, 0, 30)] };
    writeFileSync(join(chats, 'session-2026-11-19T10-00-legacy1.json'), JSON.stringify(chat, null, 2));
    const [session] = (await only(root)).sessions;
    expect(session).toMatchObject({ id: 'legacy-1', badLines: 0 });
    expect(session!.context.usedTokens).toBe(3000);
    expect(session!.tokens.total).toBe(3032);
  });

  it('takes the conversation from the earliest of a session\'s files, whichever is read first', async () => {
    const { root, chats } = chatDir();
    const header = (startTime: string) => ({ sessionId: 'g-2', projectHash: 'x', startTime, lastUpdated: startTime, kind: 'main' });
    const context = { id: 'ctx', timestamp: '2026-11-20T09:59:00.000Z', type: 'user', content: [{ text: '<session_context>…' }] };
    const conversation = [header('2026-11-20T09:59:00.000Z'), { $set: { messages: [context] } }, { id: 'u1', timestamp: '2026-11-20T10:00:00.000Z', type: 'user', content: [{ text: 'hello' }] }, reply('r1', 2000, 0, 10), { id: 'u2', timestamp: '2026-11-20T10:05:00.000Z', type: 'user', content: [{ text: 'resumed' }] }, reply('r2', 4000, 2000, 20)];
    // What Gemini CLI 0.61 writes when the resume starts in a later minute: a fresh chat's opening only.
    const stray = [header('2026-11-20T10:05:00.000Z'), { $set: { messages: [context] } }];
    const original = join(chats, 'session-2026-11-20T09-59-g2.jsonl');
    const second = join(chats, 'session-2026-11-20T10-05-g2.jsonl');
    writeFileSync(original, `${conversation.map((l) => JSON.stringify(l)).join('\n')}\n`);
    writeFileSync(second, `${stray.map((l) => JSON.stringify(l)).join('\n')}\n`);

    for (const order of [[original, second], [second, original]]) {
      const engine = new Engine({ claudeDirs: [join(root, 'none')], codexDirs: [join(root, 'none')], geminiDirs: [root] });
      for (const path of order) engine.track(path);
      for (const path of order) await engine.update(path);
      const [session] = engine.list();
      expect(session).toMatchObject({ id: 'g-2', files: [original] });
      expect(session!.tokens.total).toBe(2012 + 4022);
      expect(session!.context.usedTokens).toBe(4000);
      expect(session!.details.recentPrompts).toEqual(['hello', 'resumed']);
    }
    const [scanned] = (await only(root)).sessions;
    expect(scanned).toMatchObject({ id: 'g-2', files: [original] });
  });
});
