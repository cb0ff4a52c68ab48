/**
 * Claude Code transcript records, validated field by field (see read/fields.ts for why not a schema
 * library). Only the fields Headroom uses are read; unknown record types become `other` so their
 * timestamps still count as activity. Format reference: FORMATS.md §1 (Claude Code).
 */
import { type Json, BadRecord, isObject, asStr, asBool, asCount, asObj, asTime } from '../../read/fields';
import { type FieldSpec, lazy } from '../../read/field-spec';
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

/**
 * Every field `parseClaudeRecord` and the source read (a test holds them to it): lines are read into
 * just these (read/select.ts), leaving out the rest — progress payloads, tool results' metadata. A tool
 * result's own text is only read when the tool failed, so it is made only then.
 */
export const CLAUDE_FIELDS: FieldSpec = {
  type: true,
  timestamp: true,
  isSidechain: true,
  cwd: true,
  gitBranch: true,
  uuid: true,
  sessionId: true,
  requestId: true,
  isApiErrorMessage: true,
  isMeta: true,
  isCompactSummary: true,
  subtype: true,
  compactMetadata: { postTokens: true },
  error: true,
  summary: true,
  customTitle: true,
  aiTitle: true,
  attachment: { identity: { modelId: true } },
  message: {
    model: true,
    id: true,
    usage: { input_tokens: true, cache_creation_input_tokens: true, cache_read_input_tokens: true, output_tokens: true, cache_creation: { ephemeral_1h_input_tokens: true } },
    content: [{ type: true, text: true, id: true, name: true, input: { file_path: true, notebook_path: true, todos: true }, tool_use_id: true, is_error: true, content: lazy([{ text: true }]) }],
  },
};

export function parseClaudeRecord(record: Json): ClaudeRecord | null {
  const type = asStr(record['type'], 'type');
  switch (type) {
    case 'assistant':
      return parseAssistant(record);
    case 'user':
      return parseUser(record);
    case 'system':
      return parseSystem(record);
    case 'summary':
      return titleRecord('summary', asStr(record['summary'], 'summary'));
    case 'custom-title':
      return titleRecord('custom', asStr(record['customTitle'], 'customTitle'));
    case 'ai-title':
      return titleRecord('ai', asStr(record['aiTitle'], 'aiTitle'));
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

const sidechain = (record: Json): boolean => asBool(record['isSidechain'], 'isSidechain') ?? false;

function otherRecord(record: Json): ClaudeRecord {
  return { kind: 'other', at: asTime(record['timestamp'], 'timestamp'), sidechain: sidechain(record), cwd: asStr(record['cwd'], 'cwd'), gitBranch: asStr(record['gitBranch'], 'gitBranch') };
}

function titleRecord(source: 'custom' | 'ai' | 'summary', text: string | undefined): ClaudeRecord | null {
  return text && text.trim() ? { kind: 'title', source, text: text.trim() } : null;
}

function message(record: Json): Json {
  const value = asObj(record['message'], 'message');
  if (!value) throw new BadRecord('field "message" is missing');
  return value;
}

function parseAssistant(record: Json): ClaudeRecord {
  const msg = message(record);
  const model = asStr(msg['model'], 'model');
  const apiError = asBool(record['isApiErrorMessage'], 'isApiErrorMessage') ?? false;
  const messageId = asStr(msg['id'], 'id');
  const requestId = asStr(record['requestId'], 'requestId') ?? '';
  let tools: ToolUse[] | undefined;
  const text = textAndBlocks(msg, (type, block) => {
    if (type !== 'tool_use') return;
    const id = asStr(block['id'], 'id');
    const name = asStr(block['name'], 'name');
    if (id && name) (tools ??= []).push(toolUse(id, name, asObj(block['input'], 'input')));
  });
  return {
    kind: 'assistant',
    at: asTime(record['timestamp'], 'timestamp'),
    sidechain: sidechain(record),
    cwd: asStr(record['cwd'], 'cwd'),
    gitBranch: asStr(record['gitBranch'], 'gitBranch'),
    uuid: asStr(record['uuid'], 'uuid'),
    synthetic: apiError || model === '<synthetic>',
    apiError,
    model,
    messageId: messageId || undefined,
    requestId,
    usage: parseUsage(asObj(msg['usage'], 'usage')),
    tools: tools ?? NO_TOOLS,
    text,
    errorText: apiError ? text : undefined,
  };
}

/**
 * A message's text (a plain-string content is all text; text blocks are joined by newlines), with every
 * other block handed to `onBlock` by its type.
 */
function textAndBlocks(msg: Json, onBlock: (type: string | undefined, block: Json) => void): string | undefined {
  const blocks = content(msg);
  if (typeof blocks === 'string') return blocks || undefined;
  let text: string | undefined;
  for (const block of blocks) {
    if (!isObject(block)) continue;
    const type = asStr(block['type'], 'type');
    if (type !== 'text') {
      onBlock(type, block);
      continue;
    }
    const part = asStr(block['text'], 'text');
    if (part) text = joinText(text, part);
  }
  return text;
}

function parseUser(record: Json): ClaudeRecord {
  const msg = message(record);
  let toolErrors: ToolError[] | undefined;
  let hasToolResult = false;
  const text = textAndBlocks(msg, (type, block) => {
    if (type !== 'tool_result') return;
    hasToolResult = true;
    if (asBool(block['is_error'], 'is_error') === true) (toolErrors ??= []).push(toolError(block, record));
  });
  const meta = asBool(record['isMeta'], 'isMeta') ?? false;
  const compactSummary = asBool(record['isCompactSummary'], 'isCompactSummary') ?? false;
  const typedText = !meta && !compactSummary && !hasToolResult && text !== undefined ? text.trim() : '';
  return {
    kind: 'user',
    at: asTime(record['timestamp'], 'timestamp'),
    sidechain: sidechain(record),
    cwd: asStr(record['cwd'], 'cwd'),
    gitBranch: asStr(record['gitBranch'], 'gitBranch'),
    uuid: asStr(record['uuid'], 'uuid'),
    prompt: typedByUser(typedText) ? readablePrompt(typedText) : undefined,
    compactSummary,
    toolErrors: toolErrors ?? NO_TOOL_ERRORS,
  };
}

function parseSystem(record: Json): ClaudeRecord {
  const subtype = asStr(record['subtype'], 'subtype');
  if (subtype === 'compact_boundary') {
    const metadata = asObj(record['compactMetadata'], 'compactMetadata');
    return {
      kind: 'compact-boundary',
      at: asTime(record['timestamp'], 'timestamp'),
      sidechain: sidechain(record),
      cwd: asStr(record['cwd'], 'cwd'),
      gitBranch: asStr(record['gitBranch'], 'gitBranch'),
      postTokens: metadata ? asCount(metadata['postTokens'], 'postTokens') : undefined,
    };
  }
  if (subtype === 'api_error') {
    const error = record['error'];
    const message = typeof error === 'string' ? error : isObject(error) ? JSON.stringify(error).slice(0, 300) : undefined;
    return {
      kind: 'api-error',
      at: asTime(record['timestamp'], 'timestamp'),
      sidechain: sidechain(record),
      cwd: asStr(record['cwd'], 'cwd'),
      gitBranch: asStr(record['gitBranch'], 'gitBranch'),
      uuid: asStr(record['uuid'], 'uuid'),
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
