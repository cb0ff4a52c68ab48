/**
 * Turns a source's session state into the public `Session` snapshot: adds the files, bad-line count,
 * liveness (status, pid, process), ETA and the user's own tags and project name.
 */
import type { Agent, ProcessInfo, Session, SessionStatus } from '../../shared/session';
import type { Settings } from '../../shared/settings';
import { etaMinutes } from './history/eta';
import type { ContextEvent, SessionCore } from './sources/types';

/** What the process matcher knows about a session's agent process. */
export interface Liveness {
  pid: number;
  process: ProcessInfo;
}

export interface Annotations {
  tags: string[];
  projectName: string | null;
}

export type Annotate = (agent: Agent, sessionId: string) => Annotations | null;

export interface SnapshotInput {
  core: SessionCore;
  events: readonly ContextEvent[];
  files: string[];
  badLines: number;
  liveness: Liveness | null;
  annotations: Annotations | null;
  settings: Pick<Settings, 'idleAfterMinutes'>;
  now: number;
}

/**
 * running: an agent process is attached and the session was active recently; idle: the process is
 * there but quiet for `idleAfterMinutes`, or no process is known yet the session was active recently;
 * ended: no process and quiet for longer than that.
 */
export function sessionStatus(lastActivityAt: string | null, live: boolean, idleAfterMinutes: number, now: number): SessionStatus {
  const quietFor = lastActivityAt === null ? Infinity : now - Date.parse(lastActivityAt);
  const recent = quietFor < idleAfterMinutes * 60_000;
  if (live) return recent ? 'running' : 'idle';
  return recent ? 'idle' : 'ended';
}

export function toSession(input: SnapshotInput): Session {
  const { core, liveness } = input;
  return {
    id: core.id,
    agent: core.agent,
    project: core.project,
    title: core.title,
    model: core.model,
    gitBranch: core.gitBranch,
    startedAt: core.startedAt,
    lastActivityAt: core.lastActivityAt,
    files: input.files,
    badLines: input.badLines,
    status: sessionStatus(core.lastActivityAt, liveness !== null, input.settings.idleAfterMinutes, input.now),
    pid: liveness?.pid ?? null,
    process: liveness?.process ?? null,
    context: {
      ...core.context,
      etaMinutes: etaMinutes(input.events, core.context.usedTokens, core.context.autoCompactAtTokens, input.now),
    },
    tokens: core.tokens,
    costUsd: core.costUsd,
    activity: core.activity,
    details: core.details,
    tags: input.annotations?.tags ?? [],
    projectName: input.annotations?.projectName ?? null,
  };
}

/** Most recently active first. ISO times in one format sort as plain strings (localeCompare is far slower). */
export function byLatestActivity(a: Pick<Session, 'lastActivityAt'>, b: Pick<Session, 'lastActivityAt'>): number {
  const left = a.lastActivityAt ?? '';
  const right = b.lastActivityAt ?? '';
  return right > left ? 1 : right < left ? -1 : 0;
}
