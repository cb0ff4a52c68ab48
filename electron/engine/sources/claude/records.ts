/**
 * Claude Code transcript records, validated field by field (see read/fields.ts for why not a schema
 * library). Only the fields Headroom uses are read; unknown record types become `other` so their
 * timestamps still count as activity. Format reference: FORMATS.md §1 (Claude Code).
 */
import { type Json, BadRecord, bool, count, isObject, obj, str, time } from '../../read/fields';
import { NO_TOOLS, NO_TOOL_ERRORS, content, joinText, parseUsage, readablePrompt, toolError, toolUse, typedByUser } from './content';

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

export interface ToolError {
  id: string;
  message: string | null;
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
      /** With `requestId`, names the API response this line is part of (see spend.ts). */
      messageId: string | undefined;
      /** '' when absent. */
      requestId: string;
      usage: Usage | undefined;
      tools: readonly ToolUse[];
      text: string | undefined;
      errorText: string | undefined;
    })
  | (Base & {
      kind: 'user';
      uuid: string | undefined;
      /** Text the user typed, when this record is a prompt. */
      prompt: string | undefined;
      compactSummary: boolean;
      toolErrors: readonly ToolError[];
    })
  | (Base & { kind: 'compact-boundary'; postTokens: number | undefined })
  | (Base & { kind: 'api-error'; uuid: string | undefined; message: string | undefined })
  | (Base & { kind: 'other' })
  | { kind: 'title'; source: 'custom' | 'ai' | 'summary'; text: string }
  | { kind: 'identity'; extendedContext: boolean };

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
      return otherRecord(record);
  }
}

/*
 * Every line becomes one of these records, so each is built in a single object literal that spells
 * out the Base fields (at, sidechain, cwd, gitBranch): spreading a shared base object would allocate
 * and copy a second object per line.
 */

const sidechain = (record: Json): boolean => bool(record, 'isSidechain') ?? false;

function otherRecord(record: Json): ClaudeRecord {
  return { kind: 'other', at: time(record, 'timestamp'), sidechain: sidechain(record), cwd: str(record, 'cwd'), gitBranch: str(record, 'gitBranch') };
}

function titleRecord(source: 'custom' | 'ai' | 'summary', text: string | undefined): ClaudeRecord | null {
  return text && text.trim() ? { kind: 'title', source, text: text.trim() } : null;
}

function message(record: Json): Json {
  const value = obj(record, 'message');
  if (!value) throw new BadRecord('field "message" is missing');
  return value;
}

function parseAssistant(record: Json): ClaudeRecord {
  const msg = message(record);
  const model = str(msg, 'model');
  const apiError = bool(record, 'isApiErrorMessage') ?? false;
  const messageId = str(msg, 'id');
  const requestId = str(record, 'requestId') ?? '';
  let tools: ToolUse[] | undefined;
  let text: string | undefined;
  const blocks = content(msg);
  if (typeof blocks === 'string') {
    if (blocks) text = blocks;
  } else {
    for (const block of blocks) {
      if (!isObject(block)) continue;
      const blockType = str(block, 'type');
      if (blockType === 'text') {
        const part = str(block, 'text');
        if (part) text = joinText(text, part);
      } else if (blockType === 'tool_use') {
        const id = str(block, 'id');
        const name = str(block, 'name');
        if (id && name) (tools ??= []).push(toolUse(id, name, obj(block, 'input')));
      }
    }
  }
  return {
    kind: 'assistant',
    at: time(record, 'timestamp'),
    sidechain: sidechain(record),
    cwd: str(record, 'cwd'),
    gitBranch: str(record, 'gitBranch'),
    uuid: str(record, 'uuid'),
    synthetic: apiError || model === '<synthetic>',
    apiError,
    model,
    messageId: messageId || undefined,
    requestId,
    usage: parseUsage(obj(msg, 'usage')),
    tools: tools ?? NO_TOOLS,
    text,
    errorText: apiError ? text : undefined,
  };
}

function parseUser(record: Json): ClaudeRecord {
  const msg = message(record);
  let toolErrors: ToolError[] | undefined;
  let text: string | undefined;
  let hasToolResult = false;
  const blocks = content(msg);
  if (typeof blocks === 'string') {
    if (blocks) text = blocks;
  } else {
    for (const block of blocks) {
      if (!isObject(block)) continue;
      const blockType = str(block, 'type');
      if (blockType === 'tool_result') {
        hasToolResult = true;
        if (bool(block, 'is_error') === true) (toolErrors ??= []).push(toolError(block, record));
      } else if (blockType === 'text') {
        const part = str(block, 'text');
        if (part) text = joinText(text, part);
      }
    }
  }
  const meta = bool(record, 'isMeta') ?? false;
  const compactSummary = bool(record, 'isCompactSummary') ?? false;
  const typedText = !meta && !compactSummary && !hasToolResult && text !== undefined ? text.trim() : '';
  return {
    kind: 'user',
    at: time(record, 'timestamp'),
    sidechain: sidechain(record),
    cwd: str(record, 'cwd'),
    gitBranch: str(record, 'gitBranch'),
    uuid: str(record, 'uuid'),
    prompt: typedByUser(typedText) ? readablePrompt(typedText) : undefined,
    compactSummary,
    toolErrors: toolErrors ?? NO_TOOL_ERRORS,
  };
}

function parseSystem(record: Json): ClaudeRecord {
  const subtype = str(record, 'subtype');
  if (subtype === 'compact_boundary') {
    const metadata = obj(record, 'compactMetadata');
    return {
      kind: 'compact-boundary',
      at: time(record, 'timestamp'),
      sidechain: sidechain(record),
      cwd: str(record, 'cwd'),
      gitBranch: str(record, 'gitBranch'),
      postTokens: metadata ? count(metadata, 'postTokens') : undefined,
    };
  }
  if (subtype === 'api_error') {
    const error = record['error'];
    const message = typeof error === 'string' ? error : isObject(error) ? JSON.stringify(error).slice(0, 300) : undefined;
    return {
      kind: 'api-error',
      at: time(record, 'timestamp'),
      sidechain: sidechain(record),
      cwd: str(record, 'cwd'),
      gitBranch: str(record, 'gitBranch'),
      uuid: str(record, 'uuid'),
      message,
    };
  }
  return otherRecord(record);
}

/** Newer versions record the model identity with its `[1m]` tier, which `message.model` drops. */
function parseAttachment(record: Json): ClaudeRecord {
  const attachment = record['attachment'];
  const identity = isObject(attachment) && isObject(attachment['identity']) ? attachment['identity'] : undefined;
  const modelId = identity && typeof identity['modelId'] === 'string' ? identity['modelId'] : undefined;
  if (modelId?.endsWith('[1m]')) return { kind: 'identity', extendedContext: true };
  return otherRecord(record);
}
