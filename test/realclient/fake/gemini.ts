/**
 * Fake Gemini API (`/v1beta/models/<model>:generateContent` and `:streamGenerateContent?alt=sse`) for
 * Gemini CLI.
 *
 * Conversation key = a hash of the first user content, which Gemini CLI keeps across `--resume`. Main
 * turn k reports `promptTokenCount = growth × k` (of which `growth × (k − 1)` cached),
 * `candidatesTokenCount = 40 + k`, `thoughtsTokenCount = 8` unless the test queued exact usage.
 * Structured-output side requests (routing, next-speaker checks) get a value that fits their schema.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomId, sendJson, sendSse } from './http';
import { hashText, lastWhere, type Json } from './json';
import { fillSchema } from './schema';
import { FakeModelServer } from './server';
import { FakeState, type Exchange, type Reply } from './state';
import { SUMMARY_TEXT, cannedText, findTrigger, toolFinishedText } from './triggers';

export interface GeminiUsage {
  promptTokenCount: number;
  cachedContentTokenCount: number;
  candidatesTokenCount: number;
  thoughtsTokenCount: number;
  totalTokenCount: number;
}

export function geminiUsage(prompt: number, cached: number, candidates: number, thoughts: number): GeminiUsage {
  return { promptTokenCount: prompt, cachedContentTokenCount: cached, candidatesTokenCount: candidates, thoughtsTokenCount: thoughts, totalTokenCount: prompt + candidates + thoughts };
}

/** Gemini CLI's chat-compression prompt asks for a `<state_snapshot>`. */
const COMPACTION_PROMPT = /state_snapshot/;

export type GeminiServer = FakeModelServer<GeminiUsage>;

export async function startFakeGemini(): Promise<GeminiServer> {
  const state = new FakeState<GeminiUsage>({
    main: (turn, growth) => geminiUsage(growth * turn, growth * (turn - 1), 40 + turn, 8),
    compaction: () => geminiUsage(6_000, 0, 300, 0),
    side: () => geminiUsage(50, 0, 10, 0),
  });
  return new FakeModelServer('gemini', state, (request, response, body) => route(state, request, response, body)).start();
}

function route(state: FakeState<GeminiUsage>, request: IncomingMessage, response: ServerResponse, body: Json): void {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const match = /^\/v1(?:beta)?\/models\/([^:]+):(\w+)$/.exec(path);
  if (match === null) return sendJson(response, path.endsWith('/models') ? 200 : 404, path.endsWith('/models') ? { models: [] } : { error: { code: 404, message: path } });
  const [, model = 'gemini-fake', method] = match;
  if (method === 'countTokens') return sendJson(response, 200, { totalTokens: 1_000 });

  const contents = Array.isArray(body['contents']) ? (body['contents'] as Json[]) : [];
  const conversation = hashText(partsText(contents.find((content) => content['role'] === 'user')));
  const config = (body['generationConfig'] ?? {}) as Json;
  const schema = config['responseJsonSchema'] ?? config['responseSchema'];
  const system = partsText(body['systemInstruction'] as Json | undefined);
  const lastUser = lastWhere(contents, (content) => content['role'] === 'user');
  const tools = Array.isArray(body['tools']) ? (body['tools'] as Json[]).flatMap((tool) => (Array.isArray(tool['functionDeclarations']) ? (tool['functionDeclarations'] as Json[]) : [])).map((d) => String(d['name'])) : [];

  let exchange: Exchange<GeminiUsage>;
  if (schema !== undefined) exchange = state.side(conversation, { type: 'text', text: JSON.stringify(fillSchema(schema)) });
  else if (COMPACTION_PROMPT.test(system) || COMPACTION_PROMPT.test(partsText(lastUser))) exchange = state.compaction(conversation, `<state_snapshot>${SUMMARY_TEXT}</state_snapshot>`);
  else if (tools.length === 0) exchange = state.side(conversation, { type: 'text', text: 'Fake side answer' });
  else {
    const toolResult = functionResponseText(lastUser);
    exchange = state.main(conversation, (turn) =>
      toolResult !== null ? { type: 'text', text: toolFinishedText(toolResult) } : (shellReply(partsText(lastUser), tools) ?? { type: 'text', text: cannedText(turn) }));
  }
  exchange.responseId = randomId('');
  const reply = { responseId: exchange.responseId, modelVersion: model, candidates: [candidate(exchange.reply)], usageMetadata: exchange.usage };
  if (method === 'streamGenerateContent') sendSse(response, [{ data: reply }]);
  else sendJson(response, 200, reply);
}

function candidate(reply: Reply | null): Json {
  const part = reply?.type === 'tool' ? { functionCall: { id: randomId('call_'), name: reply.name, args: reply.input } } : { text: reply?.text ?? '' };
  return { content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 };
}

function shellReply(text: string, tools: string[]): Reply | null {
  const trigger = findTrigger(text);
  if (trigger?.name !== 'SHELL' || !tools.includes('run_shell_command')) return null;
  return { type: 'tool', name: 'run_shell_command', input: { command: trigger.argument, description: 'Run harmless command' } };
}

function parts(content: Json | undefined): Json[] {
  return Array.isArray(content?.['parts']) ? (content['parts'] as Json[]) : [];
}

function partsText(content: Json | undefined): string {
  return parts(content).map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).join('\n');
}

/** The output of a tool the client just ran, when the newest user content carries one. */
function functionResponseText(content: Json | undefined): string | null {
  const response = parts(content).find((part) => part['functionResponse'] !== undefined)?.['functionResponse'] as Json | undefined;
  if (response === undefined) return null;
  const payload = (response['response'] ?? {}) as Json;
  return typeof payload['output'] === 'string' ? payload['output'] : JSON.stringify(payload);
}
