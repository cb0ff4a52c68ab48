/**
 * Records a termination request for a session Headroom knows (from the CLI, the MCP server or the app),
 * capturing the agent process's identity *now*, while it is known to be the session's: the handler
 * later signals only a process that still has this exact identity.
 */
import type { Session } from '../../../shared/session';
import { resumeCommand } from '../checkpoints/resume';
import { type ProcessIdentity, readIdentity } from './identity';
import { recordRequest, type RequestSource, type TerminationPriority, type TerminationRequest } from './request';

export interface TerminationAsk {
  reason: string;
  continuationCommand?: string | null | undefined;
  priority?: TerminationPriority | undefined;
  source: RequestSource;
}

export function requestTermination(dataDir: string, session: Session, ask: TerminationAsk, now: number, identity: (pid: number) => ProcessIdentity | null = readIdentity): TerminationRequest {
  return recordRequest(
    dataDir,
    {
      sessionId: session.id,
      agent: session.agent,
      reason: ask.reason,
      continuationCommand: ask.continuationCommand?.trim() || resumeCommand(session.agent, session.id, session.project),
      priority: ask.priority ?? 'graceful',
      source: ask.source,
      target: session.pid === null ? null : identity(session.pid),
    },
    now,
  );
}
