/**
 * Writes synthetic Claude Code sessions in the on-disk shape of Claude Code 2.1.x: one line per
 * content block of a streamed response (same message.id/requestId, partial output counts on early
 * lines), tool results in user lines, agent_progress replays of subagent messages in the parent,
 * subagent transcripts under `<session>/subagents/`, compact boundaries with postTokens, and optional
 * garbage lines. The expected figures are computed while writing, from the values written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedSession } from './expected';
import type { Random } from './random';

export interface ClaudeSessionOptions {
  turns: number;
  /** Context added per turn, in tokens. */
  growth: number;
  /** Compact after this many turns (0 = never). */
  compactEvery: number;
  subagent: boolean;
  /** Probability of a garbage line after each record. */
  badLineRate: number;
  /** Size of each tool result's text, in bytes (large results dominate real transcripts). */
  toolResultBytes: number;
  startMs: number;
  /** The session's working directory; default a random `/home/dev/projects/app-…`. */
  cwd?: string;
  /** Makes each tool result's text, replacing `toolResultBytes` (e.g. sizes drawn from a heavy tail). */
  toolResult?: (random: Random) => string;
  /** Subagents started at turn 2 when `subagent` is set (default 1), and turns each (default 1). */
  subagents?: number;
  subagentTurns?: number;
}

const MODEL = 'claude-sonnet-4-5-20250929';

