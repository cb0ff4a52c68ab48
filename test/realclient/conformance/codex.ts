/**
 * What the conformance checks know about Codex rollouts: where a thread's file is, which
 * `event_msg/token_count` record must repeat each answer the fake server gave, and Codex's own
 * "% context left" formula (codex-rs/protocol/src/protocol.rs `percent_of_context_window_remaining`),
 * written out here independently of the engine.
 */
import type { Tokens } from '../../../shared/session';
import type { OpenAIUsage } from '../fake/openai';
import type { Exchange } from '../fake/state';
import { compareFields, field, findFiles, readTranscript, where, type TranscriptLine } from '../transcript';

/** Codex reserves this much of the window for prompts, tools and the compaction call. */
const BASELINE_TOKENS = 12_000;

/** What Codex shows as "N% context left" for `used` tokens in its effective window. */
export function codexPercentLeft(used: number, window: number): number {
  if (window <= BASELINE_TOKENS) return 0;
  const effective = window - BASELINE_TOKENS;
  const remaining = Math.max(0, effective - Math.max(0, used - BASELINE_TOKENS));
  return Math.round(Math.min(100, Math.max(0, (remaining / effective) * 100)));
}

/** The thread id `codex exec` prints ("session id: …"). */
export function parseThreadId(output: string): string {
  const match = /session id: ([0-9a-f-]{36})/.exec(output);
  if (match?.[1] === undefined) throw new Error(`codex exec printed no session id:\n${output.slice(0, 600)}`);
  return match[1];
}

/** The rollout of one thread under `$CODEX_HOME/sessions/YYYY/MM/DD/`. */
export async function readRollout(sessionsDir: string, threadId: string): Promise<{ file: string; lines: TranscriptLine[] }> {
  const files = await findFiles(sessionsDir, (name) => name.startsWith('rollout-') && name.endsWith(`${threadId}.jsonl`));
  if (files.length !== 1) throw new Error(`expected one rollout-*-${threadId}.jsonl under ${sessionsDir}, found ${files.length}: the file layout changed`);
  const file = files[0] as string;
  return { file, lines: await readTranscript(file) };
}

const tokenCounts = (lines: TranscriptLine[]): TranscriptLine[] =>
  lines.filter((line) => line.record['type'] === 'event_msg' && field(line.record, 'payload.type') === 'token_count' && field(line.record, 'payload.info') != null);

/** The token_count record reporting one answer as its `last_token_usage`; throws naming what was found instead. */
export function tokenCountLine(lines: TranscriptLine[], exchange: Exchange<OpenAIUsage>): TranscriptLine {
  const total = exchange.usage?.total_tokens;
  const line = tokenCounts(lines).find((candidate) => field(candidate.record, 'payload.info.last_token_usage.total_tokens') === total);
  if (line !== undefined) return line;
  const counts = tokenCounts(lines);
  const sample = counts[0];
  const shape = sample === undefined
    ? 'the rollout has no event_msg/token_count record with info at all'
    : `${counts.length} token_count records, e.g. ${where(sample)} with info keys [${Object.keys(field(sample.record, 'payload.info') as object).join(', ')}]`;
  const usageRecord = lines.find((candidate) => field(candidate.record, 'payload.response_id') === exchange.responseId);
  throw new Error(`no event_msg/token_count with info.last_token_usage.total_tokens = ${String(total)} for fake exchange #${exchange.seq}; found ${shape}` +
    (usageRecord === undefined ? '' : `; the response itself is recorded at ${where(usageRecord)}`));
}

/** Every answer (turns and the compaction call) must appear as a token_count with its usage intact. */
export function usageProblems(lines: TranscriptLine[], exchanges: readonly Exchange<OpenAIUsage>[]): string[] {
  return exchanges.filter((exchange) => exchange.usage !== null && exchange.kind !== 'side').flatMap((exchange) => {
    const usage = exchange.usage as OpenAIUsage;
    let line: TranscriptLine;
    try {
      line = tokenCountLine(lines, exchange);
    } catch (error) {
      return [(error as Error).message];
    }
    const last = 'payload.info.last_token_usage';
    return compareFields(line, {
      [`${last}.input_tokens`]: usage.input_tokens,
      [`${last}.cached_input_tokens`]: usage.input_tokens_details.cached_tokens,
      [`${last}.output_tokens`]: usage.output_tokens,
      [`${last}.reasoning_output_tokens`]: usage.output_tokens_details.reasoning_tokens,
    });
  });
}

/** The newest token_count, whose cumulative total and window Headroom reports. */
export function lastTokenCount(lines: TranscriptLine[]): TranscriptLine {
  const line = tokenCounts(lines).at(-1);
  if (line === undefined) throw new Error('the rollout has no event_msg/token_count record with info');
  return line;
}

/** Spend Headroom must report: every answer of the thread, the compaction call included (Codex bills it). */
export function expectedCodexTokens(exchanges: readonly Exchange<OpenAIUsage>[]): Tokens {
  const tokens: Tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
  for (const { kind, usage } of exchanges) {
    if (kind === 'side' || usage === null) continue;
    tokens.input += usage.input_tokens - usage.input_tokens_details.cached_tokens;
    tokens.cacheRead += usage.input_tokens_details.cached_tokens;
    tokens.output += usage.output_tokens;
    tokens.reasoning += usage.output_tokens_details.reasoning_tokens;
    tokens.total += usage.total_tokens;
  }
  return tokens;
}
