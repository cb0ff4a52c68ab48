/**
 * The JSON a hook receives on stdin (FORMATS.md §2.3, REAL-CLIENTS.md "Hooks"): the same common fields
 * from Claude Code and Codex (`session_id`, `transcript_path`, `cwd`, `hook_event_name`) plus a few
 * per event. Read loosely — an agent release may add or drop fields — but a payload without a session
 * id is refused, since nothing can be done without knowing the session.
 */
export interface HookPayload {
  sessionId: string;
  transcriptPath: string | null;
  cwd: string | null;
  eventName: string | null;
  /** PreCompact: "manual" | "auto". */
  trigger: string | null;
  /** SessionStart: "startup" | "resume" | "clear" | "compact". */
  source: string | null;
  /** SessionEnd: why the session ended. */
  reason: string | null;
  toolName: string | null;
}

export type ParsedPayload = { ok: true; payload: HookPayload; raw: Record<string, unknown> } | { ok: false; message: string };

export function parseHookPayload(text: string): ParsedPayload {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: `stdin is not JSON (${text.length} bytes: ${JSON.stringify(text.slice(0, 80))})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'stdin JSON is not an object' };
  const record = raw as Record<string, unknown>;
  const sessionId = nonEmpty(record['session_id']);
  if (!sessionId) return { ok: false, message: 'the payload has no session_id' };
  return {
    ok: true,
    raw: record,
    payload: {
      sessionId,
      transcriptPath: nonEmpty(record['transcript_path']),
      cwd: nonEmpty(record['cwd']),
      eventName: nonEmpty(record['hook_event_name']),
      trigger: nonEmpty(record['trigger']),
      source: nonEmpty(record['source']),
      reason: nonEmpty(record['reason']),
      toolName: nonEmpty(record['tool_name']),
    },
  };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
