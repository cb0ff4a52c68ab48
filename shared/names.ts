/**
 * The agent and session-status names, without zod: session.ts builds its schemas from these, and
 * code that only needs the names (the CLI's `status` filters, printed in `--help`) loads nothing more.
 */
export const AGENTS = ['claude-code', 'codex', 'gemini-cli'] as const;
export const SESSION_STATUSES = ['running', 'idle', 'ended'] as const;
