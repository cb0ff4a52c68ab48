/**
 * The Monitor's contract with its users (the app's engine host, `headroom watch`, the dashboard
 * server): its options and the events it emits.
 */
import type { Problem, Session } from '../../shared/session';
import type { EngineOptions } from './engine';
import type { ProcessMatcher } from './processes/matcher';

export interface MonitorOptions extends EngineOptions {
  /** Delay that merges a burst of writes to one file into one read. */
  coalesceMs?: number;
  /** Force polling (network folders); normally chosen only when native watching fails. */
  usePolling?: boolean;
  /** Matches agent processes to sessions, polled every `processIntervalMs`; default: this machine's; false: none. */
  processes?: ProcessMatcher | false | undefined;
  processIntervalMs?: number;
  /** How often a missing root is checked for again. */
  rootRetryMs?: number;
  /** Data dir for the warm-start cache (loaded on start, saved every minute when changed and on close). */
  cacheDir?: string | undefined;
}

export interface RemovedSession {
  key: string;
}

export interface MonitorEvents {
  'session-added': [session: Session];
  'session-updated': [session: Session];
  'session-removed': [removed: RemovedSession];
  problem: [problem: Problem];
}

/** A session's stable key: `<agent>:<id>`. */
export function sessionKey(session: Pick<Session, 'agent' | 'id'>): string {
  return `${session.agent}:${session.id}`;
}

