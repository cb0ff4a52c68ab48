/**
 * What the conformance checks know about Gemini CLI chats: where a session's file is, which `gemini`
 * message must repeat each answer the fake server gave (matched by its token counts — Gemini CLI
 * keeps no response id), and the window Gemini CLI itself divides by (`tokenLimit()` in
 * packages/core/src/core/tokenLimits.ts: 1,048,576 for every current model).
 */
import { basename } from 'node:path';
import type { Tokens } from '../../../shared/session';
import type { GeminiUsage } from '../fake/gemini';
import type { Exchange } from '../fake/state';
import { compareFields, field, findFiles, readTranscript, type TranscriptLine } from '../transcript';

export const GEMINI_TOKEN_LIMIT = 1_048_576;

/**
 * The chat file (`~/.gemini/tmp/<project>/chats/session-<minute>-<first 8 of id>.jsonl`) of one session.
 * A run resumed in a later minute also leaves a `session-<that minute>-<id>.jsonl` with only a fresh
 * chat's opening (Gemini CLI 0.61 starts one before switching to the resumed file); the conversation is
 * in the earliest, which is the file Headroom must read (test/engine/gemini.test.ts has that case).
 */
export async function readChat(geminiDir: string, sessionId: string): Promise<{ file: string; lines: TranscriptLine[] }> {
  const files = await findFiles(geminiDir, (name) => name.startsWith('session-') && name.endsWith(`-${sessionId.slice(0, 8)}.jsonl`));
  const file = files.sort((a, b) => (basename(a) < basename(b) ? -1 : 1))[0];
  if (file === undefined) throw new Error(`expected a chats/session-*-${sessionId.slice(0, 8)}.jsonl under ${geminiDir}, found none: the file layout changed`);
  return { file, lines: await readTranscript(file) };
}

/** The newest `gemini` message line carrying one answer's token counts. */
export function geminiLine(lines: TranscriptLine[], exchange: Exchange<GeminiUsage>): TranscriptLine {
  const total = exchange.usage?.totalTokenCount;
  const line = lines.findLast((candidate) => candidate.record['type'] === 'gemini' && field(candidate.record, 'tokens.total') === total);
  if (line !== undefined) return line;
  const replies = lines.filter((candidate) => candidate.record['type'] === 'gemini').map((candidate) => `${candidate.line}: tokens ${JSON.stringify(candidate.record['tokens'])}`);
  throw new Error(`no "gemini" message with tokens.total = ${String(total)} for fake exchange #${exchange.seq} in ${lines[0]?.file ?? 'the chat'}; gemini lines: ${replies.join('; ') || 'none'}`);
}

export function usageProblems(lines: TranscriptLine[], exchanges: readonly Exchange<GeminiUsage>[]): string[] {
  return exchanges.filter((exchange) => exchange.kind === 'main' && exchange.usage !== null).flatMap((exchange) => {
    const usage = exchange.usage as GeminiUsage;
    try {
      return compareFields(geminiLine(lines, exchange), {
        'tokens.input': usage.promptTokenCount,
        'tokens.cached': usage.cachedContentTokenCount,
        'tokens.output': usage.candidatesTokenCount,
        'tokens.thoughts': usage.thoughtsTokenCount,
      });
    } catch (error) {
      return [(error as Error).message];
    }
  });
}

/** Spend Headroom must report: the chat's answers (side requests such as model routing are not recorded). */
export function expectedGeminiTokens(exchanges: readonly Exchange<GeminiUsage>[]): Tokens {
  const tokens: Tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
  for (const { kind, usage } of exchanges) {
    if (kind !== 'main' || usage === null) continue;
    tokens.input += usage.promptTokenCount - usage.cachedContentTokenCount;
    tokens.cacheRead += usage.cachedContentTokenCount;
    tokens.output += usage.candidatesTokenCount;
    tokens.reasoning += usage.thoughtsTokenCount;
    tokens.total += usage.totalTokenCount;
  }
  return tokens;
}
