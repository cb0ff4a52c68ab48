/** Session snapshots for matcher tests: only the fields the matcher reads differ between them. */
import { type Agent, type Session, SessionSchema } from '../../../shared/session';

export interface SessionSpec {
  id: string;
  agent: Agent;
  project: string | null;
  files?: string[];
  startedAt: number;
  lastActivityAt: number;
}

export function sessionOf(spec: SessionSpec): Session {
  return SessionSchema.parse({
    id: spec.id,
    agent: spec.agent,
    project: spec.project,
    title: null,
    model: null,
    gitBranch: null,
    startedAt: new Date(spec.startedAt).toISOString(),
    lastActivityAt: new Date(spec.lastActivityAt).toISOString(),
    files: spec.files ?? [],
    badLines: 0,
    status: 'idle',
    pid: null,
    process: null,
    context: { usedTokens: null, windowTokens: null, percent: null, autoCompactAtTokens: null, compactions: 0, source: null, etaMinutes: null },
    tokens: { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 },
    costUsd: null,
    activity: { userMessages: 0, assistantMessages: 0, toolCalls: 0, filesModified: 0, errors: 0 },
    details: { firstPrompt: null, lastUserPrompt: null, lastAssistantText: null, recentPrompts: [], todos: [], filesModified: [], toolCounts: {}, recentErrors: [] },
    tags: [],
    projectName: null,
  });
}
