/**
 * The PostToolUse usage check: after each tool call, how full is this session's context?
 *
 * It reads only the transcript's tail (./tail-usage.ts) and a few small files, so it costs a few
 * milliseconds on top of Node's start-up. What it does, by level (policies/thresholds.ts):
 *
 * | level          | tells the agent (once per level) | records a termination request |
 * |----------------|----------------------------------|-------------------------------|
 * | ok             | —                                | —                             |
 * | warning        | one line                         | —                             |
 * | critical       | one line                         | yes, unless one is pending    |
 * | compact-soon   | one line                         | yes, unless one is pending    |
 *
 * The request is `graceful`: the handler in the app checkpoints the session and tells the user how to
 * continue; it never ends the agent unless a user asked for `immediate` themselves.
 */
import type { Level } from '../../../shared/policy';
import type { Agent } from '../../../shared/session';
import type { ProcessIdentity } from '../termination/identity';
import { type HookState, nextWarning, readHookState, writeHookState } from './hook-state';
import { loadHookSettings } from './hook-settings';
import type { HookPayload } from './payload';
import { type QuickContext, quickContext } from './quick-context';
import { readStatuslineRecord } from './statusline-record';
import { tailUsage } from './tail-usage';
import { groupDigits } from './digits';

export interface UsageCheckInput {
  agent: Agent;
  dataDir: string;
  payload: HookPayload;
  now: number;
  log: (message: string) => void;
  /** The agent's process, found lazily (only when a request is recorded); injectable for tests. */
  agentProcess?: () => ProcessIdentity | null;
}

export interface UsageCheckResult {
  level: Level;
  context: QuickContext;
  /** The one line for the agent, or null when there is nothing new to tell. */
  message: string | null;
  requestId: string | null;
}


export async function checkUsage(input: UsageCheckInput): Promise<UsageCheckResult | null> {
  const { agent, dataDir, payload } = input;
  if (!payload.transcriptPath) {
    input.log(`${agent} session ${payload.sessionId} has no transcript_path; nothing to check`);
    return null;
  }
  const loaded = await loadHookSettings(dataDir);
  loaded.problems.forEach((problem) => input.log(problem));
  const previous = readHookState(dataDir, agent, payload.sessionId);
  const quick = quickContext({
    agent,
    tail: tailUsage(agent, payload.transcriptPath),
    statusline: agent === 'claude-code' ? readStatuslineRecord(dataDir, payload.sessionId) : null,
    knownExtended: previous.extendedContext,
    settings: loaded.settings,
  });
  const warning = nextWarning(previous, quick.level);
  const next: HookState = { warnedLevel: warning.warnedLevel, extendedContext: quick.extendedContext };
  if (next.warnedLevel !== previous.warnedLevel || next.extendedContext !== previous.extendedContext) await writeHookState(dataDir, agent, payload.sessionId, next);
  const urgent = quick.level === 'critical' || quick.level === 'compact-soon';
  if (!warning.tell && !urgent) return { level: quick.level, context: quick.context, message: null, requestId: null };

  // Past the warning level only (rare): what the rest needs is loaded now, not on every tool call.
  const { resumeCommand } = await import('../checkpoints/resume');
  const continuation = resumeCommand(agent, payload.sessionId, payload.cwd);
  const requestId = urgent ? await requestStop(input, quick, continuation) : null;
  const message = warning.tell ? warningLine(quick.level, quick.context, loaded.settings.thresholds, payload.sessionId, continuation, requestId !== null) : null;
  return { level: quick.level, context: quick.context, message, requestId };
}

async function requestStop(input: UsageCheckInput, quick: ReturnType<typeof quickContext>, continuation: string): Promise<string | null> {
  const { agent, dataDir, payload } = input;
  const { pendingRequestIds, recordRequest } = await import('../termination/request');
  if (pendingRequestIds(dataDir, agent, payload.sessionId).length > 0) return null;
  const target = input.agentProcess ? input.agentProcess() : (await import('./agent-process')).agentAncestor(agent);
  const request = recordRequest(
    dataDir,
    {
      sessionId: payload.sessionId,
      agent,
      reason: `context ${quick.level} at ${percentText(quick.context)} (${tokensText(quick.context)})`,
      continuationCommand: continuation,
      priority: 'graceful',
      source: 'hook',
      target,
    },
    input.now,
  );
  input.log(`recorded termination request ${request.id} for ${agent} session ${payload.sessionId} (${request.reason})`);
  return request.id;
}

/** The single line the agent is shown; plain words, the numbers, and what to do. */
export function warningLine(level: Level, context: QuickContext, thresholds: { warningPercent: number; criticalPercent: number }, sessionId: string, continuation: string, requested: boolean): string {
  const figures = `${percentText(context)} (${tokensText(context)})`;
  if (level === 'warning') {
    return `Headroom: context at ${figures}, past the ${thresholds.warningPercent}% warning. Keep the remaining work compact; to save progress run: headroom checkpoint ${sessionId}`;
  }
  const what = level === 'compact-soon' ? `context about to auto-compact at ${figures}` : `context critical at ${figures}, past ${thresholds.criticalPercent}%`;
  const asked = requested ? ' Headroom recorded a request to stop this session after a checkpoint.' : '';
  return `Headroom: ${what}.${asked} Finish the current step, summarise where things stand, then stop; the work continues with: ${continuation}`;
}

function percentText(context: QuickContext): string {
  return context.percent === null ? 'an unknown share' : `${Math.floor(context.percent)}%`;
}

function tokensText(context: QuickContext): string {
  if (context.usedTokens === null) return 'no usage yet';
  return context.windowTokens === null ? `${groupDigits(context.usedTokens)} tokens` : `${groupDigits(context.usedTokens)} of ${groupDigits(context.windowTokens)} tokens`;
}
