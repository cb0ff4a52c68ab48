/**
 * Writes synthetic Codex rollouts in the 0.10x envelope: session_meta, turn_context, user_message
 * events, function calls with outputs, token_count events emitted twice per call (as Codex does),
 * and `compacted` items. Expected figures come from the last token_count written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedSession } from './expected';
import type { Random } from './random';

export interface CodexSessionOptions {
  turns: number;
  growth: number;
  compactEvery: number;
  toolOutputBytes: number;
  startMs: number;
  /** The rollout's working directory; default a random `/home/dev/projects/svc-…`. */
  cwd?: string;
  /** Makes each tool output's text, replacing `toolOutputBytes`. */
  toolOutput?: (random: Random) => string;
}

const WINDOW = 258_400;

export function writeCodexSession(root: string, random: Random, options: CodexSessionOptions): ExpectedSession {
  const id = random.uuid();
  const start = new Date(options.startMs);
  const stamp = start.toISOString().slice(0, 19).replace(/:/g, '-');
  const dir = join(root, 'sessions', stamp.slice(0, 4), stamp.slice(5, 7), stamp.slice(8, 10));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `rollout-${stamp}-${id}.jsonl`);
  const cwd = options.cwd ?? `/home/dev/projects/svc-${random.hex(6)}`;
  const toolOutput = options.toolOutput ?? ((r: Random) => r.text(options.toolOutputBytes));
  let clock = options.startMs;
  const lines: string[] = [];
  const push = (type: string, payload: object) => {
    lines.push(JSON.stringify({ timestamp: new Date((clock += random.int(300, 15_000))).toISOString(), type, payload }));
  };
  const total = { input_tokens: 0, cached_input_tokens: 0, output_tokens: 0, reasoning_output_tokens: 0, total_tokens: 0 };
  let last = { ...total };
  let context = 0;
  let compactions = 0;
  let errors = 0;

  push('session_meta', { id, timestamp: start.toISOString(), cwd, originator: 'codex_cli_rs', cli_version: '0.104.0', git: { branch: 'main' } });
  push('event_msg', { type: 'token_count', info: null, rate_limits: null });
  for (let turn = 1; turn <= options.turns; turn += 1) {
    push('turn_context', { cwd, model: 'gpt-5-codex', approval_policy: 'on-request' });
    push('event_msg', { type: 'task_started', model_context_window: WINDOW });
    push('event_msg', { type: 'user_message', message: `turn ${turn}`, images: [] });
    push('response_item', { type: 'message', role: 'user', content: [{ type: 'input_text', text: `turn ${turn}` }] });
    const callId = `call_${random.hex(20)}`;
    push('response_item', { type: 'function_call', name: 'exec_command', arguments: JSON.stringify({ cmd: 'ls' }), call_id: callId });
    const failed = random.chance(0.15);
    if (failed) errors += 1;
    push('response_item', { type: 'function_call_output', call_id: callId, output: `Process exited with code ${failed ? 1 : 0}\nOutput:\n${toolOutput(random)}` });
    context += options.growth + random.int(0, 300);
    const cached = Math.max(0, context - options.growth);
    const output = random.int(40, 600);
    const reasoning = random.int(0, output);
    last = { input_tokens: context, cached_input_tokens: cached, output_tokens: output, reasoning_output_tokens: reasoning, total_tokens: context + output };
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += last[key];
    const info = { total_token_usage: { ...total }, last_token_usage: { ...last }, model_context_window: WINDOW };
    // Codex writes the same totals twice per call (after the response and after the tool output).
    push('event_msg', { type: 'token_count', info, rate_limits: { primary: { used_percent: 3 } } });
    push('event_msg', { type: 'token_count', info, rate_limits: { primary: { used_percent: 4 } } });
    push('response_item', { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: random.text(120) }] });
    if (options.compactEvery > 0 && turn % options.compactEvery === 0 && turn < options.turns) {
      push('compacted', { message: '', replacement_history: [] });
      push('event_msg', { type: 'context_compacted' });
      compactions += 1;
      context = random.int(3000, 8000);
    }
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return {
    id,
    agent: 'codex',
    usedTokens: last.total_tokens,
    windowTokens: WINDOW,
    compactions,
    tokens: {
      input: total.input_tokens - total.cached_input_tokens,
      output: total.output_tokens,
      cacheCreation: 0,
      cacheRead: total.cached_input_tokens,
      reasoning: total.reasoning_output_tokens,
      total: total.total_tokens,
    },
    toolCalls: options.turns,
    filesModified: 0,
    userMessages: options.turns,
    errors,
    badLines: 0,
    files: [file],
  };
}
