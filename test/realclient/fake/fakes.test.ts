/**
 * The fake model servers on their own (the real clients exercise them in test/agents): usage the test
 * controls through the control endpoints, per-conversation turn counting that a compaction restarts,
 * tool-call triggers, and schema-shaped answers for Gemini's structured side requests.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from './anthropic';
import { startFakeGemini } from './gemini';
import { startFakeOpenAI } from './openai';
import { fillSchema } from './schema';
import type { FakeModelServer } from './server';

const servers: FakeModelServer<unknown>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

const claudeRequest = (session: string, messages: unknown[]) => ({
  model: 'claude-sonnet-4-5',
  stream: false,
  metadata: { user_id: JSON.stringify({ session_id: session }) },
  tools: [{ name: 'Bash' }, { name: 'Write' }, { name: 'Agent' }],
  messages,
});

describe('fake Anthropic server', () => {
  it('binds 127.0.0.1, grows each conversation by the growth step, and applies queued usage first', async () => {
    const server = await startFakeAnthropic();
    servers.push(server as FakeModelServer<unknown>);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await post(`${server.url}/_control/usage`, { input_tokens: 1, cache_creation_input_tokens: 2, cache_read_input_tokens: 3, output_tokens: 4 });
    const first = JSON.parse((await post(`${server.url}/v1/messages`, claudeRequest('s1', [{ role: 'user', content: 'hello' }]))).text) as { usage: Record<string, number> };
    expect(first.usage).toMatchObject({ input_tokens: 1, cache_creation_input_tokens: 2, cache_read_input_tokens: 3, output_tokens: 4 });
    const second = JSON.parse((await post(`${server.url}/v1/messages`, claudeRequest('s1', [{ role: 'user', content: 'hello' }, { role: 'assistant', content: 'hi' }, { role: 'user', content: 'again' }]))).text) as { usage: Record<string, number> };
    expect(second.usage).toMatchObject({ input_tokens: 5, cache_creation_input_tokens: 20_000, cache_read_input_tokens: 20_000, output_tokens: 42 });
    const other = JSON.parse((await post(`${server.url}/v1/messages`, claudeRequest('s2', [{ role: 'user', content: 'hello' }]))).text) as { usage: Record<string, number> };
    expect(other.usage['cache_read_input_tokens'], 'another session starts at turn 1').toBe(0);

    const state = JSON.parse(await (await fetch(`${server.url}/_control/state`)).text()) as { exchanges: { kind: string; turn: number; responseId: string }[] };
    expect(state.exchanges.map((exchange) => `${exchange.kind}:${exchange.turn}`)).toEqual(['main:1', 'main:2', 'main:1']);
    expect(state.exchanges.every((exchange) => exchange.responseId.startsWith('msg_'))).toBe(true);
  });

  it('answers trigger words with tool calls, a tool result with text, and refuses when an error is queued', async () => {
    const server = await startFakeAnthropic();
    servers.push(server as FakeModelServer<unknown>);
    const tool = JSON.parse((await post(`${server.url}/v1/messages`, claudeRequest('s', [{ role: 'user', content: 'TOOL:WRITE /tmp/x.txt some text' }]))).text) as { content: { type: string; name: string; input: unknown }[]; stop_reason: string };
    expect(tool.stop_reason).toBe('tool_use');
    expect(tool.content[0]).toMatchObject({ type: 'tool_use', name: 'Write', input: { file_path: '/tmp/x.txt', content: 'some text' } });
    const done = JSON.parse((await post(`${server.url}/v1/messages`, claudeRequest('s', [
      { role: 'user', content: 'TOOL:WRITE /tmp/x.txt some text' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'Write', input: {} }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'File created' }] },
    ]))).text) as { content: { text: string }[] };
    expect(done.content[0]?.text).toBe('Tool finished. Result was: File created');

    await post(`${server.url}/_control/error`, { message: 'prompt is too long: 210000 tokens > 200000 maximum' });
    const refused = await post(`${server.url}/v1/messages`, claudeRequest('s', [{ role: 'user', content: 'x' }]));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('prompt is too long');
  });

  it('streams the usage in message_start and message_delta', async () => {
    const server = await startFakeAnthropic();
    servers.push(server as FakeModelServer<unknown>);
    const { text } = await post(`${server.url}/v1/messages`, { ...claudeRequest('s', [{ role: 'user', content: 'hello' }]), stream: true });
    const events = text.split('\n').filter((line) => line.startsWith('event: ')).map((line) => line.slice(7));
    expect(events).toEqual(['message_start', 'content_block_start', 'content_block_delta', 'content_block_stop', 'message_delta', 'message_stop']);
    expect(text.match(/"cache_creation_input_tokens":20000/g)).toHaveLength(2);
  });
});

describe('fake OpenAI Responses server', () => {
  it('counts turns per prompt_cache_key and restarts the count after a compaction request', async () => {
    const server = await startFakeOpenAI();
    servers.push(server as FakeModelServer<unknown>);
    const turn = (text: string) => post(`${server.url}/v1/responses`, {
      model: 'gpt-5.5', stream: true, prompt_cache_key: 'thread-1', tools: [{ type: 'function', name: 'exec_command' }],
      input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text }] }],
    });
    await turn('hello');
    const shell = await turn('TOOL:SHELL echo hi');
    expect(shell.text).toContain('"name":"exec_command"');
    expect(shell.text).toContain('"arguments":"{\\"cmd\\":\\"echo hi\\"}"');
    await turn('You are performing a CONTEXT CHECKPOINT COMPACTION. Create a handoff summary');
    const after = await turn('next');
    expect(after.text).toContain('"input_tokens":20000');
    expect(server.state.exchanges.map((exchange) => `${exchange.kind}:${exchange.turn}`)).toEqual(['main:1', 'main:2', 'compaction:0', 'main:1']);
    expect(after.text.split('\n').filter((line) => line.startsWith('event: ')).at(-1)).toBe('event: response.completed');
  });
});

describe('fake Gemini server', () => {
  it('fills structured-output schemas for side requests and runs the shell tool on a trigger', async () => {
    const server = await startFakeGemini();
    servers.push(server as FakeModelServer<unknown>);
    const schema = { type: 'object', properties: { reasoning: { type: 'string' }, complexity_score: { type: 'integer', minimum: 1, maximum: 100 }, model: { type: 'string', enum: ['flash', 'pro'] } } };
    const side = JSON.parse((await post(`${server.url}/v1beta/models/gemini-3.5-flash-lite:generateContent`, { contents: [{ role: 'user', parts: [{ text: 'route me' }] }], generationConfig: { responseJsonSchema: schema } })).text) as { candidates: { content: { parts: { text: string }[] } }[] };
    expect(JSON.parse(side.candidates[0]?.content.parts[0]?.text ?? '')).toEqual({ reasoning: 'fake', complexity_score: 1, model: 'flash' });

    const tool = await post(`${server.url}/v1beta/models/gemini-3.8-flash:streamGenerateContent?alt=sse`, {
      contents: [{ role: 'user', parts: [{ text: 'TOOL:SHELL ls' }] }], tools: [{ functionDeclarations: [{ name: 'run_shell_command' }] }],
    });
    expect(tool.text).toMatch(/^data: /);
    expect(tool.text).toContain('"functionCall":');
    expect(tool.text).toContain('"promptTokenCount":20000');
    expect(server.state.exchanges.map((exchange) => exchange.kind)).toEqual(['side', 'main']);
  });

  it('fills the OpenAPI-style schemas too', () => {
    expect(fillSchema({ type: 'OBJECT', properties: { ok: { type: 'BOOLEAN' }, list: { type: 'ARRAY' }, n: { type: 'NUMBER', minimum: 3 } } })).toEqual({ ok: false, list: [], n: 3 });
  });
});
