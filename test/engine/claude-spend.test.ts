/**
 * Claude Code spend is deduplicated by response, (message.id, requestId): the lines of one response
 * count once at each field's largest value; the same message id under another request id is another
 * response. Also: a snapshot's prompt list does not change when more prompts arrive.
 */
import { describe, expect, it } from 'vitest';
import { parseClaudeRecord } from '../../electron/engine/sources/claude/records';
import { ClaudeSession } from '../../electron/engine/sources/claude/session';

const SETTINGS = { modelWindows: {}, prices: {}, autoCompactBufferTokens: 33_000 };
const MODEL = 'claude-sonnet-4-5-20250929';

function assistant(messageId: string | undefined, requestId: string | undefined, input: number, output: number) {
  return parseClaudeRecord({
    type: 'assistant',
    timestamp: '2026-11-21T10:00:00.000Z',
    requestId,
    message: { id: messageId, model: MODEL, content: [{ type: 'text', text: 'ok' }], usage: { input_tokens: input, output_tokens: output } },
  })!;
}

function fold(...records: ReturnType<typeof assistant>[]) {
  const session = new ClaudeSession('s');
  for (const record of records) session.add(record, 'main');
  return session.core(SETTINGS);
}

describe('Claude spend by response', () => {
  it('counts the lines of one response once, at each field largest value', () => {
    const core = fold(assistant('msg_1', 'req_1', 10, 5), assistant('msg_1', 'req_1', 7, 40), assistant('msg_1', 'req_1', 10, 30));
    expect(core.tokens).toEqual({ input: 10, output: 40, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 50 });
    expect(core.activity.assistantMessages).toBe(1);
  });

  it('keeps the same message id under another request id apart', () => {
    const core = fold(assistant('msg_1', 'req_1', 10, 5), assistant('msg_1', 'req_2', 3, 4), assistant('msg_1', 'req_1', 10, 8), assistant('msg_1', 'req_2', 3, 9));
    expect(core.tokens).toEqual({ input: 13, output: 17, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 30 });
    expect(core.activity.assistantMessages).toBe(2);
  });

  it('treats a missing request id as an empty one, and counts lines without a message id each', () => {
    const core = fold(assistant('msg_1', undefined, 1, 1), assistant('msg_1', '', 1, 2), assistant(undefined, 'req_1', 5, 5), assistant(undefined, 'req_1', 5, 5));
    expect(core.tokens).toEqual({ input: 11, output: 12, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 23 });
    expect(core.activity.assistantMessages).toBe(3);
  });
});

describe('prompt list', () => {
  it('a snapshot keeps the prompts it was made with', () => {
    const session = new ClaudeSession('s');
    const prompt = (text: string) => parseClaudeRecord({ type: 'user', timestamp: '2026-11-21T10:00:00.000Z', message: { role: 'user', content: text } })!;
    session.add(prompt('first'), 'main');
    const before = session.core(SETTINGS).details;
    session.add(prompt('second'), 'main');
    expect(before.recentPrompts).toEqual(['first']);
    expect(session.core(SETTINGS).details.recentPrompts).toEqual(['first', 'second']);
  });
});
