/**
 * Should this session stop now? The answer an agent gets from the MCP tool `check_should_terminate`,
 * so it can wind down on its own before it loses detail to a compaction. Pure: level from the
 * thresholds policy, pending requests passed in.
 *
 * | situation                                   | stop? | why                                      |
 * |---------------------------------------------|-------|------------------------------------------|
 * | a termination request is pending            | yes   | the request's reason                     |
 * | level compact-soon                          | yes   | about to auto-compact                    |
 * | level critical                              | yes   | past the critical threshold              |
 * | level warning                               | no    | past the warning threshold: wrap up soon |
 * | level ok, or context unknown                | no    | room left                                |
 */
import type { Level } from '../../../shared/policy';
import type { Context } from '../../../shared/session';

export interface StopInput {
  level: Level;
  context: Pick<Context, 'percent' | 'usedTokens' | 'windowTokens' | 'autoCompactAtTokens'>;
  thresholds: { warningPercent: number; criticalPercent: number };
  /** Reasons of the session's pending termination requests, oldest first. */
  pendingReasons: readonly string[];
}

export interface StopDecision {
  shouldTerminate: boolean;
  reason: string;
}

export function shouldTerminate(input: StopInput): StopDecision {
  const { context, thresholds } = input;
  const percent = context.percent === null ? null : `${Math.floor(context.percent)}%`;
  if (input.pendingReasons.length > 0) return { shouldTerminate: true, reason: `a termination request is pending: ${input.pendingReasons[0]}` };
  switch (input.level) {
    case 'compact-soon':
      return { shouldTerminate: true, reason: `context ${context.usedTokens ?? '?'} tokens is within reach of the auto-compaction point (${context.autoCompactAtTokens ?? '?'}); checkpoint and continue in a fresh session` };
    case 'critical':
      return { shouldTerminate: true, reason: `context at ${percent}, past the critical threshold of ${thresholds.criticalPercent}%; checkpoint and continue in a fresh session` };
    case 'warning':
      return { shouldTerminate: false, reason: `context at ${percent}, past the warning threshold of ${thresholds.warningPercent}%; keep the remaining work compact` };
    case 'ok':
      return { shouldTerminate: false, reason: percent === null ? 'no usage recorded yet' : `context at ${percent}, below the warning threshold of ${thresholds.warningPercent}%` };
  }
}
