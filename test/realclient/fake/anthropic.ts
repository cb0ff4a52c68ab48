/**
 * Fake Anthropic Messages API (`POST /v1/messages`, streaming SSE or JSON) for Claude Code.
 *
 * Conversation key = `metadata.user_id.session_id` + a hash of the first user message, so the main
 * thread, each subagent and the post-compaction thread count their turns separately, like real
 * prompt caches would. Main turn k reports a context of `growth × k` tokens (`input 5, cache_creation
 * growth, cache_read growth × (k − 1)`) unless the test queued exact usage.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomId, sendJson, sendSse, type SseEvent } from './http';
import { contentText, hashText, lastWhere, type Json } from './json';
import { FakeModelServer } from './server';
import { FakeState, type Reply } from './state';
import { SUMMARY_TEXT, cannedText, findTrigger, splitWriteArgument, toolFinishedText } from './triggers';

export interface AnthropicUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}

/** Context tokens as Claude Code counts them: the three disjoint input fields (output excluded). */
export const anthropicContext = (usage: AnthropicUsage): number =>
  usage.input_tokens + usage.cache_creation_input_tokens + usage.cache_read_input_tokens;

/** Claude Code's own summarisation prompt (`/compact`, auto and reactive compaction). */
const COMPACTION_PROMPT = /create a detailed summary of the conversation/i;

export type AnthropicServer = FakeModelServer<AnthropicUsage>;

export async function startFakeAnthropic(): Promise<AnthropicServer> {
  const state = new FakeState<AnthropicUsage>({
    main: (turn, growth) => ({ input_tokens: 5, cache_creation_input_tokens: growth, cache_read_input_tokens: growth * (turn - 1), output_tokens: 40 + turn }),
    compaction: () => ({ input_tokens: 5, cache_creation_input_tokens: 1_000, cache_read_input_tokens: 0, output_tokens: 300 }),
    side: () => ({ input_tokens: 50, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 10 }),
  });
  return new FakeModelServer('anthropic', state, (request, response, body) => route(state, request, response, body)).start();
}

function route(state: FakeState<AnthropicUsage>, request: IncomingMessage, response: ServerResponse, body: Json): void {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'HEAD' || (request.method === 'GET' && path === '/')) return void response.writeHead(200).end();
  if (path === '/v1/models') return sendJson(response, 200, { data: [], has_more: false });
  if (path === '/v1/messages/count_tokens') return sendJson(response, 200, { input_tokens: 1_000 });
  if (path !== '/v1/messages') return sendJson(response, 404, { type: 'error', error: { type: 'not_found_error', message: path } });
  messages(state, response, body);
}

function messages(state: FakeState<AnthropicUsage>, response: ServerResponse, body: Json): void {
  const all = Array.isArray(body['messages']) ? (body['messages'] as Json[]) : [];
  const lastUser = lastWhere(all, (message) => message['role'] === 'user');
  const lastText = contentText(lastUser?.['content'], ['text']);
  const conversation = conversationKey(body, all);
  const tools = Array.isArray(body['tools']) ? (body['tools'] as Json[]).map((tool) => String(tool['name'])) : [];

  let exchange;
  if (COMPACTION_PROMPT.test(lastText)) {
    exchange = state.compaction(conversation, `<analysis>Fake analysis.</analysis>\n<summary>${SUMMARY_TEXT}</summary>`);
  } else if (tools.length === 0) {
    exchange = state.side(conversation, { type: 'text', text: 'Fake session title' });
  } else {
    const error = state.takeError(conversation);
    if (error !== null) {
      return sendJson(response, 400, { type: 'error', error: { type: 'invalid_request_error', message: error } }, { 'request-id': randomId('req_') });
    }
    const toolResult = contentText(lastUser?.['content'], ['tool_result']);
    const reply = toolResult !== '' ? { type: 'text' as const, text: toolFinishedText(toolResult) } : null;
    exchange = state.main(conversation, (turn) => reply ?? toolReply(lastText, tools) ?? { type: 'text', text: cannedText(turn) });
  }
  const message = {
    id: randomId('msg_'),
    type: 'message',
    role: 'assistant',
    model: typeof body['model'] === 'string' ? body['model'] : 'claude-fake',
    content: [block(exchange.reply ?? { type: 'text', text: '' })],
    stop_reason: exchange.reply?.type === 'tool' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: wireUsage(exchange.usage),
  };
  exchange.responseId = message.id;
  const headers = { 'request-id': randomId('req_') };
  if (body['stream'] === true) sendSse(response, streamEvents(message), headers);
  else sendJson(response, 200, message, headers);
}

/** Session id from `metadata.user_id` (a JSON string in 2.1.x) plus the first user message. */
function conversationKey(body: Json, all: Json[]): string {
  const metadata = (body['metadata'] ?? {}) as Json;
  let session = String(metadata['user_id'] ?? '');
  try {
    const parsed = JSON.parse(session) as Json;
    if (typeof parsed['session_id'] === 'string') session = parsed['session_id'];
  } catch {
    // Older clients send a plain string; it is as good a key.
  }
  // The injected <system-reminder> blocks carry today's date; a run across midnight must keep its key.
  const first = all.find((message) => message['role'] === 'user');
  const content = first?.['content'];
  const blocks = Array.isArray(content) ? (content as Json[]).filter((item) => !String(item['text'] ?? '').startsWith('<system-reminder>')) : content;
  return `${session}:${hashText(contentText(blocks, ['text']))}`;
}

function toolReply(text: string, tools: string[]): Reply | null {
  const trigger = findTrigger(text);
  if (trigger === null) return null;
  switch (trigger.name) {
    case 'BASH':
      return { type: 'tool', name: 'Bash', input: { command: trigger.argument, description: 'Run harmless command' } };
    case 'WRITE': {
      const { path, content } = splitWriteArgument(trigger.argument);
      return { type: 'tool', name: 'Write', input: { file_path: path, content } };
    }
    case 'AGENT':
      return { type: 'tool', name: tools.includes('Agent') ? 'Agent' : 'Task', input: { description: 'Fake subtask', prompt: trigger.argument, subagent_type: 'general-purpose' } };
    default:
      return null;
  }
}

function block(reply: Reply): Json {
  if (reply.type === 'text') return { type: 'text', text: reply.text };
  return { type: 'tool_use', id: randomId('toolu_'), name: reply.name, input: reply.input };
}

function wireUsage(usage: AnthropicUsage | null): Json {
  const u = usage ?? { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 };
  return { ...u, cache_creation: { ephemeral_5m_input_tokens: u.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 }, service_tier: 'standard' };
}

function streamEvents(message: Json & { content: Json[]; usage: Json }): SseEvent[] {
  const events: SseEvent[] = [{ event: 'message_start', data: { type: 'message_start', message: { ...message, content: [], stop_reason: null } } }];
  message.content.forEach((content, index) => {
    const isTool = content['type'] === 'tool_use';
    const start = isTool ? { ...content, input: {} } : { type: 'text', text: '' };
    const delta = isTool ? { type: 'input_json_delta', partial_json: JSON.stringify(content['input']) } : { type: 'text_delta', text: content['text'] };
    events.push(
      { event: 'content_block_start', data: { type: 'content_block_start', index, content_block: start } },
      { event: 'content_block_delta', data: { type: 'content_block_delta', index, delta } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index } },
    );
  });
  events.push(
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: message['stop_reason'], stop_sequence: null }, usage: message.usage } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  );
  return events;
}
