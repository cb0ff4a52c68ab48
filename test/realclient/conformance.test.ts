/**
 * The conformance checks themselves, on transcripts the real clients wrote (committed fixtures): they
 * pass on the real files, and when a record changes shape — the way a new client version would change
 * it, in every record of that kind — they fail with a message naming the file, line and record type.
 * Runs in the unit project: no client, no network.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_FIXTURES, CODEX_FIXTURES, GEMINI_FIXTURES, tempDir } from '../support/paths';
import { readClaudeSession, usageProblems as claudeProblems } from './conformance/claude';
import { readRollout, usageProblems as codexProblems } from './conformance/codex';
import { readChat, usageProblems as geminiProblems } from './conformance/gemini';
import type { AnthropicUsage } from './fake/anthropic';
import type { GeminiUsage } from './fake/gemini';
import type { Json } from './fake/json';
import type { OpenAIUsage } from './fake/openai';
import type { Exchange } from './fake/state';
import { field, type TranscriptLine } from './transcript';

const CLAUDE_SESSION = 'b9f31db9-7ed4-434f-ac54-639d8127e7be';
const CODEX_THREAD = '01a1fddd-208c-7e92-bd2c-7bebf7c40be2';
const GEMINI_SESSION = 'febf1502';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Copies a fixture tree, rewriting every record `change` touches (as a new client version would). */
async function copyWith(source: string, file: string, change: (record: Json) => Json | null = () => null): Promise<string> {
  const dir = tempDir('headroom-conformance-');
  cleanups.push(dir.cleanup);
  await cp(source, dir.path, { recursive: true });
  const path = join(dir.path, file);
  const lines = (await readFile(path, 'utf8')).split('\n').map((line) => {
    if (line.trim() === '') return line;
    const changed = change(JSON.parse(line) as Json);
    return changed === null ? line : JSON.stringify(changed);
  });
  await writeFile(path, lines.join('\n'));
  return dir.path;
}

/** What a fake server would have logged to produce these records. */
function exchange<U>(seq: number, usage: U, responseId: string | null = null): Exchange<U> {
  return { seq, kind: 'main', conversation: 'fixture', turn: seq, reply: null, usage, error: null, responseId };
}

function renameKey(record: Json, path: string, to: string): Json {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = field(record, keys.join('.'));
  if (typeof parent === 'object' && parent !== null && last in parent) {
    const holder = parent as Json;
    holder[to] = holder[last];
    delete holder[last];
  }
  return record;
}

const problemLines = (problems: string[]) => problems.map((problem) => /:(\d+) \((\w[\w/_-]*)\)/.exec(problem)?.slice(1).join(' '));

describe('Claude Code conformance check', () => {
  const file = `projects/-home-dev-work-proj-claude-demo-20261121-112753/${CLAUDE_SESSION}.jsonl`;
  const projects = async (change?: (record: Json) => Json | null) => join(await copyWith(CLAUDE_FIXTURES, file, change), 'projects');
  const answers = (lines: TranscriptLine[]): Exchange<AnthropicUsage>[] => {
    const seen = new Map<string, AnthropicUsage>();
    for (const { record } of lines) {
      const id = field(record, 'message.id');
      if (record['type'] !== 'assistant' || typeof id !== 'string' || field(record, 'message.model') === '<synthetic>' || seen.has(id)) continue;
      seen.set(id, field(record, 'message.usage') as AnthropicUsage);
    }
    return [...seen].map(([id, usage], index) => exchange(index + 1, usage, id));
  };

  it('finds every answer with its usage in the real transcript', async () => {
    const transcript = await readClaudeSession(await projects(), CLAUDE_SESSION);
    const exchanges = answers(transcript.lines);
    expect(exchanges.length).toBeGreaterThan(5);
    expect(claudeProblems(transcript, exchanges)).toEqual([]);
  });

  it('names each assistant record whose usage field was renamed', async () => {
    const original = await readClaudeSession(await projects(), CLAUDE_SESSION);
    const exchanges = answers(original.lines);
    const changed = await readClaudeSession(await projects((record) => (record['type'] === 'assistant' ? renameKey(record, 'message.usage.cache_read_input_tokens', 'cache_read_tokens') : null)), CLAUDE_SESSION);
    const problems = claudeProblems(changed, exchanges);
    // Only the main transcript was rewritten; the subagent's answer still has its usage.
    const firstLines = exchanges.map((answer) => original.lines.find((line) => field(line.record, 'message.id') === answer.responseId)).filter((line) => line?.file === original.main);
    expect(problems).toHaveLength(firstLines.length);
    expect(problems[0]).toMatch(new RegExp(`${CLAUDE_SESSION}\\.jsonl:\\d+ \\(assistant\\): message\\.usage\\.cache_read_input_tokens is undefined, the fake server sent \\d+`));
    expect(problemLines(problems).slice(0, 3)).toEqual(firstLines.slice(0, 3).map((line) => `${line?.line} assistant`));
  });

  it('says which record kinds exist when the answers are no longer assistant records', async () => {
    const exchanges = answers((await readClaudeSession(await projects(), CLAUDE_SESSION)).lines);
    const changed = await readClaudeSession(await projects((record) => (record['type'] === 'assistant' ? { ...record, type: 'model_response' } : null)), CLAUDE_SESSION);
    const [problem] = claudeProblems(changed, exchanges);
    expect(problem).toContain(`no assistant record with message.id ${String(exchanges[0]?.responseId)}`);
    expect(problem).toContain('record types present:');
    expect(problem).toContain('model_response');
  });
});

