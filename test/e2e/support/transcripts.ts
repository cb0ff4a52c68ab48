/**
 * Appends turns to copied transcripts the way the agents write them: each new record is a copy of
 * one the real client wrote in the same file, with fresh ids, the current time and the usage figures
 * the test chooses — so the engine reads exactly what it would read from the agent.
 */
import { randomUUID } from 'node:crypto';
import { appendFile, readFile } from 'node:fs/promises';

type Json = Record<string, unknown>;

async function records(file: string): Promise<Json[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => JSON.parse(line) as Json);
}

async function lastRecord(file: string, matches: (record: Json) => boolean): Promise<Json> {
  const found = (await records(file)).findLast(matches);
  if (!found) throw new Error(`no matching record in ${file}`);
  return found;
}

/**
 * A Claude Code turn: the user's prompt and the assistant's reply whose usage puts `contextTokens`
 * in the window (input 5 + cache read of the previous context + cache write of the rest).
 */
export async function appendClaudeTurn(file: string, turn: { prompt: string; contextTokens: number; at: Date }): Promise<void> {
  const assistant = await lastRecord(file, (record) => record.type === 'assistant');
  const message = assistant.message as Json;
  const previous = message.usage as Json;
  const previousContext = Number(previous.input_tokens) + Number(previous.cache_creation_input_tokens) + Number(previous.cache_read_input_tokens);
  const cacheRead = Math.min(previousContext, turn.contextTokens - 5);
  const userId = randomUUID();
  const user = {
    parentUuid: assistant.uuid,
    isSidechain: false,
    type: 'user',
    message: { role: 'user', content: turn.prompt },
    uuid: userId,
    timestamp: turn.at.toISOString(),
    userType: 'external',
    cwd: assistant.cwd,
    sessionId: assistant.sessionId,
    version: assistant.version,
    gitBranch: assistant.gitBranch,
  };
  const reply = {
    ...assistant,
    parentUuid: userId,
    uuid: randomUUID(),
    requestId: `req_${randomUUID().replace(/-/g, '')}`,
    timestamp: new Date(turn.at.getTime() + 1_000).toISOString(),
    message: {
      ...message,
      id: `msg_${randomUUID().replace(/-/g, '')}`,
      content: [{ type: 'text', text: `Done: ${turn.prompt}` }],
      usage: {
        ...previous,
        input_tokens: 5,
        cache_read_input_tokens: cacheRead,
        cache_creation_input_tokens: turn.contextTokens - 5 - cacheRead,
        output_tokens: 41,
      },
    },
  };
  await appendFile(file, `${JSON.stringify(user)}\n${JSON.stringify(reply)}\n`);
}

/**
 * A Codex turn's closing `token_count` event with `lastTurnTokens` as the turn's total (what Codex
 * measures the context by), totals grown to match.
 */
export async function appendCodexTokenCount(file: string, turn: { lastTurnTokens: number; at: Date }): Promise<void> {
  const event = await lastRecord(file, (record) => (record.payload as Json | undefined)?.type === 'token_count');
  const payload = event.payload as Json;
  const info = payload.info as Json;
  const total = info.total_token_usage as Json;
  const last = { input_tokens: turn.lastTurnTokens - 50, cached_input_tokens: 0, cache_write_input_tokens: 0, output_tokens: 50, reasoning_output_tokens: 0, total_tokens: turn.lastTurnTokens };
  const grown = Object.fromEntries(Object.entries(total).map(([key, value]) => [key, Number(value) + Number(last[key as keyof typeof last] ?? 0)]));
  const record = { ...event, timestamp: turn.at.toISOString(), payload: { ...payload, info: { ...info, total_token_usage: grown, last_token_usage: last } } };
  // Codex numbers its records; the new one comes after the last.
  if ('ordinal' in event) (record as Json).ordinal = Math.max(...(await records(file)).map((line) => Number(line.ordinal ?? 0))) + 1;
  await appendFile(file, `${JSON.stringify(record)}\n`);
}
