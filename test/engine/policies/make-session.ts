/**
 * Builds a valid `Session` for tests from a few overrides. Every field starts at the value a freshly
 * discovered, empty session has (nulls and zeros), so a test states only what it is about.
 */
import { SessionSchema, type Session } from '../../../shared/session';

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
    tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0, ...tokens },
    activity: { userMessages: 0, assistantMessages: 0, toolCalls: 0, filesModified: 0, errors: 0, ...activity },
    details: {
      firstPrompt: null,
      lastUserPrompt: null,
      lastAssistantText: null,
      recentPrompts: [],
      todos: [],
      filesModified: [],
      toolCounts: {},
      recentErrors: [],
      ...details,
    },
  });
}

/** Context figures for `used` tokens of a 200k window that auto-compacts at 167k (Claude's defaults). */
export function claudeContext(used: number): Partial<Session['context']> {
  return { usedTokens: used, windowTokens: 200_000, percent: (used / 200_000) * 100, autoCompactAtTokens: 167_000 };
}
