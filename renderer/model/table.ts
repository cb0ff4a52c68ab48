/**
 * Which sessions the overview table shows, and in what order. Pure, so the same filter and sort give
 * the same rows in a test as on screen.
 */
import type { SessionView } from '../../shared/api';
import type { Agent, SessionStatus } from '../../shared/session';
import { projectLabel } from '../../shared/format';
import { levelRank } from './levels';

export type SortKey = 'project' | 'agent' | 'context' | 'eta' | 'tokens' | 'cost' | 'health' | 'status' | 'activity';

export interface SortState {
  key: SortKey;
  descending: boolean;
}

/** Fullest context first: the session most likely to need attention is on top. */
export const DEFAULT_SORT: SortState = { key: 'context', descending: true };

export interface TableFilter {
  /** Free text; every word must appear somewhere in the session's searchable text. */
  query: string;
  agent: Agent | null;
  status: SessionStatus | null;
  tag: string | null;
  project: string | null;
}

export const NO_FILTER: TableFilter = { query: '', agent: null, status: null, tag: null, project: null };

/** The name a row shows for its project: the user's name for it, else the folder's last segment. */
export function projectName(session: SessionView): string {
  return session.projectName ?? projectLabel(session.project);
}

const STATUS_ORDER: Readonly<Record<SessionStatus, number>> = { running: 0, idle: 1, ended: 2 };

/** Each key's value; null sorts last whichever the direction, since unknown is not "small". */
const SORT_VALUE: Readonly<Record<SortKey, (session: SessionView) => number | string | null>> = {
  project: (session) => projectName(session).toLowerCase(),
  agent: (session) => session.agent,
  context: (session) => session.context.percent,
  eta: (session) => session.context.etaMinutes,
  tokens: (session) => session.tokens.total,
  cost: (session) => session.costUsd,
  health: (session) => session.health.score,
  status: (session) => STATUS_ORDER[session.status],
  activity: (session) => (session.lastActivityAt === null ? null : Date.parse(session.lastActivityAt)),
};

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function sortSessions(sessions: readonly SessionView[], sort: SortState): SessionView[] {
  const value = SORT_VALUE[sort.key];
  const direction = sort.descending ? -1 : 1;
  return [...sessions].sort((left, right) => {
    const a = value(left);
    const b = value(right);
    if (a !== null && b !== null) {
      const order = compareValues(a, b) * direction;
      if (order !== 0) return order;
    } else if (a !== b) {
      return a === null ? 1 : -1;
    }
    // Ties: worse level first, then a stable id order so rows never swap places at random.
    return levelRank(left.level) - levelRank(right.level) || left.id.localeCompare(right.id);
  });
}

function searchText(session: SessionView): string {
  return [
    session.title,
    session.project,
    session.projectName,
    session.model,
    session.gitBranch,
    session.id,
    session.agent,
    session.details.lastUserPrompt,
    ...session.tags,
  ]
    .filter((part): part is string => typeof part === 'string')
    .join('\n')
    .toLowerCase();
}

export function matchesFilter(session: SessionView, filter: TableFilter): boolean {
  if (filter.agent !== null && session.agent !== filter.agent) return false;
  if (filter.status !== null && session.status !== filter.status) return false;
  if (filter.tag !== null && !session.tags.includes(filter.tag)) return false;
  if (filter.project !== null && projectName(session) !== filter.project) return false;
  const words = filter.query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return true;
  const text = searchText(session);
  return words.every((word) => text.includes(word));
}

export function visibleSessions(sessions: readonly SessionView[], filter: TableFilter, sort: SortState): SessionView[] {
  return sortSessions(
    sessions.filter((session) => matchesFilter(session, filter)),
    sort,
  );
}

export interface FilterOptions {
  agents: Agent[];
  statuses: SessionStatus[];
  tags: string[];
  projects: string[];
}

/** The values the filter menus offer: only those some session has, sorted. */
export function filterOptions(sessions: readonly SessionView[]): FilterOptions {
  const sorted = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    agents: sorted(sessions.map((session) => session.agent)),
    statuses: sorted(sessions.map((session) => session.status)),
    tags: sorted(sessions.flatMap((session) => session.tags)),
    projects: sorted(sessions.map(projectName)),
  };
}

/** Clicking the sorted column flips it; another column starts in its natural direction. */
export function toggleSort(current: SortState, key: SortKey): SortState {
  if (current.key === key) return { key, descending: !current.descending };
  const ascendingFirst: readonly SortKey[] = ['project', 'agent', 'eta', 'status'];
  return { key, descending: !ascendingFirst.includes(key) };
}

/** The id `delta` rows away from `current` (j/k), clamped to the list; the first row when none is selected. */
export function moveSelection(ids: readonly string[], current: string | null, delta: number): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[delta < 0 ? ids.length - 1 : 0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))] ?? null;
}
