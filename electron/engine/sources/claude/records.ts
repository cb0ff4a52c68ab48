/**
 * Claude Code transcript records, validated field by field (see read/fields.ts for why not a schema
 * library). Only the fields Headroom uses are read; unknown record types become `other` so their
 * timestamps still count as activity. Format reference: FORMATS.md §1 (Claude Code).
 */
import { type Json, BadRecord, arr, bool, count, isObject, obj, str, time } from '../../read/fields';

export interface Usage {
  input: number;
  cacheCreation: number;
  /** Part of `cacheCreation` written with the 1-hour TTL (priced higher). */
  cacheCreation1h: number;
  cacheRead: number;
  output: number;
}

export interface ToolUse {
  id: string;
  name: string;
  /** Edit / Write / MultiEdit / NotebookEdit target. */
  filePath: string | null;
  /** TodoWrite's list. */
  todos: { content: string; status: string }[] | null;
}

interface Base {
  at: number | undefined;
  sidechain: boolean;
  cwd: string | undefined;
  gitBranch: string | undefined;
}

export type ClaudeRecord =
  | (Base & {
      kind: 'assistant';
      uuid: string | undefined;
      /** API-error placeholder or `<synthetic>` model: never usage, never context. */
      synthetic: boolean;
      apiError: boolean;
      model: string | undefined;
      /** Dedupe key `(message.id, requestId)`; undefined when the record has no message id. */
      key: string | undefined;
      usage: Usage | undefined;
      tools: ToolUse[];
      text: string | undefined;
      errorText: string | undefined;
    })
  | (Base & {
      kind: 'user';
      uuid: string | undefined;
      /** Text the user typed, when this record is a prompt. */
      prompt: string | undefined;
      compactSummary: boolean;
      toolErrors: { id: string; message: string | null }[];
    })
  | (Base & { kind: 'compact-boundary'; postTokens: number | undefined })
  | (Base & { kind: 'api-error'; uuid: string | undefined; message: string | undefined })
  | (Base & { kind: 'other' })
  | { kind: 'title'; source: 'custom' | 'ai' | 'summary'; text: string }
  | { kind: 'identity'; extendedContext: boolean };

const FILE_TOOLS: Readonly<Record<string, string>> = {
  Edit: 'file_path',
  Write: 'file_path',
  MultiEdit: 'file_path',
  NotebookEdit: 'notebook_path',
};

/** Injected text that arrives as a user record but was not typed by the user. */
const NOT_TYPED = [
  '<local-command-stdout>',
  '<local-command-stderr>',
  '<local-command-caveat>',
  '<task-notification>',
  '[Request interrupted by user',
];

/** A slash command is recorded as tags; people know it as `/name args`. */
function readablePrompt(text: string): string {
  const name = /<command-name>([^<]*)<\/command-name>/.exec(text)?.[1]?.trim();
  if (!name) return text;
  const args = /<command-args>([^<]*)<\/command-args>/.exec(text)?.[1]?.trim();
  return args ? `${name} ${args}` : name;
}

export function parseClaudeRecord(record: Json): ClaudeRecord | null {
  const type = str(record, 'type');
  switch (type) {
    case 'assistant':
      return parseAssistant(record);
    case 'user':
      return parseUser(record);
    case 'system':
      return parseSystem(record);
    case 'summary':
      return titleRecord('summary', str(record, 'summary'));
    case 'custom-title':
      return titleRecord('custom', str(record, 'customTitle'));
    case 'ai-title':
      return titleRecord('ai', str(record, 'aiTitle'));
    case 'attachment':
      return parseAttachment(record);
    case undefined:
      return null;
    default:
      return { kind: 'other', ...base(record) };
  }
}

function base(record: Json): Base {
  return {
    at: time(record, 'timestamp'),
    sidechain: bool(record, 'isSidechain') ?? false,
    cwd: str(record, 'cwd'),
    gitBranch: str(record, 'gitBranch'),
  };
}

function titleRecord(source: 'custom' | 'ai' | 'summary', text: string | undefined): ClaudeRecord | null {
  return text && text.trim() ? { kind: 'title', source, text: text.trim() } : null;
}

function message(record: Json): Json {
  const value = obj(record, 'message');
  if (!value) throw new BadRecord('field "message" is missing');
  return value;
}

function parseUsage(usage: Json | undefined): Usage | undefined {
  if (!usage) return undefined;
  const cacheCreation = count(usage, 'cache_creation_input_tokens') ?? 0;
  const split = obj(usage, 'cache_creation');
  const oneHour = split ? (count(split, 'ephemeral_1h_input_tokens') ?? 0) : 0;
  return {
    input: count(usage, 'input_tokens') ?? 0,
    cacheCreation,
    cacheCreation1h: Math.min(oneHour, cacheCreation),
    cacheRead: count(usage, 'cache_read_input_tokens') ?? 0,
    output: count(usage, 'output_tokens') ?? 0,
  };
}

