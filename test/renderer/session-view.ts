/**
 * Builds a `SessionView` for view-model tests: every field present with a neutral value, overridden
 * per test with the values that matter to it.
 */
import type { SessionView } from '../../shared/api';
import type { Context } from '../../shared/session';
import { NO_ACTIVITY, NO_DETAILS, NO_TOKENS } from '../support/session-parts';

type Overrides = Partial<Omit<SessionView, 'context'>> & { context?: Partial<Context> };

export function sessionView(id: string, overrides: Overrides = {}): SessionView {
  const { context, ...rest } = overrides;
  return {
    id,
    agent: 'claude-code',
    project: `/home/dev/${id}`,
    title: null,
    model: 'claude-sonnet-4-5',
    gitBranch: null,
    startedAt: '2026-11-21T10:00:00.000Z',
    lastActivityAt: '2026-11-21T11:00:00.000Z',
    files: [`/home/dev/.claude/projects/${id}.jsonl`],
    badLines: 0,
    status: 'idle',
    pid: null,
    process: null,
    context: {
      usedTokens: null,
      windowTokens: 200_000,
      percent: null,
      autoCompactAtTokens: 167_000,
      compactions: 0,
      source: 'usage',
      etaMinutes: null,
      ...context,
    },
    tokens: NO_TOKENS,
    costUsd: null,
    activity: NO_ACTIVITY,
    details: NO_DETAILS,
    tags: [],
    projectName: null,
    level: 'ok',
    health: { score: 90, status: 'healthy', breakdown: { context: 90, duration: 90, idle: 90, errors: 90 } },
    decision: { checkpoint: false, reasons: [], score: 0 },
    checkpoints: { count: 0, lastAt: null },
    ...rest,
  };
}