describe('Codex conformance check', () => {
  const file = `sessions/2026/11/21/rollout-2026-11-21T11-28-09-${CODEX_THREAD}.jsonl`;
  const sessions = async (change?: (record: Json) => Json | null) => join(await copyWith(CODEX_FIXTURES, file, change), 'sessions');
  const answers = (lines: TranscriptLine[]): Exchange<OpenAIUsage>[] => {
    const seen = new Map<number, OpenAIUsage>();
    for (const { record } of lines) {
      const last = field(record, 'payload.info.last_token_usage') as Record<string, number> | undefined;
      if (field(record, 'payload.type') !== 'token_count' || last === undefined || seen.has(last['total_tokens'] as number)) continue;
      seen.set(last['total_tokens'] as number, {
        input_tokens: last['input_tokens'] as number,
        input_tokens_details: { cached_tokens: last['cached_input_tokens'] as number },
        output_tokens: last['output_tokens'] as number,
        output_tokens_details: { reasoning_tokens: last['reasoning_output_tokens'] as number },
        total_tokens: last['total_tokens'] as number,
      });
    }
    return [...seen.values()].map((usage, index) => exchange(index + 1, usage));
  };

  it('finds every answer as a token_count in the real rollout', async () => {
    const { lines } = await readRollout(await sessions(), CODEX_THREAD);
    const exchanges = answers(lines);
    expect(exchanges.length).toBeGreaterThan(3);
    expect(codexProblems(lines, exchanges)).toEqual([]);
  });

  it('names a token_count record and its keys when last_token_usage is renamed', async () => {
    const exchanges = answers((await readRollout(await sessions(), CODEX_THREAD)).lines);
    const { lines } = await readRollout(await sessions((record) => (field(record, 'payload.type') === 'token_count' ? renameKey(record, 'payload.info.last_token_usage', 'last_usage') : null)), CODEX_THREAD);
    const [problem] = codexProblems(lines, exchanges);
    expect(problem).toMatch(new RegExp(`no event_msg/token_count with info\\.last_token_usage\\.total_tokens = \\d+ .*rollout-[^ ]+${CODEX_THREAD}\\.jsonl:\\d+ \\(event_msg/token_count\\) with info keys \\[[^\\]]*last_usage`));
  });

  it('names the record whose cached count moved', async () => {
    const exchanges = answers((await readRollout(await sessions(), CODEX_THREAD)).lines);
    const { lines } = await readRollout(await sessions((record) => (field(record, 'payload.type') === 'token_count' ? renameKey(record, 'payload.info.last_token_usage.cached_input_tokens', 'cache_read_input_tokens') : null)), CODEX_THREAD);
    const problems = codexProblems(lines, exchanges);
    expect(problems).toHaveLength(exchanges.length);
    expect(problems[0]).toMatch(/\.jsonl:\d+ \(event_msg\/token_count\): payload\.info\.last_token_usage\.cached_input_tokens is undefined, the fake server sent \d+/);
  });
});

describe('Gemini CLI conformance check', () => {
  const file = `tmp/proj-gemini-demo/chats/session-2026-11-21T11-28-${GEMINI_SESSION}.jsonl`;
  const root = (change?: (record: Json) => Json | null) => copyWith(GEMINI_FIXTURES, file, change);
  const answers = (lines: TranscriptLine[]): Exchange<GeminiUsage>[] => {
    const seen = new Map<number, GeminiUsage>();
    for (const { record } of lines) {
      const tokens = record['tokens'] as Record<string, number> | undefined;
      if (record['type'] !== 'gemini' || tokens === undefined) continue;
      seen.set(tokens['total'] as number, {
        promptTokenCount: tokens['input'] as number,
        cachedContentTokenCount: tokens['cached'] as number,
        candidatesTokenCount: tokens['output'] as number,
        thoughtsTokenCount: tokens['thoughts'] as number,
        totalTokenCount: tokens['total'] as number,
      });
    }
    return [...seen.values()].map((usage, index) => exchange(index + 1, usage));
  };

  it('finds every answer with its token counts in the real chat', async () => {
    const { lines } = await readChat(await root(), GEMINI_SESSION);
    const exchanges = answers(lines);
    expect(exchanges.length).toBeGreaterThan(1);
    expect(geminiProblems(lines, exchanges)).toEqual([]);
  });

  it('names each gemini message whose tokens.input was renamed', async () => {
    const exchanges = answers((await readChat(await root(), GEMINI_SESSION)).lines);
    const { lines } = await readChat(await root((record) => (record['type'] === 'gemini' ? renameKey(record, 'tokens.input', 'prompt') : null)), GEMINI_SESSION);
    const problems = geminiProblems(lines, exchanges);
    expect(problems).toHaveLength(exchanges.length);
    expect(problems[0]).toMatch(/session-[^ ]+\.jsonl:\d+ \(gemini\): tokens\.input is undefined, the fake server sent \d+/);
  });
});
