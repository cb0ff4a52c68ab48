/**
 * The `status` filters (`--tag`, `--project`, `--agent`, `--status`): pure, so the CLI, the
 * dashboard and tests agree on what matches.
 *
 * Guarantees: an absent filter matches everything; several filters must all match (AND); several
 * tags must all be present; text matching is case-insensitive. `--project` matches the user-given
 * project name, or the project folder's path or base name.
 */
import type { Agent, Session, SessionStatus } from '../../../shared/session';

export interface SessionFilter {
  tags?: readonly string[];
  project?: string;
  agent?: Agent;
  status?: SessionStatus;
}

export function filterSessions<S extends Pick<Session, 'tags' | 'projectName' | 'project' | 'agent' | 'status'>>(
  sessions: readonly S[],
  filter: SessionFilter,
): S[] {
  return sessions.filter((session) => matches(session, filter));
}

function matches(session: Pick<Session, 'tags' | 'projectName' | 'project' | 'agent' | 'status'>, filter: SessionFilter): boolean {
  if (filter.agent && session.agent !== filter.agent) return false;
  if (filter.status && session.status !== filter.status) return false;
  if (filter.tags && filter.tags.length > 0) {
    const have = new Set(session.tags.map((tag) => tag.toLowerCase()));
    if (!filter.tags.every((tag) => have.has(tag.toLowerCase()))) return false;
  }
  if (filter.project) {
    const wanted = filter.project.toLowerCase();
    const path = session.project?.toLowerCase() ?? null;
    const base = path?.split(/[\\/]/).filter(Boolean).at(-1) ?? null;
    if (session.projectName?.toLowerCase() !== wanted && path !== wanted && base !== wanted) return false;
  }
  return true;
}
