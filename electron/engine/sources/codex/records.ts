/**
 * Codex CLI rollout records (`{timestamp, type, payload}`), validated field by field. Covers the
 * 0.10x envelope (event_msg user_message / agent_message / context_compacted) and 0.16x
 * (item_completed items). Format reference: FORMATS.md §3 and REAL-CLIENTS.md §3.
 */
import { type Json, BadRecord, count, isObject, obj, str, time } from '../../read/fields';

export interface TokenUsage {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

export type CodexRecord = { at: number | undefined } & (
  | { kind: 'meta'; id: string | undefined; cwd: string | undefined; branch: string | undefined }
  | { kind: 'turn-context'; model: string | undefined; cwd: string | undefined }
  | { kind: 'task-started'; window: number | undefined }
  | { kind: 'token-count'; total: TokenUsage; last: TokenUsage | undefined; window: number | undefined }
  /** `source` tells event-log prompts (preferred) from raw response items (fallback for other versions). */
  | { kind: 'prompt'; source: 'event' | 'item'; text: string }
  | { kind: 'assistant-message'; text: string | undefined }
  | { kind: 'tool-call'; id: string; name: string; patch: string | undefined }
  | { kind: 'tool-output'; id: string; exitCode: number | undefined; text: string | undefined }
  | { kind: 'compacted' }
  | { kind: 'other' }
);

/** Context Codex injects as user-role items; these were not typed by the user. */
const INJECTED = ['<environment_context>', '<user_instructions>', '<permissions instructions>', '# AGENTS.md', '<user_shell_command>'];

export function parseCodexRecord(record: Json): CodexRecord | null {
  const type = str(record, 'type');
  if (type === undefined) return null;
  const at = time(record, 'timestamp');
  const payload = obj(record, 'payload') ?? {};
  switch (type) {
    case 'session_meta': {
      const git = obj(payload, 'git');
      return { at, kind: 'meta', id: str(payload, 'id'), cwd: str(payload, 'cwd'), branch: git ? str(git, 'branch') : undefined };
    }
    case 'turn_context':
      return { at, kind: 'turn-context', model: str(payload, 'model'), cwd: str(payload, 'cwd') };
    case 'compacted':
      return { at, kind: 'compacted' };
    case 'event_msg':
      return { at, ...parseEvent(payload) };
    case 'response_item':
      return { at, ...parseItem(payload) };
    default:
      return { at, kind: 'other' };
  }
}

type Body = CodexRecord extends infer R ? (R extends { at: unknown } ? Omit<R, 'at'> : never) : never;

function parseEvent(payload: Json): Body {
  switch (str(payload, 'type')) {
    case 'task_started':
      return { kind: 'task-started', window: count(payload, 'model_context_window') };
    case 'token_count': {
      const info = obj(payload, 'info');
      if (!info) return { kind: 'other' };
      const total = obj(info, 'total_token_usage');
      if (!total) throw new BadRecord('token_count info has no total_token_usage');
      const last = obj(info, 'last_token_usage');
      return { kind: 'token-count', total: usage(total), last: last ? usage(last) : undefined, window: count(info, 'model_context_window') };
    }
    case 'user_message': {
      const text = str(payload, 'message');
      return text !== undefined ? { kind: 'prompt', source: 'event', text } : { kind: 'other' };
    }
    case 'item_completed': {
      const item = obj(payload, 'item');
      if (item && str(item, 'type') === 'UserMessage') return { kind: 'prompt', source: 'event', text: itemText(item) };
      return { kind: 'other' };
    }
    default:
      return { kind: 'other' };
  }
}

function usage(value: Json): TokenUsage {
  return {
    input: count(value, 'input_tokens') ?? 0,
    cached: count(value, 'cached_input_tokens') ?? 0,
    output: count(value, 'output_tokens') ?? 0,
    reasoning: count(value, 'reasoning_output_tokens') ?? 0,
    total: count(value, 'total_tokens') ?? 0,
  };
}

function itemText(item: Json): string {
  const content = item['content'];
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .filter(isObject)
    .map((part) => (typeof part['text'] === 'string' ? part['text'] : ''))
    .filter(Boolean)
    .join('\n');
}

function parseItem(payload: Json): Body {
  switch (str(payload, 'type')) {
    case 'message': {
      const role = str(payload, 'role');
      const text = itemText(payload);
      if (role === 'assistant') return { kind: 'assistant-message', text: text || undefined };
      if (role === 'user' && text.trim() && !INJECTED.some((prefix) => text.trimStart().startsWith(prefix))) {
        return { kind: 'prompt', source: 'item', text };
      }
      return { kind: 'other' };
    }
    case 'function_call': {
      const name = str(payload, 'name') ?? 'function';
      const args = str(payload, 'arguments');
      return toolCall(payload, name, args?.includes('*** Begin Patch') ? patchFromArguments(args) : undefined);
    }
    case 'custom_tool_call': {
      const name = str(payload, 'name') ?? 'custom_tool';
      return toolCall(payload, name, name === 'apply_patch' ? str(payload, 'input') : undefined);
    }
    case 'local_shell_call':
      return toolCall(payload, 'local_shell', undefined);
    case 'function_call_output':
    case 'custom_tool_call_output':
      return toolOutput(payload);
    default:
      return { kind: 'other' };
  }
}

function toolCall(payload: Json, name: string, patch: string | undefined): Body {
  const id = str(payload, 'call_id') ?? str(payload, 'id');
  return id ? { kind: 'tool-call', id, name, patch } : { kind: 'other' };
}

const EXIT_CODE = /Process exited with code (-?\d+)|"exit_code"\s*:\s*(-?\d+)/;

function toolOutput(payload: Json): Body {
  const id = str(payload, 'call_id');
  if (!id) return { kind: 'other' };
  const output = payload['output'];
  const text = typeof output === 'string' ? output : isObject(output) || Array.isArray(output) ? JSON.stringify(output) : undefined;
  const match = text ? EXIT_CODE.exec(text.slice(0, 4000)) : null;
  const code = match ? Number(match[1] ?? match[2]) : undefined;
  return { kind: 'tool-output', id, exitCode: code, text: text?.slice(0, 300) };
}

/** The patch text inside a function call's JSON arguments (`{"input": …}` or a shell `cmd` heredoc). */
function patchFromArguments(args: string): string {
  try {
    const strings: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') strings.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (isObject(value)) Object.values(value).forEach(collect);
    };
    collect(JSON.parse(args));
    return strings.filter((text) => text.includes('*** Begin Patch')).join('\n');
  } catch {
    return args;
  }
}

const PATCH_FILE = /^\*\*\* (?:Update|Add|Delete) File: (.+)$|^\*\*\* Move to: (.+)$/gm;

/** Paths an apply_patch body touches. */
export function patchedFiles(patch: string): string[] {
  const files: string[] = [];
  for (const match of patch.matchAll(PATCH_FILE)) {
    const file = (match[1] ?? match[2])?.trim();
    if (file) files.push(file);
  }
  return files;
}
