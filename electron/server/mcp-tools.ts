/**
 * What each MCP tool does, over the engine host (the same service the app and `headroom serve` use):
 * plain functions from validated input to a JSON-able result. A session that cannot be found, or a
 * checkpoint that cannot be written, is an `McpError` with the reason — the agent reads the message;
 * the server never crashes on it.
 */
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { SessionView } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { findSession } from '../cli/context';
import type { HeadroomService } from '../engine/service';
import { requestTermination } from '../engine/termination/for-session';
import { requestPath, type TerminationPriority } from '../engine/termination/request';
import { pendingRequests } from '../engine/termination/store';
import { shouldTerminate } from '../engine/termination/should-terminate';

export interface ToolDeps {
  service: Pick<HeadroomService, 'getState' | 'handlers' | 'monitor'>;
  dataDir: string;
  settings: () => Settings;
  now: () => number;
  startedAt: number;
  version: string;
}

export interface SessionArgs {
  session_id?: string | undefined;
  cwd?: string | undefined;
}

/** The session a tool is about: by id (or a unique prefix), else the latest one in `cwd`. */
export function sessionFor(deps: ToolDeps, args: SessionArgs): SessionView {
  if (!args.session_id && !args.cwd) throw new McpError(ErrorCode.InvalidParams, 'give session_id or cwd');
  const sessions = deps.service.getState().sessions;
  try {
    return findSession(sessions, { id: args.session_id, cwd: args.session_id ? undefined : args.cwd }) as SessionView;
  } catch (error) {
    throw new McpError(ErrorCode.InvalidParams, (error as Error).message);
  }
}

export function tokenUsage(deps: ToolDeps, args: SessionArgs) {
  const s = sessionFor(deps, args);
  const c = s.context;
  return { session_id: s.id, agent: s.agent, project: s.project, status: s.status, used_tokens: c.usedTokens, window_tokens: c.windowTokens, percent: c.percent, auto_compact_at_tokens: c.autoCompactAtTokens, source: c.source, level: s.level };
}

export function checkShouldTerminate(deps: ToolDeps, args: SessionArgs) {
  const s = sessionFor(deps, args);
  const pending = pendingRequests(deps.dataDir).requests.filter((r) => r.request.agent === s.agent && r.request.sessionId === s.id);
  const decision = shouldTerminate({ level: s.level, context: s.context, thresholds: deps.settings().thresholds, pendingReasons: pending.map((r) => r.request.reason) });
  return { session_id: s.id, should_terminate: decision.shouldTerminate, reason: decision.reason, level: s.level, percent: s.context.percent, pending_requests: pending.length };
}

export interface TerminationArgs extends SessionArgs {
  reason: string;
  continuation_command?: string | undefined;
  priority?: TerminationPriority | undefined;
}

export function recordTermination(deps: ToolDeps, args: TerminationArgs) {
  const s = sessionFor(deps, args);
  const request = requestTermination(deps.dataDir, s, { reason: args.reason, continuationCommand: args.continuation_command, priority: args.priority, source: 'mcp' }, deps.now());
  const signals = request.priority === 'immediate' && deps.settings().termination.allowSignals;
  return {
    request_id: request.id,
    session_id: s.id,
    priority: request.priority,
    continuation_command: request.continuationCommand,
    path: requestPath(deps.dataDir, request),
    will_end_process: signals && request.target !== null,
    note: 'Headroom (the app or `headroom watch`) checkpoints the session and notifies the user' + (signals ? '; then it ends the agent process.' : '; the agent process is left running.'),
  };
}

export async function createCheckpoint(deps: ToolDeps, args: SessionArgs & { reason?: string | undefined; force?: boolean | undefined }) {
  const s = sessionFor(deps, args);
  const result = await deps.service.handlers['session:checkpoint']({ sessionId: s.id, reason: args.reason ?? 'checkpoint requested over MCP', force: args.force ?? false });
  if (!result.ok) throw new McpError(ErrorCode.InvalidRequest, `no checkpoint of ${s.id} (${result.reason}): ${result.message}`);
  const c = result.checkpoint;
  return { session_id: s.id, markdown_path: c.markdownPath, json_path: c.jsonPath, git_ref: c.gitRef, restore_command: c.restoreCommand, resume_command: c.resumeCommand, context_tokens: c.contextTokens, created_at: c.createdAt };
}

export function listSessions(deps: ToolDeps, args: { status?: SessionView['status'] | undefined; agent?: SessionView['agent'] | undefined; limit?: number | undefined }) {
  const all = deps.service.getState().sessions.filter((s) => (!args.status || s.status === args.status) && (!args.agent || s.agent === args.agent));
  const limit = args.limit ?? 50;
  return {
    total: all.length,
    sessions: all.slice(0, limit).map((s) => ({ session_id: s.id, agent: s.agent, project: s.project, title: s.title, status: s.status, level: s.level, percent: s.context.percent, used_tokens: s.context.usedTokens, last_activity_at: s.lastActivityAt, pid: s.pid })),
  };
}

export function monitorStatus(deps: ToolDeps) {
  const state = deps.service.getState();
  const count = <K extends string>(values: K[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
  const pending = pendingRequests(deps.dataDir);
  return {
    generated_at: state.generatedAt,
    sessions: state.sessions.length,
    by_status: count(state.sessions.map((s) => s.status)),
    by_level: count(state.sessions.map((s) => s.level)),
    watching: deps.service.monitor.isPolling ? 'polling' : 'native events',
    roots: state.roots,
    problems: state.problems.map((p) => ({ kind: p.kind, path: p.path, message: p.message })),
    pending_termination_requests: pending.requests.map((r) => ({ request_id: r.request.id, session_id: r.request.sessionId, agent: r.request.agent, priority: r.request.priority, reason: r.request.reason, attempts: r.attempts?.attempts ?? 0 })),
    notifications_paused_until: state.notificationsPausedUntil,
  };
}

export function healthCheck(deps: ToolDeps) {
  const state = deps.service.getState();
  return { ok: true, version: deps.version, uptime_seconds: Math.round((deps.now() - deps.startedAt) / 1000), data_dir: deps.dataDir, sessions: state.sessions.length, problems: state.problems.length };
}