export function writeClaudeSession(root: string, random: Random, options: ClaudeSessionOptions): ExpectedSession {
  const id = random.uuid();
  const cwd = options.cwd ?? `/home/dev/projects/app-${random.hex(6)}`;
  const toolResult = options.toolResult ?? ((r: Random) => r.text(options.toolResultBytes));
  const subagentIds = Array.from({ length: options.subagents ?? 1 }, (_, i) => (i === 0 ? 'a1' : `a${random.hex(12)}`));
  const projectDir = join(root, 'projects', cwd.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(projectDir, { recursive: true });
  const lines: string[] = [];
  const tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
  let clock = options.startMs;
  let context = 0;
  let compactions = 0;
  let toolCalls = 0;
  let errors = 0;
  let badLines = 0;
  const files = new Set<string>();
  const base = () => ({ isSidechain: false, userType: 'external', cwd, sessionId: id, version: '2.1.90', gitBranch: 'main', uuid: random.uuid(), timestamp: new Date((clock += random.int(500, 20_000))).toISOString() });
  const push = (record: object) => {
    lines.push(JSON.stringify(record));
    if (random.chance(options.badLineRate)) {
      lines.push(random.pick(['{"type":"assistant","message":', 'not json at all', '[1,2,3]', '{"type":"assistant","message":{"usage":{"input_tokens":"many"}}}']));
      badLines += 1;
    }
  };
  const count = (usage: { input: number; cacheCreation: number; cacheRead: number }, output: number) => {
    tokens.input += usage.input;
    tokens.cacheCreation += usage.cacheCreation;
    tokens.cacheRead += usage.cacheRead;
    tokens.output += output;
  };

  for (let turn = 1; turn <= options.turns; turn += 1) {
    push({ ...base(), type: 'user', message: { role: 'user', content: `turn ${turn}: please continue the work` } });
    const next = context + options.growth + random.int(0, 500);
    const usage = { input: 3, cacheCreation: next - context - 3, cacheRead: context };
    const messageId = `msg_${random.hex(24)}`;
    const requestId = `req_${random.hex(24)}`;
    const output = random.int(50, 900);
    const toolId = `toolu_${random.hex(24)}`;
    const editing = random.chance(0.4);
    const toolName = editing ? 'Edit' : 'Bash';
    const filePath = `${cwd}/src/file-${random.int(1, 30)}.ts`;
    const blocks = [
      { type: 'text', text: random.text(200) },
      { type: 'tool_use', id: toolId, name: toolName, input: editing ? { file_path: filePath, old_string: 'a', new_string: 'b' } : { command: 'npm test' } },
    ];
    blocks.forEach((block, index) => {
      const final = index === blocks.length - 1;
      const partial = final ? output : random.int(1, output);
      push({ ...base(), type: 'assistant', requestId, message: { model: MODEL, id: messageId, type: 'message', role: 'assistant', content: [block], stop_reason: null, usage: { input_tokens: usage.input, cache_creation_input_tokens: usage.cacheCreation, cache_read_input_tokens: usage.cacheRead, output_tokens: partial } } });
    });
    count(usage, output);
    toolCalls += 1;
    if (editing) files.add(filePath);
    context = next;
    const failed = random.chance(0.1);
    if (failed) errors += 1;
    push({ ...base(), type: 'user', message: { role: 'user', content: [{ tool_use_id: toolId, type: 'tool_result', content: toolResult(random), is_error: failed }] } });

    if (options.subagent && turn === 2) {
      for (const agentId of subagentIds) {
        const sub = writeSubagent(projectDir, id, cwd, random, clock, { agentId, turns: options.subagentTurns ?? 1, toolResult });
        count(sub.total.usage, sub.total.output);
        // The parent replays the subagent's response as progress; it must not be counted twice.
        push({ ...base(), type: 'progress', data: { type: 'agent_progress', agentId: sub.agentId, message: { type: 'assistant', requestId: sub.requestId, message: { model: MODEL, id: sub.messageId, usage: { input_tokens: sub.usage.input, cache_creation_input_tokens: sub.usage.cacheCreation, cache_read_input_tokens: sub.usage.cacheRead, output_tokens: sub.output } } } } });
        sub.files.forEach((file) => files.add(file));
      }
    }
    if (options.compactEvery > 0 && turn % options.compactEvery === 0 && turn < options.turns) {
      const postTokens = random.int(2000, 9000);
      push({ ...base(), parentUuid: null, type: 'system', subtype: 'compact_boundary', content: 'Conversation compacted', compactMetadata: { trigger: 'auto', preTokens: context, postTokens } });
      push({ ...base(), type: 'user', isCompactSummary: true, isVisibleInTranscriptOnly: true, message: { role: 'user', content: 'This session is being continued from a previous conversation…' } });
      compactions += 1;
      context = postTokens;
    }
  }
  const mainFile = join(projectDir, `${id}.jsonl`);
  writeFileSync(mainFile, `${lines.join('\n')}\n`);
  tokens.total = tokens.input + tokens.cacheCreation + tokens.cacheRead + tokens.output;
  const subFiles = options.subagent && options.turns >= 2 ? subagentIds.map((agentId) => join(projectDir, id, 'subagents', `agent-${agentId}.jsonl`)).sort((a, b) => a.localeCompare(b)) : [];
  return {
    id,
    agent: 'claude-code',
    usedTokens: context,
    windowTokens: context > 200_000 ? 1_000_000 : 200_000,
    compactions,
    tokens,
    toolCalls,
    filesModified: files.size,
    userMessages: options.turns,
    errors,
    badLines,
    files: [mainFile, ...subFiles],
  };
}

interface SubagentOptions {
  agentId: string;
  /** Responses in all; each after the first adds a tool result, a Read call and its usage. */
  turns: number;
  toolResult: (random: Random) => string;
}

function writeSubagent(projectDir: string, sessionId: string, cwd: string, random: Random, clock: number, options: SubagentOptions = { agentId: 'a1', turns: 1, toolResult: (r) => r.text(400) }) {
  const dir = join(projectDir, sessionId, 'subagents');
  mkdirSync(dir, { recursive: true });
  const messageId = `msg_${random.hex(24)}`;
  const requestId = `req_${random.hex(24)}`;
  const usage = { input: 5, cacheCreation: 8000, cacheRead: 0 };
  const output = 321;
  const filePath = `${cwd}/src/from-subagent.ts`;
  const base = { isSidechain: true, agentId: options.agentId, userType: 'external', cwd, sessionId, version: '2.1.90', gitBranch: 'main', timestamp: new Date(clock + 1000).toISOString() };
  const records: object[] = [
    { ...base, uuid: random.uuid(), type: 'user', message: { role: 'user', content: 'explore the code' } },
    { ...base, uuid: random.uuid(), type: 'assistant', requestId, message: { model: MODEL, id: messageId, role: 'assistant', content: [{ type: 'tool_use', id: `toolu_${random.hex(24)}`, name: 'Write', input: { file_path: filePath, content: 'x' } }], usage: { input_tokens: usage.input, cache_creation_input_tokens: usage.cacheCreation, cache_read_input_tokens: usage.cacheRead, output_tokens: output } } },
  ];
  const total = { usage: { ...usage }, output };
  let context = usage.cacheCreation + usage.input;
  for (let turn = 2; turn <= options.turns; turn += 1) {
    const toolId = `toolu_${random.hex(24)}`;
    records.push({ ...base, uuid: random.uuid(), type: 'user', message: { role: 'user', content: [{ tool_use_id: `toolu_prev_${turn}`, type: 'tool_result', content: options.toolResult(random) }] } });
    const step = { input: 3, cacheCreation: random.int(500, 4000), cacheRead: context };
    const out = random.int(20, 400);
    records.push({ ...base, uuid: random.uuid(), type: 'assistant', requestId: `req_${random.hex(24)}`, message: { model: MODEL, id: `msg_${random.hex(24)}`, role: 'assistant', content: [{ type: 'tool_use', id: toolId, name: 'Read', input: { file_path: `${cwd}/src/file-${turn}.ts` } }], usage: { input_tokens: step.input, cache_creation_input_tokens: step.cacheCreation, cache_read_input_tokens: step.cacheRead, output_tokens: out } } });
    total.usage.input += step.input;
    total.usage.cacheCreation += step.cacheCreation;
    total.usage.cacheRead += step.cacheRead;
    total.output += out;
    context += step.cacheCreation + step.input;
  }
  writeFileSync(join(dir, `agent-${options.agentId}.jsonl`), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  return { agentId: options.agentId, messageId, requestId, usage, output, total, files: [filePath] };
}
