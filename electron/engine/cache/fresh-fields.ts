/**
 * What a finished session needs again on every run: its status (the clock and running processes),
 * its process, its ETA (the clock) and the user's tags and project name. The rest of a session only
 * changes when its transcripts do.
 */
import type { ProcessInfo, Session, SessionStatus } from '../../../shared/session';
import type { Settings } from '../../../shared/settings';
import { etaMinutes } from '../history/eta';
import { type Annotate, type Liveness, sessionStatus } from '../snapshot';
import type { ContextEvent } from '../sources/types';

export interface FreshFields {
  status: SessionStatus;
  pid: number | null;
  process: ProcessInfo | null;
  etaMinutes: number | null;
  tags: string[];
  projectName: string | null;
}

/** What a session's fresh fields are worked out from. */
export interface FreshInput {
  agent: Session['agent'];
  id: string;
  lastActivityAt: string | null;
  usedTokens: number | null;
  autoCompactAtTokens: number | null;
}

export function freshFields(
  session: FreshInput,
  recent: readonly ContextEvent[],
  liveness: ReadonlyMap<string, Liveness>,
  annotate: Annotate | undefined,
  settings: Settings,
  now: number,
): FreshFields {
  // Usually no agent runs: then no key is built for any of the thousands of sessions.
  const live = liveness.size === 0 ? null : (liveness.get(`${session.agent}:${session.id}`) ?? null);
  const notes = annotate?.(session.agent, session.id);
  return {
    status: sessionStatus(session.lastActivityAt, live !== null, settings.idleAfterMinutes, now),
    pid: live?.pid ?? null,
    process: live?.process ?? null,
    etaMinutes: etaMinutes(recent, session.usedTokens, session.autoCompactAtTokens, now),
    tags: notes?.tags ?? [],
    projectName: notes?.projectName ?? null,
  };
}

/** Finished sessions (sent by scan workers) brought up to date with the clock, processes and tags. */
export function refreshCached(
  cached: readonly { session: Session; recent: readonly ContextEvent[] }[],
  liveness: ReadonlyMap<string, Liveness>,
  annotate: Annotate | undefined,
  settings: Settings,
  now: number,
): Session[] {
  return cached.map(({ session, recent }) => {
    const { context } = session;
    const input = { agent: session.agent, id: session.id, lastActivityAt: session.lastActivityAt, usedTokens: context.usedTokens, autoCompactAtTokens: context.autoCompactAtTokens };
    const fresh = freshFields(input, recent, liveness, annotate, settings, now);
    return {
      ...session,
      status: fresh.status,
      pid: fresh.pid,
      process: fresh.process,
      context: { ...context, etaMinutes: fresh.etaMinutes },
      tags: fresh.tags,
      projectName: fresh.projectName,
    };
  });
}
