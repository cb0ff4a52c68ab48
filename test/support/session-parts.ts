/** Empty parts of a `Session`, shared by the test factories that build sessions by hand. */
import type { Activity, Details, Tokens } from '../../shared/session';

export const NO_DETAILS: Details = {
  firstPrompt: null,
  lastUserPrompt: null,
  lastAssistantText: null,
  recentPrompts: [],
  todos: [],
  filesModified: [],
  toolCounts: {},
  recentErrors: [],
};

export const NO_ACTIVITY: Activity = { userMessages: 0, assistantMessages: 0, toolCalls: 0, filesModified: 0, errors: 0 };

export const NO_TOKENS: Tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, reasoning: 0, total: 0 };
