/** Builders for `AppState` snapshots: a complete, plausible session with only the fields a test names changed. */
import type { AppState, SessionView } from '../../../shared/api';
import type { Context } from '../../../shared/session';
import { NO_DETAILS } from '../../support/session-parts';

type SessionOverrides = Partial<Omit<SessionView, 'context'>> & { context?: Partial<Context> };

export function sessionView(overrides: SessionOverrides = {}): SessionView {
  const { context, ...rest } = overrides;
  return {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    agent: 'claude-code',
    project: '/home/dev/src/api-server',
    title: 'Fix the rate limiter',
    model: 'claude-sonnet-4-5',
    gitBranch: 'main',
    startedAt: '2026-03-02T09:00:00.000Z',
    lastActivityAt: '2026-03-02T10:30:00.000Z',
    files: ['/home/dev/.claude/projects/-home-dev-src-api-server/c0ffee00.jsonl'],
    badLines: 0,
    status: 'running',
    pid: 4242,
    process: null,
    context: {
      usedTokens: 100_000,
      windowTokens: 200_000,
      percent: 50,
      autoCompactAtTokens: 167_000,
      compactions: 0,
      source: 'usage',
      etaMinutes: null,
      ...context,
    },
    tokens: { input: 1000, output: 2000, cacheCreation: 3000, cacheRead: 4000, reasoning: 0, total: 10_000 },
    costUsd: 1.25,
    activity: { userMessages: 4, assistantMessages: 9, toolCalls: 12, filesModified: 3, errors: 0 },
    details: { ...NO_DETAILS, firstPrompt: 'Fix the rate limiter', lastUserPrompt: 'run the tests', lastAssistantText: 'All green.' },
    tags: [],
    projectName: null,
    level: 'ok',
    health: { score: 80, status: 'healthy', breakdown: { context: 50, duration: 90, idle: 90, errors: 100 } },
    decision: { checkpoint: false, reasons: [], score: 0.2 },
    checkpoints: { count: 0, lastAt: null },
    ...rest,
  };
}

export function appState(sessions: SessionView[], overrides: Partial<AppState> = {}): AppState {
  return {
    generatedAt: '2026-03-02T10:31:00.000Z',
    sessions,
    problems: [],
    roots: [{ agent: 'claude-code', path: '/home/dev/.claude', exists: true }],
    notificationsPausedUntil: null,
    ...overrides,
  };
}
