/**
 * The parts of a Claude Code message record: its content blocks (text, tool calls, tool results),
 * its usage, and whether its text is a prompt the user typed. Used by records.ts.
 */
import { type Json, BadRecord, arr, isObject, str, asStr, asCount, asObj } from '../../read/fields';
import type { ToolError, ToolUse, Usage } from './records';

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

/** Most records have no tool call or tool error: they share these instead of each allocating one. */
export const NO_TOOLS: readonly ToolUse[] = Object.freeze([]);
export const NO_TOOL_ERRORS: readonly ToolError[] = Object.freeze([]);
const NO_BLOCKS: readonly unknown[] = Object.freeze([]);

/** A slash command is recorded as tags; people know it as `/name args`. */
export function readablePrompt(text: string): string {
  // Most prompts are plain text: a substring search rules the regexes out cheaply.
  if (!text.includes('<command-name>')) return text;
  const name = /<command-name>([^<]*)<\/command-name>/.exec(text)?.[1]?.trim();
  if (!name) return text;
  const args = /<command-args>([^<]*)<\/command-args>/.exec(text)?.[1]?.trim();
  return args ? `${name} ${args}` : name;
}

/** Whether a user record's (trimmed) text is something the user typed, not injected context. */
export function typedByUser(text: string): boolean {
  if (text === '') return false;
  for (const prefix of NOT_TYPED) if (text.startsWith(prefix)) return false;
  return true;
}

export function parseUsage(usage: Json | undefined): Usage | undefined {
  if (!usage) return undefined;
  const cacheCreation = asCount(usage['cache_creation_input_tokens'], 'cache_creation_input_tokens') ?? 0;
  const split = asObj(usage['cache_creation'], 'cache_creation');
  const oneHour = split ? (asCount(split['ephemeral_1h_input_tokens'], 'ephemeral_1h_input_tokens') ?? 0) : 0;
  return {
    input: asCount(usage['input_tokens'], 'input_tokens') ?? 0,
    cacheCreation,
    cacheCreation1h: Math.min(oneHour, cacheCreation),
    cacheRead: asCount(usage['cache_read_input_tokens'], 'cache_read_input_tokens') ?? 0,
    output: asCount(usage['output_tokens'], 'output_tokens') ?? 0,
  };
}

/**
 * Message content: a plain string (one text block) or the array of blocks as written — not a
 * filtered copy; callers skip the entries that are not objects.
 */
export function content(msg: Json): string | readonly unknown[] {
  const value = msg['content'];
  if (value === undefined || value === null) return NO_BLOCKS;
  if (typeof value === 'string' || Array.isArray(value)) return value;
  throw new BadRecord('field "content" is not a string or an array');
}

/** The text so far with one more text block, newline-separated (as `join('\n')` would give). */
export function joinText(joined: string | undefined, text: string): string {
  return joined === undefined ? text : `${joined}\n${text}`;
}

export function toolUse(id: string, name: string, input: Json | undefined): ToolUse {
  const pathKey = FILE_TOOLS[name];
  const filePath = pathKey && input ? (str(input, pathKey) ?? null) : null;
  let todos: ToolUse['todos'] = null;
  if (name === 'TodoWrite' && input) {
    todos = (arr(input, 'todos') ?? []).filter(isObject).map((todo) => ({
      content: asStr(todo['content'], 'content') ?? '',
      status: asStr(todo['status'], 'status') ?? 'pending',
    }));
  }
  return { id, name, filePath, todos };
}

export function toolError(block: Json, record: Json): ToolError {
  return { id: asStr(block['tool_use_id'], 'tool_use_id') ?? `line:${asStr(record['uuid'], 'uuid') ?? ''}`, message: resultText(block) };
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
