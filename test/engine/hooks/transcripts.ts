/** Minimal, valid agent transcript lines for hook tests, in the shapes the real agents write. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ClaudeTranscript {
  root: string;
  path: string;
  sessionId: string;
  project: string;
}

/** `<root>/projects/<encoded project>/<sessionId>.jsonl`, with a first user prompt. */
export function claudeTranscript(root: string, sessionId: string, project: string): ClaudeTranscript {
  const dir = join(root, 'projects', project.replace(/[^a-zA-Z0-9]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${sessionId}.jsonl`);
  appendFileSync(path, `${JSON.stringify({ type: 'user', sessionId, cwd: project, uuid: 'u0', timestamp: '2026-11-21T11:00:00.000Z', isSidechain: false, message: { role: 'user', content: 'build the thing' } })}\n`);
  return { root, path, sessionId, project };
}

let responses = 0;

/** Appends one answer whose context is `contextTokens` (input 5 + cache write 1,000 + the rest cache read). */
export function appendClaudeAnswer(t: ClaudeTranscript, contextTokens: number, model = 'claude-sonnet-4-5', at = '2026-11-21T11:30:00.000Z'): void {
  responses += 1;
  const usage = { input_tokens: 5, cache_creation_input_tokens: 1_000, cache_read_input_tokens: contextTokens - 1_005, output_tokens: 40 };
  const record = { type: 'assistant', sessionId: t.sessionId, cwd: t.project, uuid: `a${responses}`, timestamp: at, isSidechain: false, requestId: `req_${responses}`, message: { id: `msg_${responses}`, model, role: 'assistant', content: [{ type: 'text', text: `answer ${responses}` }], usage } };
  appendFileSync(t.path, `${JSON.stringify(record)}\n`);
}

/** A PostToolUse / PreCompact / SessionStart payload as Claude Code sends it. */
export function claudePayload(t: ClaudeTranscript, event: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ session_id: t.sessionId, transcript_path: t.path, cwd: t.project, hook_event_name: event, ...extra });
}
