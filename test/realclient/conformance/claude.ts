/**
 * What the conformance checks know about Claude Code transcripts: where a session's files are, and
 * which record must carry each answer the fake server gave (the assistant line with the same
 * `message.id`, repeating the usage field by field). Headroom's numbers are then compared with values
 * computed from the fake's log, and every message names the record involved.
 */
import { join } from 'node:path';
import type { Tokens } from '../../../shared/session';
import { anthropicContext, type AnthropicUsage } from '../fake/anthropic';
import type { Exchange } from '../fake/state';
import { compareFields, field, findFiles, readTranscript, where, type TranscriptLine } from '../transcript';

export interface ClaudeTranscript {
  main: string;
  subagents: string[];
  lines: TranscriptLine[];
}

/** Reads a session's main transcript and its `subagents/` files from `$CLAUDE_CONFIG_DIR/projects`. */
export async function readClaudeSession(projectsDir: string, sessionId: string): Promise<ClaudeTranscript> {
  const mains = await findFiles(projectsDir, (name) => name === `${sessionId}.jsonl`);
  if (mains.length !== 1) throw new Error(`expected one transcript named ${sessionId}.jsonl under ${projectsDir}, found ${mains.length}: the file layout changed`);
  const main = mains[0] as string;
  const subagents = await findFiles(join(main.slice(0, -'.jsonl'.length), 'subagents'), (name) => name.endsWith('.jsonl'));
  const lines = (await Promise.all([main, ...subagents].map(readTranscript))).flat();
  return { main, subagents, lines };
}

/** The assistant record carrying one fake response; throws with the record types seen when there is none. */
export function assistantLine(transcript: ClaudeTranscript, exchange: Exchange<AnthropicUsage>): TranscriptLine {
  const line = transcript.lines.find((candidate) => candidate.record['type'] === 'assistant' && field(candidate.record, 'message.id') === exchange.responseId);
  if (line !== undefined) return line;
  const types = [...new Set(transcript.lines.map((candidate) => String(candidate.record['type'])))].join(', ');
  throw new Error(`no assistant record with message.id ${String(exchange.responseId)} (fake exchange #${exchange.seq}) in ${transcript.main} or its subagents; record types present: ${types}`);
}

/** Every main answer must appear with its usage intact: one problem line per missing record or changed field. */
export function usageProblems(transcript: ClaudeTranscript, exchanges: readonly Exchange<AnthropicUsage>[]): string[] {
  return exchanges.filter((exchange) => exchange.kind === 'main' && exchange.usage !== null).flatMap((exchange) => {
    const usage = exchange.usage as AnthropicUsage;
    let line: TranscriptLine;
    try {
      line = assistantLine(transcript, exchange);
    } catch (error) {
      return [(error as Error).message];
    }
    return compareFields(line, {
      'message.usage.input_tokens': usage.input_tokens,
      'message.usage.cache_creation_input_tokens': usage.cache_creation_input_tokens,
      'message.usage.cache_read_input_tokens': usage.cache_read_input_tokens,
      'message.usage.output_tokens': usage.output_tokens,
    });
  });
}

/** The `system/compact_boundary` records, checked for the fields Headroom reads. */
export function compactBoundaries(transcript: ClaudeTranscript): { line: TranscriptLine; trigger: unknown; postTokens: number }[] {
  return transcript.lines
    .filter((line) => line.record['type'] === 'system' && line.record['subtype'] === 'compact_boundary')
    .map((line) => {
      const postTokens = field(line.record, 'compactMetadata.postTokens');
      if (typeof postTokens !== 'number') throw new Error(`${where(line)}: compactMetadata.postTokens is ${JSON.stringify(postTokens)}, expected a token count`);
      return { line, trigger: field(line.record, 'compactMetadata.trigger'), postTokens };
    });
}

/** Spend Headroom must report: every main answer of the session (subagents included), each once. */
export function expectedClaudeTokens(exchanges: readonly Exchange<AnthropicUsage>[]): Tokens {
  const tokens: Tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
  for (const { kind, usage } of exchanges) {
    if (kind !== 'main' || usage === null) continue;
    tokens.input += usage.input_tokens;
    tokens.cacheCreation += usage.cache_creation_input_tokens;
    tokens.cacheRead += usage.cache_read_input_tokens;
    tokens.output += usage.output_tokens;
    tokens.total += anthropicContext(usage) + usage.output_tokens;
  }
  return tokens;
}

/**
 * The parts of `claude -p --output-format json` a scenario needs: the session id and the window Claude
 * itself uses (`modelUsage.<model>.contextWindow`); null when the run made no model call (`/compact`).
 */
export function parseClaudeResult(stdout: string): { sessionId: string; contextWindow: number | null } {
  const result = JSON.parse(stdout) as { session_id?: unknown; modelUsage?: Record<string, { contextWindow?: unknown }> };
  if (typeof result.session_id !== 'string') throw new Error(`claude -p printed no session_id: ${stdout.slice(0, 300)}`);
  const windows = Object.values(result.modelUsage ?? {}).map((usage) => usage.contextWindow).filter((value): value is number => typeof value === 'number');
  return { sessionId: result.session_id, contextWindow: windows.length === 0 ? null : Math.max(...windows) };
}
