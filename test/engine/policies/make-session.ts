/**
 * Builds a valid `Session` for tests from a few overrides. Every field starts at the value a freshly
 * discovered, empty session has (nulls and zeros), so a test states only what it is about.
 */
import { SessionSchema, type Session } from '../../../shared/session';
import { NO_ACTIVITY, NO_DETAILS, NO_TOKENS } from '../../support/session-parts';

type Overrides = Partial<Omit<Session, 'context' | 'activity' | 'details' | 'tokens'>> & {
  context?: Partial<Session['context']>;
  activity?: Partial<Session['activity']>;
  details?: Partial<Session['details']>;
  tokens?: Partial<Session['tokens']>;
};

export function makeSession(overrides: Overrides = {}): Session {
  const { context, activity, details, tokens, ...rest } = overrides;
  return SessionSchema.parse({
    id: 'session-1',
    agent: 'claude-code',
    project: null,
    title: null,
    model: null,
    gitBranch: null,
    startedAt: null,
    lastActivityAt: null,
    files: [],
    badLines: 0,
    status: 'running',
    pid: null,
    process: null,
    costUsd: null,
    tags: [],
    projectName: null,
    ...rest,
    context: {
      usedTokens: null,
      windowTokens: null,
      percent: null,
      autoCompactAtTokens: null,
      compactions: 0,
      source: null,
      etaMinutes: null,
      ...context,
    },
    tokens: { ...NO_TOKENS, ...tokens },
    activity: { ...NO_ACTIVITY, ...activity },
    details: { ...NO_DETAILS, ...details },
  });
}

/** Context figures for `used` tokens of a 200k window that auto-compacts at 167k (Claude's defaults). */
export function claudeContext(used: number): Partial<Session['context']> {
  return { usedTokens: used, windowTokens: 200_000, percent: (used / 200_000) * 100, autoCompactAtTokens: 167_000 };
}
