/** Loose JSON helpers for reading client requests, whose exact shape the fakes must not over-assume. */
import { createHash } from 'node:crypto';

export type Json = Record<string, unknown>;

export function lastWhere<T>(items: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index] as T;
    if (predicate(item)) return item;
  }
  return undefined;
}

/**
 * The text of a message's content, keeping only blocks of the given types: a string content is its own
 * text; `tool_result` blocks contribute their nested text. Works for Anthropic blocks, OpenAI
 * `input_text` parts and Gemini `text` parts alike.
 */
export function contentText(content: unknown, types: readonly string[]): string {
  if (typeof content === 'string') return types.includes('text') ? content : '';
  if (!Array.isArray(content)) return '';
  const parts: string[] = [];
  for (const item of content as Json[]) {
    const type = typeof item['type'] === 'string' ? item['type'] : 'text';
    if (!types.includes(type)) continue;
    if (typeof item['text'] === 'string') parts.push(item['text']);
    else if (type === 'tool_result') parts.push(contentText(item['content'], ['text']));
  }
  return parts.join('\n');
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