/** Message content as blocks; a plain string becomes one text block. */
function blocks(msg: Json): Json[] {
  const content = msg['content'];
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  if (!Array.isArray(content)) throw new BadRecord('field "content" is not a string or an array');
  return content.filter(isObject);
}

function parseAssistant(record: Json): ClaudeRecord {
  const msg = message(record);
  const model = str(msg, 'model');
  const apiError = bool(record, 'isApiErrorMessage') ?? false;
  const messageId = str(msg, 'id');
  const requestId = str(record, 'requestId');
  const tools: ToolUse[] = [];
  const texts: string[] = [];
  for (const block of blocks(msg)) {
    const blockType = str(block, 'type');
    if (blockType === 'text') {
      const text = str(block, 'text');
      if (text) texts.push(text);
    } else if (blockType === 'tool_use') {
      const id = str(block, 'id');
      const name = str(block, 'name');
      if (id && name) tools.push(toolUse(id, name, obj(block, 'input')));
    }
  }
  return {
    kind: 'assistant',
    ...base(record),
    uuid: str(record, 'uuid'),
    synthetic: apiError || model === '<synthetic>',
    apiError,
    model,
    key: messageId ? `${messageId}\u0000${requestId ?? ''}` : undefined,
    usage: parseUsage(obj(msg, 'usage')),
    tools,
    text: texts.length > 0 ? texts.join('\n') : undefined,
    errorText: apiError ? texts.join('\n') || undefined : undefined,
  };
}

function toolUse(id: string, name: string, input: Json | undefined): ToolUse {
  const pathKey = FILE_TOOLS[name];
  const filePath = pathKey && input ? (str(input, pathKey) ?? null) : null;
  let todos: ToolUse['todos'] = null;
  if (name === 'TodoWrite' && input) {
    todos = (arr(input, 'todos') ?? []).filter(isObject).map((todo) => ({
      content: str(todo, 'content') ?? '',
      status: str(todo, 'status') ?? 'pending',
    }));
  }
  return { id, name, filePath, todos };
}

function parseUser(record: Json): ClaudeRecord {
  const msg = message(record);
  const toolErrors: { id: string; message: string | null }[] = [];
  const texts: string[] = [];
  let hasToolResult = false;
  for (const block of blocks(msg)) {
    const blockType = str(block, 'type');
    if (blockType === 'tool_result') {
      hasToolResult = true;
      if (bool(block, 'is_error') === true) {
        toolErrors.push({ id: str(block, 'tool_use_id') ?? `line:${str(record, 'uuid') ?? ''}`, message: resultText(block) });
      }
    } else if (blockType === 'text') {
      const text = str(block, 'text');
      if (text) texts.push(text);
    }
  }
  const meta = bool(record, 'isMeta') ?? false;
  const compactSummary = bool(record, 'isCompactSummary') ?? false;
  const text = texts.join('\n').trim();
  const typed = !meta && !compactSummary && !hasToolResult && text !== '' && !NOT_TYPED.some((p) => text.startsWith(p));
  return {
    kind: 'user',
    ...base(record),
    uuid: str(record, 'uuid'),
    prompt: typed ? readablePrompt(text) : undefined,
    compactSummary,
    toolErrors,
  };
}

function resultText(block: Json): string | null {
  const content = block['content'];
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const first = content.find((part) => isObject(part) && typeof part['text'] === 'string');
    return isObject(first) ? String(first['text']) : null;
  }
  return null;
}

function parseSystem(record: Json): ClaudeRecord {
  const subtype = str(record, 'subtype');
  if (subtype === 'compact_boundary') {
    const metadata = obj(record, 'compactMetadata');
    return { kind: 'compact-boundary', ...base(record), postTokens: metadata ? count(metadata, 'postTokens') : undefined };
  }
  if (subtype === 'api_error') {
    const error = record['error'];
    const message = typeof error === 'string' ? error : isObject(error) ? JSON.stringify(error).slice(0, 300) : undefined;
    return { kind: 'api-error', ...base(record), uuid: str(record, 'uuid'), message };
  }
  return { kind: 'other', ...base(record) };
}

/** Newer versions record the model identity with its `[1m]` tier, which `message.model` drops. */
function parseAttachment(record: Json): ClaudeRecord {
  const attachment = record['attachment'];
  const identity = isObject(attachment) && isObject(attachment['identity']) ? attachment['identity'] : undefined;
  const modelId = identity && typeof identity['modelId'] === 'string' ? identity['modelId'] : undefined;
  if (modelId?.endsWith('[1m]')) return { kind: 'identity', extendedContext: true };
  return { kind: 'other', ...base(record) };
}
