/**
 * Gemini CLI chat records (FORMATS.md §4.1, chatRecordingService.ts). A JSONL chat is a log of
 * operations on a message list: a message line upserts by id (a message is re-appended whole each time
 * it changes), `{"$set":{"messages":[…]}}` replaces the list, `{"$rewindTo": id}` drops that message and
 * everything after it, and header / `$set` lines carry metadata. Legacy `.json` chats hold the whole
 * record at once and are read as a single `$set`.
 */
import { type Json, arr, isObject, obj, str, time, count } from '../../read/fields';

export interface GeminiTokens {
  input: number;
  cached: number;
  output: number;
  thoughts: number;
  tool: number;
  total: number;
}

export interface GeminiMessage {
  id: string;
  at: number | undefined;
  type: string;
  model: string | undefined;
  tokens: GeminiTokens | undefined;
  /** Text a user typed (user messages only). */
  prompt: string | undefined;
  text: string | undefined;
  tools: { id: string; name: string; status: string | undefined; filePath: string | undefined }[];
  /** The project folder Gemini CLI names in the context it injects at the start of a chat. */
  workspace: string | undefined;
}

const WORKSPACE = /\*\*Workspace Directories:\*\*\s*\n\s*- (\S[^\n]*)/;

export type GeminiRecord =
  | { kind: 'message'; message: GeminiMessage }
  | { kind: 'replace'; messages: GeminiMessage[] }
  | { kind: 'rewind'; id: string }
  | { kind: 'meta'; sessionId: string | undefined; at: number | undefined; directories: string[] };

const FILE_TOOLS = new Set(['write_file', 'replace', 'edit', 'write_todos_file']);
/** Context Gemini CLI injects as the first user message. */
const INJECTED = ['<session_context>', '<state_snapshot>'];

export function parseGeminiRecord(record: Json): GeminiRecord | null {
  const rewind = str(record, '$rewindTo');
  if (rewind) return { kind: 'rewind', id: rewind };
  const set = obj(record, '$set');
  if (set) {
    const messages = arr(set, 'messages');
    if (messages) return { kind: 'replace', messages: messages.filter(isObject).map(parseMessage).filter((m): m is GeminiMessage => m !== null) };
    return meta(set);
  }
  if (typeof record['id'] === 'string' && typeof record['type'] === 'string') {
    const message = parseMessage(record);
    return message ? { kind: 'message', message } : null;
  }
  if (Array.isArray(record['messages'])) {
    // A legacy whole-file chat: metadata plus the full list.
    const messages = (arr(record, 'messages') ?? []).filter(isObject).map(parseMessage).filter((m): m is GeminiMessage => m !== null);
    return { kind: 'replace', messages };
  }
  return meta(record);
}

function meta(record: Json): GeminiRecord {
  const directories = (arr(record, 'directories') ?? []).filter((d): d is string => typeof d === 'string');
  return { kind: 'meta', sessionId: str(record, 'sessionId'), at: time(record, 'startTime'), directories };
}

function parseMessage(record: Json): GeminiMessage | null {
  const id = str(record, 'id');
  const type = str(record, 'type');
  if (!id || !type) return null;
  const tokens = obj(record, 'tokens');
  const text = contentText(record['content']);
  return {
    id,
    at: time(record, 'timestamp'),
    type,
    model: str(record, 'model'),
    tokens: tokens ? parseTokens(tokens) : undefined,
    prompt: type === 'user' && text && !INJECTED.some((p) => text.trimStart().startsWith(p)) ? text : undefined,
    text: text?.slice(0, 2000),
    workspace: type === 'user' && text?.startsWith('<session_context>') ? WORKSPACE.exec(text)?.[1]?.trim() : undefined,
    tools: (arr(record, 'toolCalls') ?? []).filter(isObject).map((call) => {
      const args = obj(call, 'args');
      const name = str(call, 'name') ?? 'tool';
      return {
        id: str(call, 'id') ?? `${id}:${name}`,
        name,
        status: str(call, 'status'),
        filePath: args && FILE_TOOLS.has(name) ? (str(args, 'file_path') ?? str(args, 'absolute_path')) : undefined,
      };
    }),
  };
}

function parseTokens(tokens: Json): GeminiTokens {
  return {
    input: count(tokens, 'input') ?? 0,
    cached: count(tokens, 'cached') ?? 0,
    output: count(tokens, 'output') ?? 0,
    thoughts: count(tokens, 'thoughts') ?? 0,
    tool: count(tokens, 'tool') ?? 0,
    total: count(tokens, 'total') ?? 0,
  };
}

/** Text parts only; function calls and responses are not something the user typed. */
function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content || undefined;
  if (!Array.isArray(content)) return undefined;
  const texts = content.filter(isObject).map((part) => (typeof part['text'] === 'string' ? part['text'] : '')).filter(Boolean);
  return texts.length > 0 ? texts.join('\n') : undefined;
}
