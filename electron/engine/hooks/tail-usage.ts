/**
 * The newest context figures in a transcript, read from its end with the engine's own record parsers
 * (sources/claude/records.ts, sources/codex/records.ts), so a hook agrees with the app:
 *
 * - Claude Code: input + cache_creation + cache_read of the newest main-chain, non-synthetic assistant
 *   record; when a compact_boundary comes first (newest), its postTokens. The model is that of the
 *   newest main-chain answer.
 * - Codex: last_token_usage.total_tokens of the newest token_count — or, when a response's
 *   token_usage_record is newer (see `responseUsage`), its total; the window is the newest
 *   token_count's model_context_window, else the newest task_started's.
 *
 * A line that is not a valid record is skipped, exactly as the engine skips it.
 */
import type { Agent } from '../../../shared/session';
import { BadRecord, count, type Json, obj, parseLine } from '../read/fields';
import { parseClaudeRecord } from '../sources/claude/records';
import { parseCodexRecord } from '../sources/codex/records';
import { scanBackwards } from './tail';

export interface TailUsage {
  /** Context tokens now; null when the tail holds no usage yet. */
  usedTokens: number | null;
  /** Claude: the model of the record the usage came from. */
  model: string | null;
  /** Claude: the transcript says the 1M tier is on (a `[1m]` identity). */
  extendedContext: boolean;
  /** Codex: the effective window Codex recorded. */
  windowTokens: number | null;
}

const NOTHING: TailUsage = { usedTokens: null, model: null, extendedContext: false, windowTokens: null };

export function tailUsage(agent: Agent, transcript: string): TailUsage {
  if (agent === 'claude-code') return claudeTail(transcript);
  if (agent === 'codex') return codexTail(transcript);
  return NOTHING;
}

function claudeTail(transcript: string): TailUsage {
  const found = { ...NOTHING };
  let usageFound = false;
  scanBackwards(transcript, (line) => {
    const record = parsed(line, parseClaudeRecord);
    if (!record) return false;
    if (record.kind === 'identity') found.extendedContext = found.extendedContext || record.extendedContext;
    if (record.kind === 'title' || record.kind === 'identity' || record.sidechain) return false;
    if (record.kind === 'compact-boundary' && !usageFound) {
      found.usedTokens = record.postTokens ?? null;
      usageFound = true;
    }
    if (record.kind !== 'assistant' || record.synthetic) return false;
    // The model is the newest main-chain answer's, even when the context comes from a later boundary.
    if (found.model === null && record.model) found.model = record.model;
    if (!usageFound && record.usage) {
      found.usedTokens = record.usage.input + record.usage.cacheCreation + record.usage.cacheRead;
      usageFound = true;
    }
    return usageFound && found.model !== null;
  });
  return found;
}

function codexTail(transcript: string): TailUsage {
  const found = { ...NOTHING };
  let startedWindow: number | null = null;
  scanBackwards(transcript, (line) => {
    const json = parsedJson(line);
    if (!json) return false;
    const record = parsed(line, parseCodexRecord, json);
    if (record?.kind === 'token-count') {
      if (found.usedTokens === null && record.last) found.usedTokens = record.last.total;
      if (found.windowTokens === null && record.window) found.windowTokens = record.window;
    } else if (record?.kind === 'task-started' && startedWindow === null && record.window) {
      startedWindow = record.window;
    } else if (found.usedTokens === null) {
      found.usedTokens = responseUsage(json);
    }
    return found.usedTokens !== null && (found.windowTokens !== null || startedWindow !== null);
  });
  return { ...found, windowTokens: found.windowTokens ?? startedWindow };
}

/**
 * Codex 0.16x writes `token_usage_record` as soon as a response arrives, but its `token_count` event
 * only after the tool the response asked for has run — after PostToolUse. The record's
 * `usage.total_tokens` is the figure that token_count will carry as `last_token_usage.total_tokens`,
 * so the check reads it here (the engine's parser, which works from token_count, skips this type).
 */
function responseUsage(json: Json): number | null {
  if (json['type'] !== 'token_usage_record') return null;
  try {
    const usage = obj(obj(json, 'payload') ?? {}, 'usage');
    return usage ? (count(usage, 'total_tokens') ?? null) : null;
  } catch (error) {
    if (error instanceof BadRecord) return null;
    throw error;
  }
}

function parsedJson(line: Buffer): Json | null {
  try {
    return parseLine(line);
  } catch (error) {
    if (error instanceof BadRecord) return null;
    throw error;
  }
}

function parsed<R>(line: Buffer, parse: (record: Json) => R | null, json: Json | null = parsedJson(line)): R | null {
  if (!json) return null;
  try {
    return parse(json);
  } catch (error) {
    if (error instanceof BadRecord) return null;
    throw error;
  }
}
