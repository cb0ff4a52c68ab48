/**
 * Fake OpenAI Responses API (`POST /v1/responses`, streaming) for Codex CLI.
 *
 * Conversation key = `prompt_cache_key` (Codex sends its thread id), so `resume` continues the count and
 * a compaction starts it over. Main turn k reports `input_tokens = growth × k` (of which
 * `growth × (k − 1)` cached), `output_tokens = 40 + k` (8 of them reasoning) unless the test queued
 * exact usage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomId, sendJson, sendSse, type SseEvent } from './http';
import { contentText, lastWhere, type Json } from './json';
import { FakeModelServer } from './server';
import { FakeState, type Reply } from './state';
import { SUMMARY_TEXT, cannedText, findTrigger, toolFinishedText } from './triggers';

export interface OpenAIUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export function openAIUsage(input: number, cached: number, output: number, reasoning: number): OpenAIUsage {
  return { input_tokens: input, input_tokens_details: { cached_tokens: cached }, output_tokens: output, output_tokens_details: { reasoning_tokens: reasoning }, total_tokens: input + output };
}

/** Codex's summarisation prompt for auto-compaction and the TUI's `/compact`. */
const COMPACTION_PROMPT = /CONTEXT CHECKPOINT COMPACTION/;

export type OpenAIServer = FakeModelServer<OpenAIUsage>;

export async function startFakeOpenAI(): Promise<OpenAIServer> {
  const state = new FakeState<OpenAIUsage>({
    main: (turn, growth) => openAIUsage(growth * turn, growth * (turn - 1), 40 + turn, 8),
    compaction: () => openAIUsage(6_000, 0, 300, 0),
    side: () => openAIUsage(50, 0, 10, 0),
  });
  return new FakeModelServer('openai', state, (request, response, body) => route(state, request, response, body)).start();
}

function route(state: FakeState<OpenAIUsage>, request: IncomingMessage, response: ServerResponse, body: Json): void {
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/v1/models') return sendJson(response, 200, { object: 'list', data: [] });
  if (path !== '/v1/responses' || request.method !== 'POST') return sendJson(response, 404, { error: { message: `no fake for ${request.method} ${path}` } });
  const items = Array.isArray(body['input']) ? (body['input'] as Json[]) : [];
  const lastUser = lastWhere(items, (item) => item['type'] === 'message' && item['role'] === 'user');
  const userText = contentText(lastUser?.['content'], ['input_text', 'text']);
  const last = items[items.length - 1];
  const conversation = typeof body['prompt_cache_key'] === 'string' ? body['prompt_cache_key'] : 'no-cache-key';
  const tools = Array.isArray(body['tools']) ? (body['tools'] as Json[]).map((tool) => String(tool['name'] ?? tool['type'])) : [];

  let exchange;
  if (COMPACTION_PROMPT.test(userText)) exchange = state.compaction(conversation, SUMMARY_TEXT);
  else if (tools.length === 0) exchange = state.side(conversation, { type: 'text', text: 'Fake task title' });
  else {
    const toolOutput = last !== undefined && String(last['type']).endsWith('_call_output') ? String(last['output'] ?? '') : null;
    exchange = state.main(conversation, (turn) =>
      toolOutput !== null ? { type: 'text', text: toolFinishedText(toolOutput) } : (shellReply(userText, tools) ?? { type: 'text', text: cannedText(turn) }));
  }
  exchange.responseId = randomId('resp_');
  sendSse(response, responseEvents(exchange.responseId, String(body['model'] ?? 'gpt-fake'), exchange.reply ?? { type: 'text', text: '' }, exchange.usage));
}

function shellReply(text: string, tools: string[]): Reply | null {
  const trigger = findTrigger(text);
  if (trigger?.name !== 'SHELL') return null;
  if (tools.includes('exec_command')) return { type: 'tool', name: 'exec_command', input: { cmd: trigger.argument } };
  return { type: 'tool', name: 'shell', input: { command: ['bash', '-lc', trigger.argument] } };
}

function responseEvents(responseId: string, model: string, reply: Reply, usage: OpenAIUsage | null): SseEvent[] {
  const base = { id: responseId, object: 'response', created_at: Math.floor(Date.now() / 1000), model };
  const itemId = randomId(reply.type === 'tool' ? 'fc_' : 'msg_');
  const events: SseEvent[] = [];
  const emit = (type: string, data: Json): void => void events.push({ event: type, data: { type, sequence_number: events.length, ...data } });
  emit('response.created', { response: { ...base, status: 'in_progress', output: [] } });
  emit('response.in_progress', { response: { ...base, status: 'in_progress', output: [] } });
  let item: Json;
  if (reply.type === 'text') {
    const part = { type: 'output_text', text: reply.text, annotations: [] };
    item = { id: itemId, type: 'message', status: 'completed', role: 'assistant', content: [part] };
    emit('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', content: [] } });
    emit('response.content_part.added', { item_id: itemId, output_index: 0, content_index: 0, part: { ...part, text: '' } });
    emit('response.output_text.delta', { item_id: itemId, output_index: 0, content_index: 0, delta: reply.text });
    emit('response.output_text.done', { item_id: itemId, output_index: 0, content_index: 0, text: reply.text });
    emit('response.content_part.done', { item_id: itemId, output_index: 0, content_index: 0, part });
  } else {
    const args = JSON.stringify(reply.input);
    item = { id: itemId, type: 'function_call', status: 'completed', name: reply.name, call_id: randomId('call_'), arguments: args };
    emit('response.output_item.added', { output_index: 0, item: { ...item, status: 'in_progress', arguments: '' } });
    emit('response.function_call_arguments.delta', { item_id: itemId, output_index: 0, delta: args });
    emit('response.function_call_arguments.done', { item_id: itemId, output_index: 0, arguments: args });
  }
  emit('response.output_item.done', { output_index: 0, item });
  emit('response.completed', { response: { ...base, status: 'completed', output: [item], usage } });
  return events;
}
