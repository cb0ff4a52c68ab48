/**
 * Codex CLI rollout records (`{timestamp, type, payload}`), validated field by field. Covers the
 * 0.10x envelope (event_msg user_message / agent_message / context_compacted) and 0.16x
 * (item_completed items). Format reference: FORMATS.md §3 and REAL-CLIENTS.md §3.
 */
import { type Json, BadRecord, isObject, asStr, asCount, asObj, asTime } from '../../read/fields';
import type { FieldSpec } from '../../read/field-spec';

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
  | { kind: 'tool-output'; id: string; exitCode: number | undefined }
  | { kind: 'compacted' }
  | { kind: 'other' }
);

/** Context Codex injects as user-role items; these were not typed by the user. */
const INJECTED = ['<environment_context>', '<user_instructions>', '<permissions instructions>', '# AGENTS.md', '<user_shell_command>'];

const NO_PAYLOAD: Json = Object.freeze({});

/*
 * Every line becomes a record, so each is built in one literal with its `at` first (one shape per
 * kind), not as `{ at, ...body }`, which would allocate and copy a second object per line.
 */

const TOKEN_USAGE = { input_tokens: true, cached_input_tokens: true, output_tokens: true, reasoning_output_tokens: true, total_tokens: true } as const;

/**
 * Every field `parseCodexRecord` reads (a test holds it to that): lines are read into just these
 * (read/select.ts), leaving out instructions, reasoning and rate limits.
 */
export const CODEX_FIELDS: FieldSpec = {
  type: true,
  timestamp: true,
  payload: {
    type: true,
    id: true,
    cwd: true,
    git: { branch: true },
    model: true,
    model_context_window: true,
    info: { total_token_usage: TOKEN_USAGE, last_token_usage: TOKEN_USAGE, model_context_window: true },
    message: true,
    item: true,
    role: true,
    content: [{ text: true }],
    name: true,
    arguments: true,
    input: true,
    call_id: true,
    output: true,
  },
};

export function parseCodexRecord(record: Json): CodexRecord | null {
  const type = asStr(record['type'], 'type');
  if (type === undefined) return null;
  const at = asTime(record['timestamp'], 'timestamp');
  const payload = asObj(record['payload'], 'payload') ?? NO_PAYLOAD;
  switch (type) {
    case 'session_meta': {
      const git = asObj(payload['git'], 'git');
      return { at, kind: 'meta', id: asStr(payload['id'], 'id'), cwd: asStr(payload['cwd'], 'cwd'), branch: git ? asStr(git['branch'], 'branch') : undefined };
    }
    case 'turn_context':
      return { at, kind: 'turn-context', model: asStr(payload['model'], 'model'), cwd: asStr(payload['cwd'], 'cwd') };
    case 'compacted':
      return { at, kind: 'compacted' };
    case 'event_msg':
      return parseEvent(payload, at);
    case 'response_item':
      return parseItem(payload, at);
    default:
      return { at, kind: 'other' };
  }
}

type At = number | undefined;

function parseEvent(payload: Json, at: At): CodexRecord {
  switch (asStr(payload['type'], 'type')) {
    case 'task_started':
      return { at, kind: 'task-started', window: asCount(payload['model_context_window'], 'model_context_window') };
    case 'token_count': {
      const info = asObj(payload['info'], 'info');
      if (!info) return { at, kind: 'other' };
      const total = asObj(info['total_token_usage'], 'total_token_usage');
      if (!total) throw new BadRecord('token_count info has no total_token_usage');
      const last = asObj(info['last_token_usage'], 'last_token_usage');
      return { at, kind: 'token-count', total: usage(total), last: last ? usage(last) : undefined, window: asCount(info['model_context_window'], 'model_context_window') };
    }
    case 'user_message': {
      const text = asStr(payload['message'], 'message');
      return text !== undefined ? { at, kind: 'prompt', source: 'event', text } : { at, kind: 'other' };
    }
    case 'item_completed': {
      const item = asObj(payload['item'], 'item');
      if (item && asStr(item['type'], 'type') === 'UserMessage') return { at, kind: 'prompt', source: 'event', text: itemText(item) };
      return { at, kind: 'other' };
    }
    default:
      return { at, kind: 'other' };
  }
}

function usage(value: Json): TokenUsage {
  return {
    input: asCount(value['input_tokens'], 'input_tokens') ?? 0,
    cached: asCount(value['cached_input_tokens'], 'cached_input_tokens') ?? 0,
    output: asCount(value['output_tokens'], 'output_tokens') ?? 0,
    reasoning: asCount(value['reasoning_output_tokens'], 'reasoning_output_tokens') ?? 0,
    total: asCount(value['total_tokens'], 'total_tokens') ?? 0,
  };
}

/** The text parts of a message's content, joined by newlines. */
function itemText(item: Json): string {
  const content = item['content'];
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let joined = '';
  for (const part of content) {
    if (!isObject(part)) continue;
    const text = part['text'];
    if (typeof text === 'string' && text !== '') joined = joined === '' ? text : `${joined}\n${text}`;
  }
  return joined;
}

function typedByUser(text: string): boolean {
  const start = text.trimStart();
  if (start === '') return false;
  for (const prefix of INJECTED) if (start.startsWith(prefix)) return false;
  return true;
}

function parseItem(payload: Json, at: At): CodexRecord {
  switch (asStr(payload['type'], 'type')) {
    case 'message': {
      const role = asStr(payload['role'], 'role');
      const text = itemText(payload);
      if (role === 'assistant') return { at, kind: 'assistant-message', text: text || undefined };
      if (role === 'user' && typedByUser(text)) return { at, kind: 'prompt', source: 'item', text };
      return { at, kind: 'other' };
    }
    case 'function_call': {
      const name = asStr(payload['name'], 'name') ?? 'function';
      const args = asStr(payload['arguments'], 'arguments');
      return toolCall(payload, at, name, args?.includes('*** Begin Patch') ? patchFromArguments(args) : undefined);
    }
    case 'custom_tool_call': {
      const name = asStr(payload['name'], 'name') ?? 'custom_tool';
      return toolCall(payload, at, name, name === 'apply_patch' ? asStr(payload['input'], 'input') : undefined);
    }
    case 'local_shell_call':
      return toolCall(payload, at, 'local_shell', undefined);
    case 'function_call_output':
    case 'custom_tool_call_output':
      return toolOutput(payload, at);
    default:
      return { at, kind: 'other' };
  }
}

function toolCall(payload: Json, at: At, name: string, patch: string | undefined): CodexRecord {
  const id = asStr(payload['call_id'], 'call_id') ?? asStr(payload['id'], 'id');
  return id ? { at, kind: 'tool-call', id, name, patch } : { at, kind: 'other' };
}

const EXIT_CODE = /Process exited with code (-?\d+)|"exit_code"\s*:\s*(-?\d+)/;

function toolOutput(payload: Json, at: At): CodexRecord {
  const id = asStr(payload['call_id'], 'call_id');
  if (!id) return { at, kind: 'other' };
  const output = payload['output'];
  const text = typeof output === 'string' ? output : isObject(output) || Array.isArray(output) ? JSON.stringify(output) : undefined;
  const match = text ? EXIT_CODE.exec(text.slice(0, 4000)) : null;
  const code = match ? Number(match[1] ?? match[2]) : undefined;
  return { at, kind: 'tool-output', id, exitCode: code };
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
