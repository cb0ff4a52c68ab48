/**
 * One hook invocation, from the agent's stdin to what it reads back.
 *
 * The contract with the agent: exit 0, always (a non-zero exit can block the agent or show it an
 * error); print nothing except, from the usage check, the one warning line in the JSON shape the agent
 * reads (`hookSpecificOutput.additionalContext` reaches the model, `systemMessage` the user; both
 * Claude Code and Codex read this shape). Every problem goes to `<dataDir>/logs/hooks.log`. The
 * statusLine wrapper is the one exception to "print nothing": its stdout is the status line.
 *
 * The heavy part (PreCompact's checkpoint: the engine, git, the settings store) is imported only for
 * that event, so the usage check after every tool call starts in a few milliseconds.
 */
import type { Agent } from '../../../shared/session';
import { logHook } from './hook-log';
import { parseHookPayload } from './payload';

export const HOOK_EVENTS = ['session-start', 'session-end', 'post-tool-use', 'pre-compact', 'statusline'] as const;
export type HookEvent = (typeof HOOK_EVENTS)[number];
export const HOOK_AGENTS = ['claude-code', 'codex'] as const satisfies readonly Agent[];
export type HookAgent = (typeof HOOK_AGENTS)[number];

/** The agents' own names for our events (statusLine is not a hook event). */
export const AGENT_EVENT_NAMES: Readonly<Record<Exclude<HookEvent, 'statusline'>, string>> = {
  'session-start': 'SessionStart',
  'session-end': 'SessionEnd',
  'post-tool-use': 'PostToolUse',
  'pre-compact': 'PreCompact',
};

export interface HookRun {
  event: HookEvent;
  agent: HookAgent;
  dataDir: string;
  stdin: string;
  /** statusline only: the user's own statusLine command. */
  userCommand?: string | null;
  now?: () => number;
  write: (text: string) => void;
}

/** Runs the hook; resolves with the exit code (0 unless the user's statusLine command failed). */
export async function runHook(run: HookRun): Promise<number> {
  const now = run.now ?? Date.now;
  const log = (message: string) => logHook(run.dataDir, `${run.agent} ${run.event}: ${message}`, now());
  try {
    if (run.event === 'statusline') {
      const { runStatusline } = await import('./statusline');
      return await runStatusline({ dataDir: run.dataDir, stdin: run.stdin, userCommand: run.userCommand ?? null, now: now(), log, write: run.write });
    }
    const parsed = parseHookPayload(run.stdin);
    if (!parsed.ok) {
      log(parsed.message);
      return 0;
    }
    const payload = parsed.payload;
    if (payload.eventName && payload.eventName !== AGENT_EVENT_NAMES[run.event]) log(`installed for ${AGENT_EVENT_NAMES[run.event]} but called for ${payload.eventName}; handling it as ${run.event}`);
    const context = { agent: run.agent, dataDir: run.dataDir, payload, log };
    switch (run.event) {
      case 'post-tool-use': {
        const { checkUsage } = await import('./usage-check');
        const result = await checkUsage({ ...context, now: now() });
        if (result?.message) run.write(`${agentMessage(result.message)}\n`);
        return 0;
      }
      case 'pre-compact': {
        const { checkpointBeforeCompaction } = await import('./pre-compact');
        await checkpointBeforeCompaction({ ...context, now });
        return 0;
      }
      case 'session-start':
      case 'session-end': {
        const { registerEnd, registerStart } = await import('./session-events');
        (run.event === 'session-start' ? registerStart : registerEnd)({ ...context, now: now() });
        return 0;
      }
    }
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 0;
  }
}

/** The JSON a PostToolUse hook prints so the model and the user both see the line. */
export function agentMessage(message: string): string {
  return JSON.stringify({ systemMessage: message, hookSpecificOutput: { hookEventName: 'PostToolUse', additionalContext: message } });
}
